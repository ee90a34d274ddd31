package org.masthead.editorial.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.masthead.content.InvalidContent;
import org.masthead.content.PagePurpose;
import org.masthead.content.PageSettings;
import org.masthead.content.Pages;
import org.masthead.content.StaticPage;
import org.masthead.content.TaxonomyNotFound;
import org.masthead.content.TaxonomyRejected;
import org.masthead.editorial.PageDesk;
import org.masthead.identity.NewsroomPages;
import org.masthead.identity.NewsroomUser;
import org.masthead.platform.Language;
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
import tools.jackson.databind.json.JsonMapper;

/**
 * Admins write the static pages, one language at a time, with the body editor of stories; choose which
 * pages the footer lists and in what order, and what structured data calls them.
 */
@Controller
class PagesController {

    private static final String BASE = "/newsroom/admin/pages";

    private final PageDesk desk;
    private final Pages staticPages;
    private final BodyEditor body;
    private final NewsroomPages pages;
    private final PublicUrls urls;
    private final JsonMapper json;

    PagesController(PageDesk desk, Pages staticPages, BodyEditor body, NewsroomPages pages, PublicUrls urls,
            JsonMapper json) {
        this.json = json;
        this.desk = desk;
        this.staticPages = staticPages;
        this.body = body;
        this.pages = pages;
        this.urls = urls;
    }

    @GetMapping(BASE)
    ModelAndView list(HttpServletRequest request, @AuthenticationPrincipal NewsroomUser user,
            @RequestParam(required = false) @Nullable String done) {
        var t = t(user);
        var all = staticPages.all();
        var rows = new ArrayList<PagesPage.Row>();
        for (int i = 0; i < all.size(); i++) {
            var page = all.get(i);
            rows.add(new PagesPage.Row(page.id(), page.title(user.uiLanguage()), versions(page), page.inFooter(),
                    page.purpose() == PagePurpose.NONE ? "" : t.get("newsroom.pages.purpose." + page.purpose().key()),
                    i == 0, i == all.size() - 1));
        }
        return new ModelAndView("newsroom/editorial/pages", "page", new PagesPage(
                pages.chrome(request, user, "newsroom.pages.title", "pages"), rows, TagsController.notice(t, done)));
    }

    @GetMapping(BASE + "/new")
    ModelAndView blank(HttpServletRequest request, @AuthenticationPrincipal NewsroomUser user,
            @RequestParam(defaultValue = "") String lang) {
        var language = Language.fromCode(lang).orElse(user.uiLanguage());
        return editor(request, user, 0, language, PageForm.blank(), Map.of(), Map.of(), false, HttpStatus.OK);
    }

    @PostMapping(BASE)
    ModelAndView create(HttpServletRequest request, @AuthenticationPrincipal NewsroomUser user,
            @RequestParam(defaultValue = "") String lang, @RequestParam(defaultValue = "save") String op) {
        var language = Language.fromCode(lang).orElse(user.uiLanguage());
        var form = posted(request, language);
        var step = body.step(op, form.blocks(), 0);
        if (step != null) {
            return editor(request, user, 0, language, form.withBlocks(step.blocks()), Map.of(), step.candidates(), false,
                    HttpStatus.OK);
        }
        try {
            long id = desk.create(user, form.settings(), form.draft(language, json));
            return new ModelAndView(new RedirectView(BASE + "/" + id + "?done=created"));
        } catch (TaxonomyRejected rejected) {
            return editor(request, user, 0, language, form, Forms.error(rejected, t(user)), Map.of(), false,
                    HttpStatus.UNPROCESSABLE_CONTENT);
        } catch (InvalidContent refused) {
            return editor(request, user, 0, language, form, body.problems(refused, t(user), PageForm::fieldOf), Map.of(),
                    false, HttpStatus.UNPROCESSABLE_CONTENT);
        }
    }

    @GetMapping(BASE + "/{id:\\d{1,18}}")
    ModelAndView overview(HttpServletRequest request, @AuthenticationPrincipal NewsroomUser user, @PathVariable long id,
            @RequestParam(required = false) @Nullable String done) {
        var page = page(id);
        return overview(request, user, page, page.inFooter(), page.purpose().key(), Map.of(), done, HttpStatus.OK);
    }

    @PostMapping(BASE + "/{id:\\d{1,18}}/settings")
    ModelAndView settings(HttpServletRequest request, @AuthenticationPrincipal NewsroomUser user, @PathVariable long id,
            @RequestParam(defaultValue = "false") boolean inFooter, @RequestParam(defaultValue = "") String purpose) {
        var page = page(id);
        try {
            desk.updateSettings(user, id, new PageSettings(inFooter, PagePurpose.fromKey(purpose).orElse(PagePurpose.NONE)));
            return new ModelAndView(new RedirectView(BASE + "/" + id + "?done=saved"));
        } catch (TaxonomyRejected rejected) {
            return overview(request, user, page, inFooter, purpose, Forms.error(rejected, t(user)), null,
                    HttpStatus.UNPROCESSABLE_CONTENT);
        }
    }

