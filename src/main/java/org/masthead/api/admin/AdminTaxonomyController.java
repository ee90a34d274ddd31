package org.masthead.api.admin;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.masthead.api.ApiConfiguration;
import org.masthead.api.openapi.ErrorResponses;
import org.masthead.api.admin.TaxonomyRequests.AuthorRequest;
import org.masthead.api.admin.TaxonomyRequests.MergeRequest;
import org.masthead.api.admin.TaxonomyRequests.SectionRequest;
import org.masthead.api.admin.TaxonomyRequests.TagRequest;
import org.masthead.api.admin.TaxonomyRequests.Texts;
import org.masthead.api.admin.TaxonomyResponses.AuthorResponse;
import org.masthead.api.admin.TaxonomyResponses.SectionResponse;
import org.masthead.api.admin.TaxonomyResponses.TagResponse;
import org.masthead.content.AuthorDetails;
import org.masthead.content.AuthorDraft;
import org.masthead.content.SectionDetails;
import org.masthead.content.SectionDraft;
import org.masthead.content.TagDetails;
import org.masthead.content.TagDraft;
import org.masthead.content.Taxonomy;
import org.masthead.content.TaxonomyNotFound;
import org.masthead.editorial.TaxonomyDesk;
import org.masthead.identity.NewsroomUser;
import org.masthead.platform.Language;
import org.masthead.platform.Localized;
import org.masthead.site.PublicUrls;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Sections, tags and authors through the admin API, with the same checks as the newsroom's pages: the
 * token's scope decides the kind of request (read for GET, write for the rest), the account's roles what
 * it may change (admins sections, editors tags and authors), and every change is audited and announced.
 */
@RestController
@Tag(name = ApiConfiguration.ADMIN)
@ErrorResponses({400, 401, 403})
@SecurityRequirement(name = ApiConfiguration.ADMIN_TOKEN)
@RequestMapping(path = "/api/v1/admin", produces = MediaType.APPLICATION_JSON_VALUE)
class AdminTaxonomyController {

    private static final String ID = "/{id:\\d{1,18}}";

    private final TaxonomyDesk desk;
    private final Taxonomy taxonomy;
    private final PublicUrls urls;

    AdminTaxonomyController(TaxonomyDesk desk, Taxonomy taxonomy, PublicUrls urls) {
        this.desk = desk;
        this.taxonomy = taxonomy;
        this.urls = urls;
    }

    // sections

    @Operation(operationId = "listAdminSections", summary = "Every section, in navigation order, hidden and archived ones included")
    @GetMapping("/sections")
    List<SectionResponse> sections() {
        var counts = taxonomy.storiesPerSection();
        return taxonomy.sectionDetails().stream().map(s -> section(s, counts.getOrDefault(s.id(), 0))).toList();
    }

