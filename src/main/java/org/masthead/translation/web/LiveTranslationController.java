package org.masthead.translation.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.masthead.content.InlineMarkup;
import org.masthead.content.InvalidContent;
import org.masthead.content.LiveBlogs;
import org.masthead.content.LiveEntry;
import org.masthead.content.Stories;
import org.masthead.content.StoryNotFound;
import org.masthead.editorial.EntryMarkup;
import org.masthead.editorial.LiveDesk;
import org.masthead.identity.NewsroomPages;
import org.masthead.identity.NewsroomUser;
import org.masthead.platform.Language;
import org.masthead.platform.text.WordDiff;
import org.masthead.platform.web.UiMessages;
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
 * The translation desk's page of a live blog: its entries with their translations' state per language, each
 * translated where it stands. A translation is saved through the live desk, as the admin API saves one: the
 * editorial permissions (translators and editors), the content rules, the audit log and the outbox.
 */
@Controller
class LiveTranslationController {

    private static final String PATH = "/newsroom/translations/{id:\\d{1,18}}/live";
    static final int PER_PAGE = 20;

    private final LiveBlogs blogs;
    private final LiveDesk desk;
    private final Stories stories;
    private final NewsroomPages pages;

    LiveTranslationController(LiveBlogs blogs, LiveDesk desk, Stories stories, NewsroomPages pages) {
        this.blogs = blogs;
        this.desk = desk;
        this.stories = stories;
        this.pages = pages;
    }

    @GetMapping(PATH)
    ModelAndView show(HttpServletRequest request, @AuthenticationPrincipal NewsroomUser user, @PathVariable long id,
            @RequestParam(required = false) @Nullable Long older, @RequestParam(required = false) @Nullable String saved) {
        TranslationDeskController.requireTranslatorOrEditor(user);
        var t = pages.messages(user.uiLanguage());
        return page(request, user, id, older, Map.of(), Map.of(),
                saved == null ? null : t.get("newsroom.translations.live.saved"), HttpStatus.OK);
    }

    @PostMapping(PATH + "/{entry:\\d{1,18}}/{lang:uk|en|ru}")
    ModelAndView translate(HttpServletRequest request, @AuthenticationPrincipal NewsroomUser user, @PathVariable long id,
            @PathVariable long entry, @PathVariable Language lang, @RequestParam(defaultValue = "") String headline,
            @RequestParam(defaultValue = "") String body) {
        TranslationDeskController.requireTranslatorOrEditor(user);
        var t = pages.messages(user.uiLanguage());
        var form = form(entry, lang);
        var typed = Map.of(form, new Typed(headline, body));
        try {
            desk.translate(user, id, entry, new LiveEntry.TranslationDraft(lang, headline, EntryMarkup.blocks(body)));
        } catch (InvalidContent refused) {
            var errors = new LinkedHashMap<String, String>();
            for (var problem : refused.problems()) {
                var message = t.get(problem.messageKey(), problem.args().toArray());
                // a language the entry takes no translation into has no form of its own: said at the top
                if (problem.field().equals("language")) {
                    errors.putIfAbsent("language", message);
                } else {
                    errors.putIfAbsent(form + "-" + (problem.field().startsWith("body") ? "body" : problem.field()), message);
                }
            }
            return page(request, user, id, null, errors, typed, null, HttpStatus.UNPROCESSABLE_CONTENT);
        } catch (InlineMarkup.Unreadable unreadable) {
            return page(request, user, id, null, Map.of(form + "-body", t.get(unreadable.messageKey(),
                    unreadable.position())), typed, null, HttpStatus.UNPROCESSABLE_CONTENT);
        }
        return new ModelAndView(new RedirectView("/newsroom/translations/" + id + "/live?saved#" + form));
    }

    private record Typed(String headline, String body) {
    }

    private ModelAndView page(HttpServletRequest request, NewsroomUser user, long id, @Nullable Long older,
            Map<String, String> errors, Map<String, Typed> typed, @Nullable String notice, HttpStatus status) {
        blogs.find(id).orElseThrow(() -> new StoryNotFound(id));
        var source = stories.sourceLanguage(id);
        var headline = stories.working(id, source).map(v -> v.headline()).orElse("#" + id);
        var t = pages.messages(user.uiLanguage());
        var entries = blogs.entries(id, null, older, PER_PAGE);
        var rows = entries.entries().stream().map(entry -> new LiveTranslationPage.Row(entry.id(),
                pages.time(entry.postedAt()), entry.language().label(), entry.author(), entry.withdrawn(),
                entry.headline(), EntryMarkup.write(entry.body()), targets(entry, errors, typed, t))).toList();
        var view = new ModelAndView("newsroom/translation/live", "page", new LiveTranslationPage(
                pages.chrome(request, user, "newsroom.translations.live.title", "translations", headline), id, headline,
                rows, entries.olderThan() == null ? null : "/newsroom/translations/" + id + "/live?older=" + entries.olderThan(),
                errors, notice));
        view.setStatus(status);
        return view;
    }

    private static List<LiveTranslationPage.Target> targets(LiveEntry entry, Map<String, String> errors,
            Map<String, Typed> typed, UiMessages t) {
        var targets = new ArrayList<LiveTranslationPage.Target>();
        for (var language : Language.all()) {
            if (language == entry.language()) {
                continue;
            }
            var form = form(entry.id(), language);
            var translation = entry.translations().get(language);
            var state = switch (entry.standing(language)) {
                case TRANSLATED -> "translated";
                case OUTDATED -> "stale";
                default -> "missing";
            };
            var changes = new ArrayList<EditorPage.Change>();
            if (translation != null && "stale".equals(state)) {
                var before = translation.sourceHeadline() + "\n\n" + EntryMarkup.write(translation.sourceBody());
                var now = entry.headline() + "\n\n" + EntryMarkup.write(entry.body());
                WordDiff.between(before, now).forEach(part -> changes.add(new EditorPage.Change(
                        part.kind().name().toLowerCase(java.util.Locale.ROOT), part.text())));
            }
            var shown = typed.get(form);
            targets.add(new LiveTranslationPage.Target(form, language.code(), language.label(), state,
                    t.get("newsroom.translations.live.state." + state),
                    shown != null ? shown.headline() : translation == null ? "" : translation.headline(),
                    shown != null ? shown.body() : translation == null ? "" : EntryMarkup.write(translation.body()),
                    changes, shown != null || errors.keySet().stream().anyMatch(k -> k.startsWith(form + "-"))));
        }
        return targets;
    }

    private static String form(long entry, Language language) {
        return "entry-" + entry + "-" + language.code();
    }
}
