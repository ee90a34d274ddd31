package org.masthead.api.admin;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.masthead.api.ApiConfiguration;
import org.masthead.api.openapi.ErrorResponses;
import org.masthead.content.FrontPages;
import org.masthead.content.Stories;
import org.masthead.content.StoryCard;
import org.masthead.content.Taxonomy;
import org.masthead.content.TaxonomyNotFound;
import org.masthead.editorial.FrontPageDesk;
import org.masthead.editorial.NotAllowed;
import org.masthead.identity.NewsroomUser;
import org.masthead.site.PublicUrls;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The edited fronts of each language (the home page's at {@code /front/{lang}}, a section's at
 * {@code /front/{lang}/{section}}) and the breaking-news banner of each language, for a wire desk or a script: editors
 * only (checked by the desk behind), every change audited and shown to readers at once. Setting either needs a
 * token with the publish scope, as it changes what readers see without any other step.
 */
@RestController
@Tag(name = ApiConfiguration.ADMIN)
@ErrorResponses({400, 401, 403})
@SecurityRequirement(name = ApiConfiguration.ADMIN_TOKEN)
@RequestMapping(produces = MediaType.APPLICATION_JSON_VALUE)
class AdminFrontController {

    private static final String LANG = "/{lang}";
    private static final String SECTION = "/{section}";

    private final FrontPageDesk desk;
    private final FrontPages fronts;
    private final Stories stories;
    private final Taxonomy taxonomy;
    private final PublicUrls urls;

    AdminFrontController(FrontPageDesk desk, FrontPages fronts, Stories stories, Taxonomy taxonomy, PublicUrls urls) {
        this.desk = desk;
        this.fronts = fronts;
        this.stories = stories;
        this.taxonomy = taxonomy;
        this.urls = urls;
    }

    @Schema(description = "A numbered place of the front page: 1 leads. Without `until` the "
            + "story stays until the place is changed.")
    record FrontSlot(@NotNull @Positive @Schema(example = "1") Integer position,
            @NotNull @Positive @Schema(example = "42") Long storyId,
            @Nullable @Schema(description = "When the story leaves the place (ISO 8601).",
                    example = "2026-12-03T18:00:00Z") Instant until,
            @Nullable @Schema(description = "The story's headline in the front page's language (in answers).")
            String headline,
            @Nullable @Schema(description = "The story's address in the front page's language (in answers).") String url) {
    }

    @Schema(description = "Every place the editors fill; places left out follow by time. On a section's front every "
            + "story must be filed in the section.")
    record FrontPageRequest(@NotNull @Valid @Size(max = FrontPages.SLOTS) List<FrontSlot> slots) {
    }

    record FrontPageResponse(String language,
            @Nullable @Schema(description = "The section's slug, for a section's front; absent for the home page.",
                    example = "world") String section,
            @Schema(description = "The places readers see now (pins that ran out left out); the other places follow "
                    + "by time.") List<FrontSlot> slots, int places) {
    }

    record BannerRequest(@NotBlank @Size(max = FrontPages.MAX_BANNER) String text,
            @NotNull @Positive @Schema(description = "A story (or live blog) published in the banner's language.",
                    example = "42") Long storyId,
            @NotNull @Schema(example = "2026-12-03T18:00:00Z") Instant expiresAt) {
    }

    record BannerResponse(String language, String text, long storyId, String url, Instant expiresAt, Instant setAt,
            String setBy) {
    }

    @Operation(operationId = "getFrontPage", summary = "The edited front page of a language: the stories in its places")
    @GetMapping("/api/v1/admin/front" + LANG)
    FrontPageResponse front(@Parameter(description = "uk, en or ru.", example = "uk") @PathVariable("lang") String code) {
        return live(code, null);
    }

    @ErrorResponses(404)
    @Operation(operationId = "getSectionFront", summary = "The edited front of a section in a language: the stories in "
            + "the places of the section's first page")
    @GetMapping("/api/v1/admin/front" + LANG + SECTION)
    FrontPageResponse sectionFront(@Parameter(description = "uk, en or ru.", example = "uk") @PathVariable("lang") String code,
            @Parameter(description = "The section's slug; 404 when no section has it.", example = "world")
            @PathVariable("section") String section) {
        return live(code, section);
    }

    @ErrorResponses(415)
    @Operation(operationId = "setFrontPage", summary = "Put stories in the places of a language's front page (editors; "
            + "publish scope): readers see it at once")
    @PutMapping(path = "/api/v1/admin/front" + LANG, consumes = MediaType.APPLICATION_JSON_VALUE)
    FrontPageResponse setFront(@AuthenticationPrincipal NewsroomUser user,
            @Parameter(description = "uk, en or ru.", example = "uk") @PathVariable("lang") String code, @Valid @RequestBody FrontPageRequest body) {
        return publish(user, code, null, body);
    }

