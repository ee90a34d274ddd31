package org.masthead.api.admin;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.masthead.api.ApiConfiguration;
import org.masthead.api.openapi.ErrorResponses;
import org.masthead.content.Block;
import org.masthead.content.LiveBlog;
import org.masthead.content.LiveBlogClosed;
import org.masthead.content.LiveBlogs;
import org.masthead.content.LiveEntry;
import org.masthead.content.StoryNotFound;
import org.masthead.content.TaxonomyNotFound;
import org.masthead.editorial.LiveDesk;
import org.masthead.editorial.NotAllowed;
import org.masthead.identity.NewsroomUser;
import org.masthead.platform.Language;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Live blogs through the admin API, for wire services posting entries: the story's state, and its entries
 * posted, read, corrected and withdrawn. An entry is live at once, so posting needs the publish scope. The
 * account's roles decide the rest ({@link LiveDesk}); bodies are checked as every body is.
 */
@RestController
@Tag(name = ApiConfiguration.ADMIN)
@ErrorResponses({400, 401, 403, 404})
@SecurityRequirement(name = ApiConfiguration.ADMIN_TOKEN)
@RequestMapping(path = "/api/v1/admin/stories/{id:\\d{1,18}}/live", produces = MediaType.APPLICATION_JSON_VALUE)
class AdminLiveController {

    private final LiveDesk desk;
    private final LiveBlogs blogs;
    private final EntryRate rate;

    AdminLiveController(LiveDesk desk, LiveBlogs blogs, EntryRate rate) {
        this.desk = desk;
        this.blogs = blogs;
        this.rate = rate;
    }

    @Schema(description = "A live blog's state: live, paused or ended; `showUntranslated` (default true) shows readers of "
            + "another language an entry written in one language only, with a note, instead of hiding it.")
    record LiveBlogRequest(@NotBlank @Schema(example = "live", allowableValues = {"live", "paused", "ended"}) String state,
            @Nullable Boolean showUntranslated) {
    }

    record LiveBlogResponse(long storyId, String state, Instant startedAt, @Nullable Instant endedAt,
            boolean showUntranslated, int entries) {
    }

    @Schema(description = "An entry: its language, byline, optional headline, body (the blocks of a story body; "
            + "at most 30) and whether it is a key event.")
    record EntryRequest(@NotBlank @Schema(example = "uk") String language, @NotBlank @Size(max = 120) String author,
            @Nullable @Size(max = 300) String headline, @NotNull @Valid List<Block> body, @Nullable Boolean keyEvent) {
    }

    record EntryResponse(long id, long storyId, String language, Instant postedAt, String author, String headline,
            List<Block> body, boolean keyEvent, boolean withdrawn, @Nullable Instant correctedAt,
            @Schema(description = "The change that posted or last changed it: its id in the live blog's event stream.")
            long change,
            @Schema(description = "How many times its headline or text was corrected, plus one: a translation made from "
                    + "an older revision is behind it.") int revision,
            @Schema(description = "Its translations by language: `translated` (from its current text) or `outdated` "
                    + "(the entry was corrected since); a language absent is not translated.", example = "{\"en\": \"outdated\"}")
            Map<String, String> translations) {
    }

    @Schema(description = "An entry's translation into the language of the address: its headline (optional) and body "
            + "(the blocks of a story body, as the entry's). Made from the entry's current text.")
    record TranslationRequest(@Nullable @Size(max = 300) String headline, @NotNull @Valid List<Block> body) {
    }

    record TranslationResponse(long entryId, long storyId, String language, String sourceLanguage, String headline,
            List<Block> body,
            @Schema(description = "`translated`: made from the entry's current text; `outdated`: the entry was "
                    + "corrected since (readers see the translation with a note).", allowableValues = {"translated", "outdated"})
            String state,
            @Schema(description = "The entry's revision it was made from.") int sourceRevision,
            @Schema(description = "The entry's revision now.") int entryRevision, Instant translatedAt,
            String translatedBy) {
    }

    record EntriesResponse(List<EntryResponse> items,
            @Nullable @Schema(description = "Pass as `olderThan` for the next page; absent on the last.") Long olderThan) {
    }