    @ErrorResponses(415)
    @Operation(operationId = "createSection", summary = "Create a section (admins)")
    @PostMapping(path = "/sections", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<SectionResponse> createSection(@AuthenticationPrincipal NewsroomUser user,
            @Valid @RequestBody SectionRequest body) {
        long id = desk.createSection(user, sectionDraft(body));
        if (body.position() != null) {
            desk.placeSection(user, id, body.position());
        }
        return ResponseEntity.created(URI.create("/api/v1/admin/sections/" + id)).body(section(sectionDetails(id)));
    }

    @ErrorResponses(404)
    @Operation(operationId = "getSection", summary = "One section")
    @GetMapping("/sections" + ID)
    SectionResponse section(@PathVariable long id) {
        return section(sectionDetails(id));
    }

    @ErrorResponses({404, 415})
    @Operation(operationId = "updateSection", summary = "Change a section (admins); a new slug keeps the old addresses answering 301")
    @PutMapping(path = "/sections" + ID, consumes = MediaType.APPLICATION_JSON_VALUE)
    SectionResponse updateSection(@AuthenticationPrincipal NewsroomUser user, @PathVariable long id,
            @Valid @RequestBody SectionRequest body) {
        sectionDetails(id);
        desk.updateSection(user, id, sectionDraft(body));
        if (body.position() != null) {
            desk.placeSection(user, id, body.position());
        }
        return section(sectionDetails(id));
    }

    @ErrorResponses(404)
    @Operation(operationId = "deleteSection", summary = "Delete an empty section (admins); one that holds stories, or the last one, is refused")
    @ApiResponse(responseCode = "204", description = "Deleted; nothing in the body")
    // no body to negotiate: a client that accepts only problem documents (for the errors) is answered too
    @DeleteMapping(path = "/sections" + ID, produces = MediaType.ALL_VALUE)
    ResponseEntity<Void> deleteSection(@AuthenticationPrincipal NewsroomUser user, @PathVariable long id) {
        sectionDetails(id);
        desk.deleteSection(user, id);
        return ResponseEntity.noContent().build();
    }

    // tags

    @Operation(operationId = "listAdminTags", summary = "Tags whose slug or name in any language contains q (all without q)")
    @GetMapping("/tags")
    List<TagResponse> tags(@RequestParam(defaultValue = "") String q) {
        if (q.length() > 100) {
            throw new InvalidField("q", "At most 100 characters.");
        }
        var counts = taxonomy.storiesPerTag();
        return taxonomy.findTags(q).stream().map(t -> tag(t, counts.getOrDefault(t.id(), 0))).toList();
    }

    @ErrorResponses(415)
    @Operation(operationId = "createTag", summary = "Create a tag (editors)")
    @PostMapping(path = "/tags", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<TagResponse> createTag(@AuthenticationPrincipal NewsroomUser user, @Valid @RequestBody TagRequest body) {
        long id = desk.createTag(user, new TagDraft(text(body.slug()), body.name().localized(), Texts.of(body.description())));
        return ResponseEntity.created(URI.create("/api/v1/admin/tags/" + id)).body(tag(tagDetails(id)));
    }

    @ErrorResponses(404)
    @Operation(operationId = "getTag", summary = "One tag")
    @GetMapping("/tags" + ID)
    TagResponse tag(@PathVariable long id) {
        return tag(tagDetails(id));
    }

    @ErrorResponses({404, 415})
    @Operation(operationId = "updateTag", summary = "Rename or describe a tag (editors); a new slug keeps the old addresses answering 301")
    @PutMapping(path = "/tags" + ID, consumes = MediaType.APPLICATION_JSON_VALUE)
    TagResponse updateTag(@AuthenticationPrincipal NewsroomUser user, @PathVariable long id,
            @Valid @RequestBody TagRequest body) {
        tagDetails(id);
        desk.updateTag(user, id, new TagDraft(text(body.slug()), body.name().localized(), Texts.of(body.description())));
        return tag(tagDetails(id));
    }

    @ErrorResponses({404, 415})
    @Operation(operationId = "mergeTag", summary = "Merge a tag into another (editors): its stories get the other tag, its page and feeds answer "
            + "301 there; answers the tag that stays")
    @PostMapping(path = "/tags" + ID + "/merge", consumes = MediaType.APPLICATION_JSON_VALUE)
    TagResponse mergeTag(@AuthenticationPrincipal NewsroomUser user, @PathVariable long id,
            @Valid @RequestBody MergeRequest body) {
        tagDetails(id);
        long into;
        if (body.intoId() != null) {
            into = taxonomy.tagDetails(body.intoId()).orElseThrow(() -> new InvalidField("intoId",
                    "There is no tag " + body.intoId() + ".")).id();
        } else if (body.intoSlug() != null && !body.intoSlug().isBlank()) {
            into = taxonomy.tag(body.intoSlug()).orElseThrow(() -> new InvalidField("intoSlug",
                    "There is no tag '" + body.intoSlug() + "'.")).id();
        } else {
            throw new InvalidField("intoId", "Name the tag that stays by 'intoId' or 'intoSlug'.");
        }
        desk.mergeTags(user, id, into);
        return tag(tagDetails(into));
    }

    @ErrorResponses(404)
    @Operation(operationId = "deleteTag", summary = "Delete a tag (editors); its stories lose it")
    @ApiResponse(responseCode = "204", description = "Deleted; nothing in the body")
    // no body to negotiate: a client that accepts only problem documents (for the errors) is answered too
    @DeleteMapping(path = "/tags" + ID, produces = MediaType.ALL_VALUE)
    ResponseEntity<Void> deleteTag(@AuthenticationPrincipal NewsroomUser user, @PathVariable long id) {
        tagDetails(id);
        desk.deleteTag(user, id);
        return ResponseEntity.noContent().build();
    }

    // authors

    @Operation(operationId = "listAdminAuthors", summary = "Every author profile")
    @GetMapping("/authors")
    List<AuthorResponse> authors() {
        return taxonomy.authorDetails().stream().map(this::author).toList();
    }

    @ErrorResponses(415)
    @Operation(operationId = "createAuthor", summary = "Create an author profile (editors)")
    @PostMapping(path = "/authors", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<AuthorResponse> createAuthor(@AuthenticationPrincipal NewsroomUser user,
            @Valid @RequestBody AuthorRequest body) {
        long id = desk.createAuthor(user, authorDraft(body));
        return ResponseEntity.created(URI.create("/api/v1/admin/authors/" + id)).body(author(authorDetails(id)));
    }

    @ErrorResponses(404)
    @Operation(operationId = "getAuthor", summary = "One author profile")
    @GetMapping("/authors" + ID)
    AuthorResponse author(@PathVariable long id) {
        return author(authorDetails(id));
    }

    @ErrorResponses({404, 415})
    @Operation(operationId = "updateAuthor", summary = "Change an author profile (editors)")
    @PutMapping(path = "/authors" + ID, consumes = MediaType.APPLICATION_JSON_VALUE)
    AuthorResponse updateAuthor(@AuthenticationPrincipal NewsroomUser user, @PathVariable long id,
            @Valid @RequestBody AuthorRequest body) {
        authorDetails(id);
        desk.updateAuthor(user, id, authorDraft(body));
        return author(authorDetails(id));
    }

    @ErrorResponses(404)
    @Operation(operationId = "deleteAuthor", summary = "Delete an author profile no story carries (editors)")
    @ApiResponse(responseCode = "204", description = "Deleted; nothing in the body")
    // no body to negotiate: a client that accepts only problem documents (for the errors) is answered too
    @DeleteMapping(path = "/authors" + ID, produces = MediaType.ALL_VALUE)
    ResponseEntity<Void> deleteAuthor(@AuthenticationPrincipal NewsroomUser user, @PathVariable long id) {
        authorDetails(id);
        desk.deleteAuthor(user, id);
        return ResponseEntity.noContent().build();
    }

    private static SectionDraft sectionDraft(SectionRequest body) {
        return new SectionDraft(text(body.slug()), body.name().localized(), Texts.of(body.description()),
                Texts.of(body.seoTitle()), Texts.of(body.seoDescription()), Boolean.TRUE.equals(body.hidden()),
                Boolean.TRUE.equals(body.archived()));
    }

    private static AuthorDraft authorDraft(AuthorRequest body) {
        return new AuthorDraft(text(body.slug()), body.name().localized(), Texts.of(body.bio()), Texts.of(body.jobTitle()),
                body.photoMediaId(), Objects.requireNonNullElse(body.links(), List.of()), body.accountId());
    }

    private SectionDetails sectionDetails(long id) {
        return taxonomy.sectionDetails(id).orElseThrow(() -> new TaxonomyNotFound("section"));
    }

    private TagDetails tagDetails(long id) {
        return taxonomy.tagDetails(id).orElseThrow(() -> new TaxonomyNotFound("tag"));
    }

    private AuthorDetails authorDetails(long id) {
        return taxonomy.authorDetails(id).orElseThrow(() -> new TaxonomyNotFound("author"));
    }

    private SectionResponse section(SectionDetails s) {
        return section(s, taxonomy.storiesInSection(s.id()));
    }

    private SectionResponse section(SectionDetails s, int stories) {
        return new SectionResponse(s.id(), s.slug(), s.position(), texts(s.name()), texts(s.description()),
                texts(s.seoTitle()), texts(s.seoDescription()), s.hidden(), s.archived(), stories,
                addresses(l -> urls.section(l, s.section())));
    }

    private TagResponse tag(TagDetails t) {
        return tag(t, taxonomy.storiesTagged(t.id()));
    }

    private TagResponse tag(TagDetails t, int stories) {
        return new TagResponse(t.id(), t.slug(), texts(t.name()), texts(t.description()), stories,
                addresses(l -> urls.tag(l, t.tag())));
    }

    private AuthorResponse author(AuthorDetails details) {
        var a = details.author();
        return new AuthorResponse(a.id(), a.slug(), texts(a.name()), texts(a.bio()), texts(a.jobTitle()),
                a.photoMediaId(), a.links(), a.accountId(), details.stories(), addresses(l -> urls.author(l, a)));
    }

    static Map<String, String> texts(Localized texts) {
        var out = new LinkedHashMap<String, String>();
        Language.all().forEach(l -> out.put(l.code(), texts.in(l)));
        return out;
    }

    private Map<String, String> addresses(Function<Language, String> path) {
        var out = new LinkedHashMap<String, String>();
        Language.all().forEach(l -> out.put(l.code(), urls.absolute(path.apply(l))));
        return out;
    }

    static String text(@Nullable String value) {
        return value == null ? "" : value.strip();
    }
}
