package org.masthead.editorial.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.masthead.content.TagDetails;
import org.masthead.content.TagDraft;
import org.masthead.content.Taxonomy;
import org.masthead.content.TaxonomyNotFound;
import org.masthead.content.TaxonomyRejected;
import org.masthead.editorial.NotAllowed;
import org.masthead.editorial.TaxonomyDesk;
import org.masthead.identity.NewsroomPages;
import org.masthead.identity.NewsroomUser;
import org.masthead.platform.Localized;
import org.masthead.platform.web.UiMessages;
import org.masthead.site.PublicUrls;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.view.RedirectView;

/**
 * Editors name tags in each language, describe, rename, merge and delete them. A merged tag's page and
 * feeds answer 301 to the surviving tag.
 */
@Controller
class TagsController {

    private static final String BASE = "/newsroom/tags";
    private static final int SHOWN = 200;
    private static final TagDraft BLANK = TagDraft.named("", Localized.EMPTY);

    private final TaxonomyDesk desk;
    private final Taxonomy taxonomy;
    private final NewsroomPages pages;
    private final PublicUrls urls;

    TagsController(TaxonomyDesk desk, Taxonomy taxonomy, NewsroomPages pages, PublicUrls urls) {
        this.desk = desk;
        this.taxonomy = taxonomy;
        this.pages = pages;
        this.urls = urls;
    }

    @GetMapping(BASE)
    ModelAndView list(HttpServletRequest request, @AuthenticationPrincipal NewsroomUser user,
            @RequestParam(defaultValue = "") String q, @RequestParam(required = false) @Nullable String done) {
        require(user);
        return list(request, user, q, BLANK, Map.of(), done, HttpStatus.OK);
    }

    @PostMapping(BASE)
    ModelAndView create(HttpServletRequest request, @AuthenticationPrincipal NewsroomUser user) {
        var form = form(request.getParameterMap());
        try {
            long id = desk.createTag(user, form);
            return new ModelAndView(new RedirectView(BASE + "/" + id + "?done=created"));
        } catch (TaxonomyRejected rejected) {
            return list(request, user, "", form, Forms.error(rejected, t(user)), null, HttpStatus.UNPROCESSABLE_CONTENT);
        }
    }

    @GetMapping(BASE + "/{id:\\d{1,18}}")
    ModelAndView edit(HttpServletRequest request, @AuthenticationPrincipal NewsroomUser user, @PathVariable long id,
            @RequestParam(required = false) @Nullable String done) {
        require(user);
        var tag = tag(id);
        return edit(request, user, tag, new TagDraft(tag.slug(), tag.name(), tag.description()), "", Map.of(), done,
                HttpStatus.OK);
    }

    @PostMapping(BASE + "/{id:\\d{1,18}}")
    ModelAndView update(HttpServletRequest request, @AuthenticationPrincipal NewsroomUser user, @PathVariable long id) {
        var tag = tag(id);
        var form = form(request.getParameterMap());
        try {
            desk.updateTag(user, id, form);
            return new ModelAndView(new RedirectView(BASE + "/" + id + "?done=saved"));
        } catch (TaxonomyRejected rejected) {
            return edit(request, user, tag, form, "", Forms.error(rejected, t(user)), null,
                    HttpStatus.UNPROCESSABLE_CONTENT);
        }
    }

    /** Merges into the tag named by {@code into}: its slug, or its name in any language. */
    @PostMapping(BASE + "/{id:\\d{1,18}}/merge")
    ModelAndView merge(HttpServletRequest request, @AuthenticationPrincipal NewsroomUser user, @PathVariable long id,
            @RequestParam(defaultValue = "") String into) {
        require(user);
        var tag = tag(id);
        var current = new TagDraft(tag.slug(), tag.name(), tag.description());
        try {
            var target = taxonomy.tagNamed(into, user.uiLanguage())
                    .orElseThrow(() -> new TaxonomyRejected("into", "newsroom.taxonomy.error.merge-missing"));
            desk.mergeTags(user, id, target.id());
            return new ModelAndView(new RedirectView(BASE + "/" + target.id() + "?done=merged"));
        } catch (TaxonomyRejected rejected) {
            return edit(request, user, tag, current, into, Forms.error(rejected, t(user)), null,
                    HttpStatus.UNPROCESSABLE_CONTENT);
        }
    }

    @PostMapping(BASE + "/{id:\\d{1,18}}/delete")
    ModelAndView delete(@AuthenticationPrincipal NewsroomUser user, @PathVariable long id) {
        tag(id);
        desk.deleteTag(user, id);
        return new ModelAndView(new RedirectView(BASE + "?done=deleted"));
    }

    private ModelAndView list(HttpServletRequest request, NewsroomUser user, String query, TagDraft form,
            Map<String, String> errors, @Nullable String done, HttpStatus status) {
        var language = user.uiLanguage();
        var text = query.length() > 100 ? query.substring(0, 100) : query;
        var found = taxonomy.findTags(text);
        var counts = taxonomy.storiesPerTag();
        var rows = found.stream().limit(SHOWN).map(tag -> new TagsPage.Row(tag.id(), tag.name().in(language),
                SectionsController.others(tag.name(), language), tag.slug(), counts.getOrDefault(tag.id(), 0),
                tag.name().uk().equals(tag.name().en()) && tag.name().en().equals(tag.name().ru()))).toList();
        var view = new ModelAndView("newsroom/editorial/tags", "page", new TagsPage(
                pages.chrome(request, user, "newsroom.tags.title", "tags"), text, rows, found.size(), form, errors,
                notice(t(user), done)));
        view.setStatus(status);
        return view;
    }

    private ModelAndView edit(HttpServletRequest request, NewsroomUser user, TagDetails tag, TagDraft form,
            String into, Map<String, String> errors, @Nullable String done, HttpStatus status) {
        var language = user.uiLanguage();
        var others = taxonomy.tags().stream().filter(other -> other.id() != tag.id())
                .map(other -> other.name().in(language)).sorted().limit(1000).toList();
        var view = new ModelAndView("newsroom/editorial/tag", "page", new TagPage(
                pages.chrome(request, user, "newsroom.tag.title", "tags", tag.name().in(language)), tag.id(), form,
                errors, urls.tag(language, tag.tag()), taxonomy.storiesTagged(tag.id()), into, others, notice(t(user), done)));
        view.setStatus(status);
        return view;
    }

    private TagDetails tag(long id) {
        return taxonomy.tagDetails(id).orElseThrow(() -> new TaxonomyNotFound("tag"));
    }

    private static TagDraft form(Map<String, String[]> params) {
        return new TagDraft(Forms.text(params, "slug"), Forms.localized(params, "name"),
                Forms.localized(params, "description"));
    }

    private UiMessages t(NewsroomUser user) {
        return pages.messages(user.uiLanguage());
    }

    private static void require(NewsroomUser user) {
        if (!TaxonomyDesk.mayTagsAndAuthors(user)) {
            throw new NotAllowed("tags");
        }
    }

    static @Nullable String notice(UiMessages t, @Nullable String done) {
        return done == null || !List.of("created", "saved", "moved", "deleted", "merged").contains(done) ? null
                : t.get("newsroom.taxonomy.done." + done);
    }
}