    @ErrorResponses(415)
    @Operation(operationId = "setLiveBlog", summary = "Make a story a live blog, or open, pause or end it (editors; "
            + "publish scope)")
    @PutMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    LiveBlogResponse state(@AuthenticationPrincipal NewsroomUser user,
            @Parameter(description = "The story's id.", example = "42") @PathVariable long id,
            @Valid @RequestBody LiveBlogRequest body) {
        var state = LiveBlog.State.fromKey(body.state()).orElseThrow(() -> new InvalidField("state",
                "'" + body.state() + "' is not a state; use live, paused or ended."));
        var blog = desk.setState(user, id, state, !Boolean.FALSE.equals(body.showUntranslated()));
        return response(blog);
    }

    @Operation(operationId = "listLiveEntries", summary = "A live blog's entries, newest first, in every language")
    @GetMapping("/entries")
    EntriesResponse entries(@Parameter(description = "The story's id.", example = "42") @PathVariable long id,
            @Parameter(description = "Only entries older than this one.") @RequestParam(required = false) @Nullable Long olderThan,
            @Parameter(description = "How many, 1 to 100.") @RequestParam(defaultValue = "20") int limit) {
        blogs.find(id).orElseThrow(() -> new StoryNotFound(id));
        if (limit < 1 || limit > 100) {
            throw new InvalidField("limit", "'limit' takes a whole number from 1 to 100.");
        }
        var page = blogs.entries(id, null, olderThan, limit);
        return new EntriesResponse(page.entries().stream().map(e -> entry(e, 0)).toList(), page.olderThan());
    }

