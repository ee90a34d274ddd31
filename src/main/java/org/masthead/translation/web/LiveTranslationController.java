package org.masthead.translation.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.masthead.content.Block;
import org.masthead.content.InlineMarkup;
import org.masthead.content.InvalidContent;
import org.masthead.content.LiveBlogs;
import org.masthead.content.LiveEntry;
import org.masthead.content.Stories;
import org.masthead.content.StoryNotFound;
import org.masthead.editorial.LiveDesk;
import org.masthead.identity.NewsroomPages;
import org.masthead.identity.NewsroomUser;
import org.masthead.platform.Language;
import org.masthead.platform.text.WordDiff;
import org.masthead.platform.web.UiMessages;
import org.masthead.translation.ItemStatus;
import org.masthead.translation.TranslationDesk;
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
    private final TranslationDesk translations;
    private final TranslationFields fields;
    private final Stories stories;
    private final NewsroomPages pages;

    LiveTranslationController(LiveBlogs blogs, LiveDesk desk, TranslationDesk translations, TranslationFields fields,
            Stories stories, NewsroomPages pages) {
        this.blogs = blogs;
        this.desk = desk;
        this.translations = translations;
        this.fields = fields;
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

    /**
     * Saves a translation typed in an entry's form: a field per text of each block ({@code t.<block>.<index>}, the
     * headline's item first), the rest of each block (an image, a linked story, an embedded address, a list's kind)
     * taken from the entry as it is now.
     */
    @PostMapping(PATH + "/{entry:\\d{1,18}}/{lang:uk|en|ru}")
    ModelAndView translate(HttpServletRequest request, @AuthenticationPrincipal NewsroomUser user, @PathVariable long id,
            @PathVariable long entry, @PathVariable Language lang) {
        TranslationDeskController.requireTranslatorOrEditor(user);
        var t = pages.messages(user.uiLanguage());
        var form = form(entry, lang);
        var source = blogs.entry(id, entry);
        var typed = TranslationFields.typed(request);
        var errors = new LinkedHashMap<String, String>();
        var kinds = translations.entryItems(source, lang).stream()
                .collect(java.util.stream.Collectors.toMap(ItemStatus::itemId, ItemStatus::kind, (a, b) -> a));
        var texts = fields.read(request, typed, kinds, t, (item, message) -> errors.putIfAbsent(form + "-" + item, message));
        var draft = translations.entryTranslation(source, lang, texts);
        if (errors.isEmpty()) {
            try {
                desk.translate(user, id, entry, draft);
                return new ModelAndView(new RedirectView("/newsroom/translations/" + id + "/live?saved#" + form));
            } catch (InvalidContent refused) {
                for (var problem : refused.problems()) {
                    var message = t.get(problem.messageKey(), problem.args().toArray());
                    // a language the entry takes no translation into has no form of its own: said at the top
                    var where = switch (problem.field()) {
                        case "language" -> "language";
                        case "headline" -> form + "-" + TranslationDesk.ENTRY_HEADLINE;
                        default -> form + "-" + TranslationFields.item(problem.field(), draft.body());
                    };
                    errors.putIfAbsent(where, message);
                }
            }
        }
        return page(request, user, id, null, errors, Map.of(form, typed), null, HttpStatus.UNPROCESSABLE_CONTENT);
    }

    private ModelAndView page(HttpServletRequest request, NewsroomUser user, long id, @Nullable Long older,
            Map<String, String> errors, Map<String, Map<String, List<String>>> typed, @Nullable String notice,
            HttpStatus status) {
        blogs.find(id).orElseThrow(() -> new StoryNotFound(id));
        var source = stories.sourceLanguage(id);
        var headline = stories.working(id, source).map(v -> v.headline()).orElse("#" + id);
        var t = pages.messages(user.uiLanguage());
        var entries = blogs.entries(id, null, older, PER_PAGE);
        var rows = entries.entries().stream().map(entry -> row(entry, errors, typed, t)).toList();
        var view = new ModelAndView("newsroom/translation/live", "page", new LiveTranslationPage(
                pages.chrome(request, user, "newsroom.translations.live.title", "translations", headline), id, headline,
                rows, entries.olderThan() == null ? null : "/newsroom/translations/" + id + "/live?older=" + entries.olderThan(),
                errors, notice, source.label(), Language.all().stream().filter(language -> language != source)
                        .map(language -> new LiveTranslationPage.Exchange(language.label(),
                                "/newsroom/translations/" + id + "/" + language.code())).toList()));
        view.setStatus(status);
        return view;
    }

    /** An entry beside its translations: the form of each holds an input per text of each of its blocks. */
    private LiveTranslationPage.Row row(LiveEntry entry, Map<String, String> errors,
            Map<String, Map<String, List<String>>> typed, UiMessages t) {
        var targets = new ArrayList<LiveTranslationPage.Target>();
        var texts = List.<LiveTranslationPage.Text>of();
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
                WordDiff.between(typedForm(translation.sourceHeadline(), translation.sourceBody()),
                        typedForm(entry.headline(), entry.body())).forEach(part -> changes.add(new EditorPage.Change(
                        part.kind().name().toLowerCase(java.util.Locale.ROOT), part.text())));
            }
            var shown = typed.get(form);
            var items = new ArrayList<LiveTranslationPage.Item>();
            for (var item : translations.entryItems(entry, language)) {
                var inputs = fields.of(t, item, entry.language(), shown == null ? null : shown.get(item.itemId()), false);
                if (inputs.stream().anyMatch(EditorPage.Field::hasSource)) {
                    items.add(new LiveTranslationPage.Item(item.itemId(), inputs));
                }
            }
            if (texts.isEmpty()) {
                texts = items.stream().flatMap(item -> item.fields().stream()).filter(EditorPage.Field::hasSource)
                        .map(field -> new LiveTranslationPage.Text(field.label(), field.source())).toList();
            }
            targets.add(new LiveTranslationPage.Target(form, language.code(), language.label(), state,
                    t.get("newsroom.translations.live.state." + state), items, changes,
                    shown != null || errors.keySet().stream().anyMatch(k -> k.startsWith(form + "-"))));
        }
        return new LiveTranslationPage.Row(entry.id(), pages.time(entry.postedAt()), entry.language().label(),
                entry.author(), entry.withdrawn(), texts, targets);
    }

    /** An entry's texts as one text, each in the newsroom's markup, for a word diff of what changed in it. */
    private static String typedForm(String headline, List<Block> body) {
        return String.join("\n\n", TranslationDesk.entryTexts(headline, body).stream().filter(text -> !text.isBlank())
                .map(InlineMarkup::write).toList());
    }

    private static String form(long entry, Language language) {
        return "entry-" + entry + "-" + language.code();
    }
}