    @PostMapping(BASE + "/{id:\\d{1,18}}/move")
    ModelAndView move(@AuthenticationPrincipal NewsroomUser user, @PathVariable long id,
            @RequestParam(defaultValue = "down") String direction) {
        page(id);
        desk.move(user, id, "up".equals(direction) ? -1 : 1);
        return new ModelAndView(new RedirectView(BASE + "?done=moved"));
    }

    @PostMapping(BASE + "/{id:\\d{1,18}}/delete")
    ModelAndView delete(@AuthenticationPrincipal NewsroomUser user, @PathVariable long id) {
        page(id);
        desk.delete(user, id);
        return new ModelAndView(new RedirectView(BASE + "?done=deleted"));
    }

    @GetMapping(BASE + "/{id:\\d{1,18}}/{lang:uk|en|ru}")
    ModelAndView edit(HttpServletRequest request, @AuthenticationPrincipal NewsroomUser user, @PathVariable long id,
            @PathVariable Language lang, @RequestParam(required = false) @Nullable String saved) {
        var page = page(id);
        var version = page.versions().get(lang);
        var form = version == null ? PageForm.blank() : PageForm.of(version);
        return editor(request, user, id, lang, form, Map.of(), Map.of(), saved != null, HttpStatus.OK);
    }

    @PostMapping(BASE + "/{id:\\d{1,18}}/{lang:uk|en|ru}")
    ModelAndView save(HttpServletRequest request, @AuthenticationPrincipal NewsroomUser user, @PathVariable long id,
            @PathVariable Language lang, @RequestParam(defaultValue = "save") String op) {
        page(id);
        var form = posted(request, lang);
        var step = body.step(op, form.blocks(), 0);
        if (step != null) {
            return editor(request, user, id, lang, form.withBlocks(step.blocks()), Map.of(), step.candidates(), false,
                    HttpStatus.OK);
        }
        try {
            desk.save(user, id, form.draft(lang, json));
            return new ModelAndView(new RedirectView(BASE + "/" + id + "/" + lang.code() + "?saved"));
        } catch (TaxonomyRejected rejected) {
            return editor(request, user, id, lang, form, Forms.error(rejected, t(user)), Map.of(), false,
                    HttpStatus.UNPROCESSABLE_CONTENT);
        } catch (InvalidContent refused) {
            return editor(request, user, id, lang, form, body.problems(refused, t(user), PageForm::fieldOf), Map.of(),
                    false, HttpStatus.UNPROCESSABLE_CONTENT);
        }
    }

    private PageForm posted(HttpServletRequest request, Language language) {
        var form = PageForm.parse(request.getParameterMap());
        return form.withBlocks(body.withLibraryTexts(form.blocks(), language));
    }

    private ModelAndView editor(HttpServletRequest request, NewsroomUser user, long id, Language language, PageForm form,
            Map<String, String> errors, Map<Integer, List<VersionPage.Candidate>> candidates, boolean saved,
            HttpStatus status) {
        var live = id == 0 ? null : page(id).versions().get(language);
        var chrome = id == 0 ? pages.chrome(request, user, "newsroom.pages.new", "pages")
                : pages.chrome(request, user, "newsroom.page.title", "pages", language.nativeName());
        var view = new ModelAndView("newsroom/editorial/page", "page", new PageEditorPage(chrome, id, language, form.forEditor(json),
                errors, BlockForm.TYPES, body.mediaChoices(language), candidates, purposes(t(user)),
                id == 0 ? BASE + "?lang=" + language.code() : BASE + "/" + id + "/" + language.code(),
                live != null && live.live() ? urls.page(language, live.slug()) : null, saved));
        view.setStatus(status);
        return view;
    }

    private ModelAndView overview(HttpServletRequest request, NewsroomUser user, StaticPage page, boolean inFooter,
            String purpose, Map<String, String> errors, @Nullable String done, HttpStatus status) {
        var t = t(user);
        var view = new ModelAndView("newsroom/editorial/page-overview", "page", new PageOverviewPage(
                pages.chrome(request, user, "newsroom.page.overview", "pages", page.title(user.uiLanguage())), page.id(),
                versions(page), inFooter, purpose, purposes(t), errors, TagsController.notice(t, done)));
        view.setStatus(status);
        return view;
    }

    private List<PagesPage.Version> versions(StaticPage page) {
        var versions = new ArrayList<PagesPage.Version>();
        for (var language : Language.all()) {
            var version = page.versions().get(language);
            var state = version == null ? "newsroom.pages.state.missing"
                    : version.live() ? "newsroom.pages.state.live" : "newsroom.pages.state.draft";
            versions.add(new PagesPage.Version(language.code(), language.nativeName(), state,
                    version != null && version.live() ? urls.page(language, version.slug()) : null));
        }
        return versions;
    }

    private static List<PageEditorPage.PurposeChoice> purposes(UiMessages t) {
        return java.util.Arrays.stream(PagePurpose.values())
                .map(p -> new PageEditorPage.PurposeChoice(p == PagePurpose.NONE ? "" : p.key(),
                        t.get("newsroom.pages.purpose." + p.key())))
                .toList();
    }

    private StaticPage page(long id) {
        return staticPages.find(id).orElseThrow(() -> new TaxonomyNotFound("page"));
    }

    private UiMessages t(NewsroomUser user) {
        return pages.messages(user.uiLanguage());
    }
}