    @ErrorResponses({413, 415, 422, 429})
    @Operation(operationId = "postLiveEntry", summary = "Post an entry to a live blog (contributors and editors; publish "
            + "scope): readers see it at once, webhooks announce it",
            description = "A body over " + RequestBodyLimit.ENTRY_BYTES + " bytes is answered 413; an entry over "
                    + LiveBlogs.MAX_ENTRY_BLOCKS + " blocks or " + LiveBlogs.MAX_ENTRY_TEXT + " characters of text 422 "
                    + "(field `body`), as is one for a live blog that has ended (field `state`). One token posts at "
                    + "most 300 entries a minute (`masthead.rate-limits.live-entries-per-token`); beyond, 429 with "
                    + "Retry-After, while other tokens go on.",
            responses = @ApiResponse(responseCode = "201", description = "The entry, at the address in Location."))
    @PostMapping(path = "/entries", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<EntryResponse> post(@AuthenticationPrincipal NewsroomUser user,
            @Parameter(description = "The story's id.", example = "42") @PathVariable long id,
            @Valid @RequestBody EntryRequest body, HttpServletRequest request) {
        rate.take(request);
        var changed = desk.post(user, id, draft(body));
        return ResponseEntity.created(URI.create("/api/v1/admin/stories/" + id + "/live/entries/" + changed.entry().id()))
                .body(entry(changed.entry(), changed.changeId()));
    }

    @ErrorResponses({413, 415, 422})
    @Operation(operationId = "correctLiveEntry", summary = "Correct an entry (editors; publish scope): readers see it as "
            + "corrected, with the time; its language stays")
    @PutMapping(path = "/entries/{entry:\\d{1,18}}", consumes = MediaType.APPLICATION_JSON_VALUE)
    EntryResponse correct(@AuthenticationPrincipal NewsroomUser user,
            @Parameter(description = "The story's id.", example = "42") @PathVariable long id,
            @Parameter(description = "The entry's id.", example = "7") @PathVariable long entry,
            @Valid @RequestBody EntryRequest body) {
        var changed = desk.correct(user, id, entry, draft(body));
        return entry(changed.entry(), changed.changeId());
    }

    @Operation(operationId = "withdrawLiveEntry", summary = "Withdraw an entry (editors; publish scope): its place stays "
            + "as a note that it was withdrawn")
    @ApiResponse(responseCode = "204", description = "Withdrawn; nothing in the body")
    @DeleteMapping(path = "/entries/{entry:\\d{1,18}}", produces = MediaType.ALL_VALUE)
    ResponseEntity<Void> withdraw(@AuthenticationPrincipal NewsroomUser user,
            @Parameter(description = "The story's id.", example = "42") @PathVariable long id,
            @Parameter(description = "The entry's id.", example = "7") @PathVariable long entry) {
        if (!LiveDesk.mayRun(user)) {
            throw new NotAllowed("live.withdraw");
        }
        blogs.entry(id, entry);
        desk.withdraw(user, id, entry);
        return ResponseEntity.noContent().build();
    }

    @ErrorResponses({413, 415, 422})
    @Operation(operationId = "translateLiveEntry", summary = "Translate an entry into another language (translators and "
            + "editors; publish scope): readers of that language see it at once, webhooks announce it",
            description = "The entry's own language, or a withdrawn entry, is answered 400 (field `language`); bodies are "
                    + "checked as the entry's, with its limits (413 past " + RequestBodyLimit.ENTRY_BYTES + " bytes, 422 past "
                    + LiveBlogs.MAX_ENTRY_BLOCKS + " blocks or " + LiveBlogs.MAX_ENTRY_TEXT + " characters). Saving "
                    + "again replaces the translation and puts it up to date with the entry's current text.")
    @PutMapping(path = "/entries/{entry:\\d{1,18}}/translations/{lang:uk|en|ru}", consumes = MediaType.APPLICATION_JSON_VALUE)
    TranslationResponse translate(@AuthenticationPrincipal NewsroomUser user,
            @Parameter(description = "The story's id.", example = "42") @PathVariable long id,
            @Parameter(description = "The entry's id.", example = "7") @PathVariable long entry,
            @Parameter(description = "The language translated into.", example = "en") @PathVariable String lang,
            @Valid @RequestBody TranslationRequest body) {
        var language = AdminApiController.language(lang);
        var changed = desk.translate(user, id, entry, new LiveEntry.TranslationDraft(language,
                body.headline() == null ? "" : body.headline(), body.body()));
        return translation(changed.entry(), language);
    }

    @Operation(operationId = "getLiveEntryTranslation", summary = "An entry's translation into one language, and "
            + "whether it is behind a correction of the entry")
    @GetMapping("/entries/{entry:\\d{1,18}}/translations/{lang:uk|en|ru}")
    TranslationResponse translation(@Parameter(description = "The story's id.", example = "42") @PathVariable long id,
            @Parameter(description = "The entry's id.", example = "7") @PathVariable long entry,
            @Parameter(description = "The language translated into.", example = "en") @PathVariable String lang) {
        return translation(blogs.entry(id, entry), AdminApiController.language(lang));
    }

    /** An entry for a live blog that has ended, or for a story that is none: 422, naming the state. */
    @ExceptionHandler(LiveBlogClosed.class)
    ResponseEntity<ProblemDetail> closed(LiveBlogClosed e, HttpServletRequest request) {
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT, e.getMessage());
        problem.setTitle("Live blog closed");
        problem.setProperty("field", "state");
        problem.setInstance(URI.create(request.getRequestURI()));
        return ResponseEntity.unprocessableContent().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    private static LiveEntry.Draft draft(EntryRequest body) {
        return new LiveEntry.Draft(AdminApiController.language(body.language()), body.author(),
                body.headline() == null ? "" : body.headline(), body.body(), Boolean.TRUE.equals(body.keyEvent()));
    }

    private LiveBlogResponse response(LiveBlog blog) {
        return new LiveBlogResponse(blog.storyId(), blog.state().key(), blog.startedAt(), blog.endedAt(),
                blog.showUntranslated(), blogs.count(blog.storyId(), null));
    }

    private static EntryResponse entry(LiveEntry e, long change) {
        var translations = new java.util.TreeMap<String, String>();
        e.translations().keySet().forEach(language -> translations.put(language.code(), e.standing(language).key()));
        return new EntryResponse(e.id(), e.storyId(), e.language().code(), e.postedAt(), e.author(), e.headline(),
                e.body(), e.keyEvent(), e.withdrawn(), e.correctedAt(), change, e.revision(), translations);
    }

    private static TranslationResponse translation(LiveEntry e, Language language) {
        var translation = e.translations().get(language);
        if (translation == null) {
            throw new TaxonomyNotFound("translation");
        }
        return new TranslationResponse(e.id(), e.storyId(), language.code(), e.language().code(), translation.headline(),
                translation.body(), e.standing(language).key(), translation.sourceRevision(), e.revision(),
                translation.translatedAt(), translation.translatedBy());
    }
}
