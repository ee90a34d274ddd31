package org.masthead.editorial.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.masthead.content.SectionDetails;
import org.masthead.content.SectionDraft;
import org.masthead.content.Taxonomy;
import org.masthead.content.TaxonomyNotFound;
import org.masthead.content.TaxonomyRejected;
import org.masthead.editorial.TaxonomyDesk;
import org.masthead.identity.NewsroomPages;
import org.masthead.identity.NewsroomUser;
import org.masthead.platform.Language;
import org.masthead.platform.Localized;
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
 * Admins create sections, name and describe them in each language, order them in the navigation, hide
 * or archive them, and delete empty ones. A refused change shows its message beside the field, with
 * everything typed kept.
 */
@Controller
class SectionsController {

    private static final String BASE = "/newsroom/admin/sections";
    private static final SectionDraft BLANK = SectionDraft.named("", Localized.EMPTY);

    private final TaxonomyDesk desk;
    private final Taxonomy taxonomy;
    private final NewsroomPages pages;
    private final PublicUrls urls;

    SectionsController(TaxonomyDesk desk, Taxonomy taxonomy, NewsroomPages pages, PublicUrls urls) {
        this.desk = desk;
        this.taxonomy = taxonomy;
        this.pages = pages;
        this.urls = urls;
    }

    @GetMapping(BASE)
    ModelAndView list(HttpServletRequest request, @AuthenticationPrincipal NewsroomUser user,
            @RequestParam(required = false) @Nullable String done) {
        return list(request, user, BLANK, Map.of(), done, HttpStatus.OK);
    }

    @PostMapping(BASE)
    ModelAndView create(HttpServletRequest request, @AuthenticationPrincipal NewsroomUser user) {
        var form = form(request.getParameterMap(), false);
        try {
            desk.createSection(user, form);
            return done("", "created");
        } catch (TaxonomyRejected rejected) {
            return list(request, user, form, Forms.error(rejected, pages.messages(user.uiLanguage())), null,
                    HttpStatus.UNPROCESSABLE_CONTENT);
        }
    }

    @GetMapping(BASE + "/{id:\\d{1,18}}")
    ModelAndView edit(HttpServletRequest request, @AuthenticationPrincipal NewsroomUser user, @PathVariable long id,
            @RequestParam(required = false) @Nullable String done) {
        var section = section(id);
        return edit(request, user, section, SectionDraft.of(section), Map.of(), done, HttpStatus.OK);
    }

    @PostMapping(BASE + "/{id:\\d{1,18}}")
    ModelAndView update(HttpServletRequest request, @AuthenticationPrincipal NewsroomUser user, @PathVariable long id) {
        var section = section(id);
        var form = form(request.getParameterMap(), true);
        try {
            desk.updateSection(user, id, form);
            return done("/" + id, "saved");
        } catch (TaxonomyRejected rejected) {
            return edit(request, user, section, form, Forms.error(rejected, pages.messages(user.uiLanguage())), null,
                    HttpStatus.UNPROCESSABLE_CONTENT);
        }
    }

    @PostMapping(BASE + "/{id:\\d{1,18}}/move")
    ModelAndView move(@AuthenticationPrincipal NewsroomUser user, @PathVariable long id,
            @RequestParam(defaultValue = "down") String direction) {
        section(id);
        desk.moveSection(user, id, "up".equals(direction) ? -1 : 1);
        return done("", "moved");
    }

    @PostMapping(BASE + "/{id:\\d{1,18}}/delete")
    ModelAndView delete(HttpServletRequest request, @AuthenticationPrincipal NewsroomUser user, @PathVariable long id) {
        var section = section(id);
        try {
            desk.deleteSection(user, id);
            return done("", "deleted");
        } catch (TaxonomyRejected rejected) {
            return edit(request, user, section, SectionDraft.of(section),
                    Forms.error(rejected, pages.messages(user.uiLanguage())), null, HttpStatus.UNPROCESSABLE_CONTENT);
        }
    }

    private ModelAndView list(HttpServletRequest request, NewsroomUser user, SectionDraft form,
            Map<String, String> errors, @Nullable String done, HttpStatus status) {
        var language = user.uiLanguage();
        var t = pages.messages(language);
        var sections = taxonomy.sectionDetails();
        var counts = taxonomy.storiesPerSection();
        var rows = new java.util.ArrayList<SectionsPage.Row>();
        for (int i = 0; i < sections.size(); i++) {
            var s = sections.get(i);
            rows.add(new SectionsPage.Row(s.id(), s.name().in(language), others(s.name(), language), s.slug(),
                    counts.getOrDefault(s.id(), 0), state(s), urls.section(language, s.section()), i == 0,
                    i == sections.size() - 1));
        }
        var view = new ModelAndView("newsroom/editorial/sections", "page", new SectionsPage(
                pages.chrome(request, user, "newsroom.sections.title", "sections"), rows, form, errors,
                notice(t, done)));
        view.setStatus(status);
        return view;
    }

    private ModelAndView edit(HttpServletRequest request, NewsroomUser user, SectionDetails section, SectionDraft form,
            Map<String, String> errors, @Nullable String done, HttpStatus status) {
        var t = pages.messages(user.uiLanguage());
        var view = new ModelAndView("newsroom/editorial/section", "page", new SectionPage(
                pages.chrome(request, user, "newsroom.section.title", "sections", section.name().in(user.uiLanguage())),
                section.id(), form, errors, urls.section(user.uiLanguage(), section.section()),
                taxonomy.storiesInSection(section.id()), notice(t, done)));
        view.setStatus(status);
        return view;
    }

    private SectionDetails section(long id) {
        return taxonomy.sectionDetails(id).orElseThrow(() -> new TaxonomyNotFound("section"));
    }

    static SectionDraft form(Map<String, String[]> params, boolean existing) {
        return new SectionDraft(Forms.text(params, "slug"), Forms.localized(params, "name"),
                Forms.localized(params, "description"), Forms.localized(params, "seoTitle"),
                Forms.localized(params, "seoDescription"), Forms.checked(params, "hidden"),
                existing && Forms.checked(params, "archived"));
    }

    private static String state(SectionDetails section) {
        return section.archived() ? "newsroom.sections.state.archived"
                : section.hidden() ? "newsroom.sections.state.hidden" : "newsroom.sections.state.visible";
    }

    static String others(Localized names, Language shown) {
        return String.join(" · ", Language.all().stream().filter(l -> l != shown).map(names::in).toList());
    }

    private static @Nullable String notice(org.masthead.platform.web.UiMessages t, @Nullable String done) {
        return done == null || !List.of("created", "saved", "moved", "deleted").contains(done) ? null
                : t.get("newsroom.taxonomy.done." + done);
    }

    private static ModelAndView done(String path, String what) {
        return new ModelAndView(new RedirectView(BASE + path + "?done=" + what));
    }
}
