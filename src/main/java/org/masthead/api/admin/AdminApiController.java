package org.masthead.api.admin;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.io.IOException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.masthead.api.ApiConfiguration;
import org.masthead.api.openapi.ErrorResponses;
import org.masthead.api.admin.AdminRequests.CreateStoryRequest;
import org.masthead.api.admin.AdminRequests.SaveVersionRequest;
import org.masthead.api.admin.AdminRequests.StatusRequest;
import org.masthead.api.admin.AdminResponses.LeadImage;
import org.masthead.api.admin.AdminResponses.MediaResponse;
import org.masthead.api.admin.AdminResponses.MediaTexts;
import org.masthead.api.admin.AdminResponses.SavedResponse;
import org.masthead.api.admin.AdminResponses.StoryResponse;
import org.masthead.api.admin.AdminResponses.VersionResponse;
import org.masthead.content.Author;
import org.masthead.content.SaveVersion;
import org.masthead.content.Section;
import org.masthead.content.Stories;
import org.masthead.content.StoryMetadata;
import org.masthead.content.StoryNotFound;
import org.masthead.content.Taxonomy;
import org.masthead.editorial.EditorialWorkflow;
import org.masthead.identity.AuditLog;
import org.masthead.identity.NewsroomUser;
import org.masthead.identity.Role;
import org.masthead.media.MediaLibrary;
import org.masthead.media.MediaText;
import org.masthead.platform.Language;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * The admin API, for a wire service or another system publishing programmatically. Each request acts
 * as the account of its personal access token: every change goes through {@link EditorialWorkflow}, so
 * the account's roles decide what it may do and the audit log names it. The security chain has already
 * checked the token's scope for the kind of request.
 */
@RestController
@Tag(name = ApiConfiguration.ADMIN)
@SecurityRequirement(name = ApiConfiguration.ADMIN_TOKEN)
@ErrorResponses({400, 401, 403})
@RequestMapping(path = "/api/v1/admin", produces = MediaType.APPLICATION_JSON_VALUE)
class AdminApiController {

    private final EditorialWorkflow workflow;
    private final Stories stories;
    private final Taxonomy taxonomy;
    private final MediaLibrary media;
    private final AuditLog audit;
    private final TransactionTemplate transactions;

    AdminApiController(EditorialWorkflow workflow, Stories stories, Taxonomy taxonomy, MediaLibrary media, AuditLog audit,
            PlatformTransactionManager transactions) {
        this.workflow = workflow;
        this.stories = stories;
        this.taxonomy = taxonomy;
        this.media = media;
        this.audit = audit;
        this.transactions = new TransactionTemplate(transactions);
    }

    /** Opens a draft owned by the token's account; contributors and editors only. */
    @PostMapping(path = "/stories", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "createStory", summary = "Open a draft story",
            responses = @ApiResponse(responseCode = "201", description = "The draft, at the address in Location."))
    @ErrorResponses(415)
    ResponseEntity<StoryResponse> create(@AuthenticationPrincipal NewsroomUser user,
            @Valid @RequestBody CreateStoryRequest body) {
        var section = taxonomy.section(body.section()).orElseThrow(() -> new InvalidField("section",
                "There is no section '" + body.section() + "'."));
        var authors = Objects.requireNonNullElse(body.authors(), List.<String>of()).stream()
                .map(slug -> taxonomy.author(slug).orElseThrow(() -> new InvalidField("authors",
                        "There is no author '" + slug + "'.")).id()).distinct().toList();
        var tags = Objects.requireNonNullElse(body.tags(), List.<String>of()).stream()
                .map(slug -> taxonomy.tag(slug).orElseThrow(() -> new InvalidField("tags",
                        "There is no tag '" + slug + "'.")).id()).distinct().toList();
        if (body.leadImageId() != null && media.find(body.leadImageId()).isEmpty()) {
            throw new InvalidField("leadImageId", "There is no image " + body.leadImageId() + ".");
        }
        long id = workflow.open(user, new StoryMetadata(section.id(), authors, tags, body.leadImageId()),
                Language.fromCode(body.sourceLanguage()).orElseThrow());
        return ResponseEntity.created(URI.create("/api/v1/admin/stories/" + id)).body(story(id));
    }