    @ErrorResponses({404, 415})
    @Operation(operationId = "setSectionFront", summary = "Put stories of a section in the places of its first page in "
            + "a language (editors; publish scope): readers see it at once; a story of another section, or not "
            + "published in the language, is a 400 naming its place")
    @PutMapping(path = "/api/v1/admin/front" + LANG + SECTION, consumes = MediaType.APPLICATION_JSON_VALUE)
    FrontPageResponse setSectionFront(@AuthenticationPrincipal NewsroomUser user,
            @Parameter(description = "uk, en or ru.", example = "uk") @PathVariable("lang") String code,
            @Parameter(description = "The section's slug; 404 when no section has it.", example = "world")
            @PathVariable("section") String section, @Valid @RequestBody FrontPageRequest body) {
        return publish(user, code, section, body);
    }

    private FrontPageResponse live(String code, @Nullable String section) {
        var front = front(code, section);
        return response(front, section, fronts.live(front));
    }

    private FrontPageResponse publish(NewsroomUser user, String code, @Nullable String section, FrontPageRequest body) {
        requireEditor(user);
        var front = front(code, section);
        var slots = body.slots().stream().map(s -> new FrontPages.Slot(s.position(), s.storyId(), s.until())).toList();
        return response(front, section, desk.publish(user, front, slots));
    }

    private FrontPages.Front front(String code, @Nullable String section) {
        var lang = AdminApiController.language(code);
        if (section == null) {
            return FrontPages.Front.home(lang);
        }
        var found = taxonomy.sectionDetails(section).orElseThrow(() -> new TaxonomyNotFound("section"));
        return FrontPages.Front.section(lang, found.id());
    }

    @ErrorResponses(404)
    @Operation(operationId = "getBanner", summary = "The breaking-news banner of a language, while it is up")
    @GetMapping("/api/v1/admin/banner" + LANG)
    BannerResponse banner(@Parameter(description = "uk, en or ru.", example = "uk") @PathVariable("lang") String code) {
        return fronts.banner(AdminApiController.language(code)).filter(b -> b.shownAt(Instant.now())).map(this::response)
                .orElseThrow(() -> new TaxonomyNotFound("banner"));
    }

    @ErrorResponses(415)
    @Operation(operationId = "setBanner", summary = "Put up the breaking-news banner of a language (editors; publish "
            + "scope): on every reader page of that language at once, until it expires")
    @PutMapping(path = "/api/v1/admin/banner" + LANG, consumes = MediaType.APPLICATION_JSON_VALUE)
    BannerResponse setBanner(@AuthenticationPrincipal NewsroomUser user,
            @Parameter(description = "uk, en or ru.", example = "uk") @PathVariable("lang") String code, @Valid @RequestBody BannerRequest body) {
        requireEditor(user);
        return response(desk.setBanner(user, AdminApiController.language(code), body.text(), body.storyId(), body.expiresAt()));
    }

    @ErrorResponses(404)
    @Operation(operationId = "clearBanner", summary = "Take the breaking-news banner of a language down (editors; "
            + "publish scope)")
    @ApiResponse(responseCode = "204", description = "Taken down; nothing in the body")
    @DeleteMapping(path = "/api/v1/admin/banner" + LANG, produces = MediaType.ALL_VALUE)
    ResponseEntity<Void> clearBanner(@AuthenticationPrincipal NewsroomUser user,
            @Parameter(description = "uk, en or ru.", example = "uk") @PathVariable("lang") String code) {
        requireEditor(user);
        if (!desk.clearBanner(user, AdminApiController.language(code))) {
            throw new TaxonomyNotFound("banner");
        }
        return ResponseEntity.noContent().build();
    }

    private FrontPageResponse response(FrontPages.Front front, @Nullable String section, List<FrontPages.Slot> slots) {
        var lang = front.language();
        var cards = stories.cards(slots.stream().map(FrontPages.Slot::storyId).toList(), lang);
        var shown = slots.stream().map(slot -> {
            var card = cards.stream().filter(c -> c.id() == slot.storyId()).findFirst().orElse(null);
            return new FrontSlot(slot.position(), slot.storyId(), slot.until(), card == null ? null : card.headline(),
                    card == null ? null : urls.absolute(urls.story(card)));
        }).toList();
        return new FrontPageResponse(lang.code(), section, shown, FrontPages.SLOTS);
    }

    private BannerResponse response(FrontPages.Banner banner) {
        StoryCard card = stories.cards(List.of(banner.storyId()), banner.language()).stream().findFirst().orElse(null);
        return new BannerResponse(banner.language().code(), banner.text(), banner.storyId(),
                card == null ? "" : urls.absolute(urls.story(card)), banner.expiresAt(), banner.setAt(), banner.setBy());
    }

    private static void requireEditor(NewsroomUser user) {
        if (!FrontPageDesk.mayEdit(user)) {
            throw new NotAllowed("front");
        }
    }
}