    /** The story whatever its status, with the latest revision of every written version. */
    @GetMapping("/stories/{id:\\d{1,18}}")
    @Operation(operationId = "getAdminStory", summary = "A story in any status with the latest revision of each version")
    @ErrorResponses(404)
    StoryResponse get(@Parameter(description = "The story's id.", example = "42") @PathVariable long id) {
        return story(id);
    }

    /**
     * Saves a new revision of one language version. The body is checked by the same rules as the newsroom's
     * editor ({@code ContentRules}): a refusal is a 400 naming each field, such as
     * {@code body[3].text.marks[0].href}.
     */
    @PutMapping(path = "/stories/{id:\\d{1,18}}/{lang}", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "saveVersion", summary = "Save a new revision of one language version",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(
                    mediaType = MediaType.APPLICATION_JSON_VALUE, examples = @ExampleObject(name = "everyBlock",
                    summary = "A version with one block of each type", value = AdminRequests.SAVE_EXAMPLE))))
    @ErrorResponses({404, 409, 415})
    ResponseEntity<SavedResponse> save(@AuthenticationPrincipal NewsroomUser user,
            @Parameter(description = "The story's id.", example = "42") @PathVariable long id,
            @Parameter(description = "The version's language.", example = "en",
                    schema = @Schema(allowableValues = {"uk", "en", "ru"})) @PathVariable String lang,
            @Valid @RequestBody SaveVersionRequest body) {
        var language = language(lang);
        var lead = body.leadImage();
        int revision = workflow.save(user, new SaveVersion(id, language, body.basedOnRevision(), body.headline().strip(),
                text(body.standfirst()), text(body.seoTitle()), text(body.seoDescription()),
                lead == null ? "" : text(lead.caption()), lead == null ? "" : text(lead.credit()),
                lead == null ? "" : text(lead.alt()), body.body(), user.username()));
        return ResponseEntity.ok().location(URI.create("/api/v1/admin/stories/" + id))
                .body(new SavedResponse(id, language.code(), revision));
    }

    /** Submits, publishes, unpublishes or schedules the story; needs the publish scope and the roles for it. */
    @PostMapping(path = "/stories/{id:\\d{1,18}}/status", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "changeStatus", summary = "Submit, publish, unpublish or schedule the story",
            description = "Needs the publish scope, and the account's roles for the action.")
    @ErrorResponses({404, 409, 415, 422})
    StoryResponse status(@AuthenticationPrincipal NewsroomUser user,
            @Parameter(description = "The story's id.", example = "42") @PathVariable long id,
            @Valid @RequestBody StatusRequest body) {
        var seen = seen(body.revisions());
        switch (body.action()) {
            case "submit" -> workflow.submit(user, id);
            case "publish" -> workflow.publish(user, id, seen);
            case "unpublish" -> workflow.unpublish(user, id);
            case "schedule" -> {
                if (body.at() == null) {
                    throw new InvalidField("at", "Scheduling needs 'at', a date and time with its offset.");
                }
                workflow.schedule(user, id, body.at().toInstant(), seen);
            }
            default -> throw new InvalidField("action", "Unknown action '" + body.action() + "'.");
        }
        return story(id);
    }

    /** The revisions a status change saw, by language; {@code null} when the request names none. */
    private static @Nullable Map<Language, Integer> seen(@Nullable Map<String, Integer> revisions) {
        if (revisions == null) {
            return null;
        }
        var seen = new java.util.EnumMap<Language, Integer>(Language.class);
        revisions.forEach((code, revision) -> {
            var language = Language.fromCode(code).orElseThrow(() -> new InvalidField("revisions",
                    "'revisions' takes the languages uk, en and ru."));
            if (revision == null || revision < 0) {
                throw new InvalidField("revisions", "A revision is a number from 0 (a version not written).");
            }
            seen.put(language, revision);
        });
        return seen;
    }

    /**
     * Uploads an image (sniffed and bounded by the media library, its metadata stripped) with its
     * caption, credit and alt text per language, e.g. {@code uk.caption}, {@code en.alt}.
     */
    @PostMapping(path = "/media", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(operationId = "uploadImage", summary = "Upload an image with its texts in each language",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(
                    mediaType = MediaType.MULTIPART_FORM_DATA_VALUE,
                    schema = @Schema(implementation = AdminRequests.UploadForm.class))),
            responses = @ApiResponse(responseCode = "201", description = "The image, at the address in Location."))
    @ErrorResponses({413, 415, 422})
    ResponseEntity<MediaResponse> upload(@AuthenticationPrincipal NewsroomUser user,
            @Parameter(hidden = true) @RequestParam(required = false) @Nullable MultipartFile file,
            @Parameter(hidden = true) @RequestParam Map<String, String> fields)
            throws IOException {
        if (!(user.has(Role.CONTRIBUTOR) || user.has(Role.EDITOR) || user.has(Role.TRANSLATOR))) {
            throw new AccessDeniedException("Only writers, editors and translators upload images.");
        }
        if (file == null || file.isEmpty()) {
            throw new InvalidField("file", "Send the image as the multipart part 'file'.");
        }
        var texts = new LinkedHashMap<Language, MediaText>();
        for (var language : Language.all()) {
            var caption = field(fields, language, "caption");
            var credit = field(fields, language, "credit");
            var alt = field(fields, language, "alt");
            if (!(caption + credit + alt).isBlank()) {
                texts.put(language, new MediaText(caption, credit, alt));
            }
        }
        byte[] bytes = file.getBytes();
        var name = Objects.requireNonNullElse(file.getOriginalFilename(), "");
        // the image and its texts are kept together or not at all
        long id = Objects.requireNonNull(transactions.execute(status -> {
            var item = media.upload(bytes, name, user.username());
            texts.forEach((language, text) -> media.describe(item.id(), language, text));
            audit.record(user.username(), "media.upload", "media " + item.id(), item.originalName());
            return item.id();
        }));
        var item = media.item(id).orElseThrow();
        var out = new LinkedHashMap<String, MediaTexts>();
        item.texts().forEach((language, text) -> out.put(language.code(),
                new MediaTexts(text.caption(), text.credit(), text.alt())));
        return ResponseEntity.created(URI.create("/media/" + id + "/" + item.width() + ".jpg"))
                .body(new MediaResponse(id, item.originalName(), item.width(), item.height(), out));
    }

    private StoryResponse story(long id) {
        var story = stories.details(id).orElseThrow(() -> new StoryNotFound(id));
        var sections = taxonomy.sections().stream().collect(Collectors.toMap(Section::id, Section::slug));
        var authors = taxonomy.authors().stream().collect(Collectors.toMap(Author::id, Author::slug));
        var tags = taxonomy.tags().stream().collect(Collectors.toMap(org.masthead.content.Tag::id, org.masthead.content.Tag::slug));
        var versions = new LinkedHashMap<String, VersionResponse>();
        for (var language : Language.all()) {
            stories.working(id, language).ifPresent(v -> versions.put(language.code(), new VersionResponse(v.revision(),
                    story.publishedRevisions().getOrDefault(language, 0), v.slug(), v.headline(), v.standfirst(),
                    v.seoTitle(), v.seoDescription(), new LeadImage(v.leadImageCaption(), v.leadImageCredit(),
                    v.leadImageAlt()), v.body(), v.savedBy(), v.savedAt())));
        }
        return new StoryResponse(id, story.status().name().toLowerCase(java.util.Locale.ROOT),
                sections.getOrDefault(story.sectionId(), ""), story.sourceLanguage().code(),
                slugs(story.authorIds(), authors), slugs(story.tagIds(), tags), story.leadImageId(), story.createdBy(),
                story.createdAt(), story.scheduledAt(), story.firstPublishedAt(), versions);
    }

    private static List<String> slugs(List<Long> ids, Map<Long, String> slugs) {
        return ids.stream().map(slugs::get).filter(Objects::nonNull).toList();
    }

    static Language language(String code) {
        return Language.fromCode(code).orElseThrow(() -> new InvalidField("lang",
                "'" + code + "' is not a language of this site; use uk, en or ru."));
    }

    private static String field(Map<String, String> fields, Language language, String name) {
        var value = fields.getOrDefault(language.code() + "." + name, "").strip();
        if (value.length() > AdminRequests.MAX_SHORT) {
            throw new InvalidField(language.code() + "." + name, "At most " + AdminRequests.MAX_SHORT + " characters.");
        }
        return value;
    }

    private static String text(@Nullable String value) {
        return value == null ? "" : value.strip();
    }
}
