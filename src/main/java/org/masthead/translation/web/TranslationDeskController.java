package org.masthead.translation.web;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import org.masthead.content.ApprovalOutdated;
import org.masthead.content.EditConflict;
import org.masthead.content.InlineMarkup;
import org.masthead.content.InvalidContent;
import org.masthead.content.LiveBlogs;
import org.masthead.content.RichText;
import org.masthead.content.SaveVersion;
import org.masthead.content.Stories;
import org.masthead.content.StoryNotFound;
import org.masthead.editorial.EditorialWorkflow;
import org.masthead.editorial.WorkflowRefused;
import org.masthead.platform.web.UiMessages;
import org.masthead.identity.NewsroomPages;
import org.masthead.identity.NewsroomUser;
import org.masthead.identity.Role;
import org.masthead.platform.Language;
import org.masthead.platform.text.Plurals;
import org.masthead.site.InlineHtml;
import org.masthead.site.StoryLinks;
import org.masthead.translation.ImportRejected;
import org.masthead.translation.ItemState;
import org.masthead.translation.ItemStatus;
import org.masthead.translation.QueueEntry;
import org.masthead.translation.TranslationDesk;
import org.masthead.translation.TranslationStatus;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.view.RedirectView;

/**
 * The translators' pages. Every action checks on the server that the person may edit the story's
 * versions (translators and editors) or publish (editors); every form carries the CSRF token.
 */
@Controller
class TranslationDeskController {

    /** An agency file larger than this is not a story translation. */
    static final long MAX_XLIFF_BYTES = 2_000_000;
    /** What the toolbar editor may post for one text; the content rules bound the text far below this. */
    static final int MAX_JSON = 500_000;
    private static final tools.jackson.core.type.TypeReference<List<RichText>> RICH_LIST =
            new tools.jackson.core.type.TypeReference<>() { };
    private static final String BASE = "/newsroom/translations";
    private static final String ID = "{id:\\d{1,18}}";
    private static final String LANG = "{lang:uk|en|ru}";

    private final TranslationDesk desk;
    private final Stories stories;
    private final EditorialWorkflow workflow;
    private final NewsroomPages pages;
    private final Clock clock;
    private final StoryLinks links;
    private final tools.jackson.databind.json.JsonMapper json;
    private final LiveBlogs liveBlogs;

    TranslationDeskController(TranslationDesk desk, Stories stories, EditorialWorkflow workflow, NewsroomPages pages,
            Clock clock, StoryLinks links, tools.jackson.databind.json.JsonMapper json, LiveBlogs liveBlogs) {
        this.liveBlogs = liveBlogs;
        this.links = links;
        this.json = json;
        this.desk = desk;
        this.stories = stories;
        this.workflow = workflow;
        this.pages = pages;
        this.clock = clock;
    }

    @GetMapping(BASE)
    ModelAndView queue(HttpServletRequest request, @AuthenticationPrincipal NewsroomUser user,
            @RequestParam(defaultValue = "") String from, @RequestParam(defaultValue = "") String to) {
        requireTranslatorOrEditor(user);
        var t = pages.messages(user.uiLanguage());
        var source = Language.fromCode(from).orElse(null);
        var target = Language.fromCode(to).orElse(null);
        var now = clock.instant();
        var rows = desk.queue(source, target).stream().map(entry -> new QueuePage.Row(
                BASE + "/" + entry.storyId() + "/" + entry.target().code(),
                entry.headline().isBlank() ? t.get("newsroom.story.untitled", entry.storyId()) : entry.headline(),
                entry.source().label() + " → " + entry.target().label(),
                entry.kind() == QueueEntry.Kind.MISSING ? t.get("newsroom.translations.missing")
                        : t.get("newsroom.translations.behind." + Plurals.category(user.uiLanguage(), entry.behind()).key(),
                                entry.behind()),
                entry.kind() == QueueEntry.Kind.MISSING,
                t.get("newsroom.status." + entry.status().name()),
                ago(t, user.uiLanguage(), entry.createdAt(), now))).toList();
        var languages = Language.all().stream().map(l -> new QueuePage.Option(l.code(), l.label())).toList();
        var live = liveBlogs.translationWork().stream().filter(work -> target == null || work.language() == target)
                .map(work -> new QueuePage.LiveRow(BASE + "/" + work.storyId() + "/live",
                        stories.working(work.storyId(), stories.sourceLanguage(work.storyId())).map(v -> v.headline())
                                .orElse("#" + work.storyId()),
                        work.language().label(), t.get("newsroom.translations.live.work", work.missing(), work.outdated())))
                .toList();
        return new ModelAndView("newsroom/translation/queue", "page", new QueuePage(
                pages.chrome(request, user, "newsroom.translations.title", "translations"),
                source == null ? "" : source.code(), target == null ? "" : target.code(), languages, rows, live));
    }

    @GetMapping(BASE + "/" + ID + "/" + LANG)
    ModelAndView editor(HttpServletRequest request, @AuthenticationPrincipal NewsroomUser user, @PathVariable long id,
            @PathVariable Language lang, @RequestParam(required = false) @Nullable String saved) {
        requireEditable(user, id, lang);
        var t = pages.messages(user.uiLanguage());
        return page(request, user, id, lang, Map.of(), saved == null ? null : t.get("newsroom.translations.saved"),
                List.of(), null, HttpStatus.OK);
    }

    /** Saves the translation typed in the editor; with {@code op=save-mark}, also marks the ticked items done. */
    @PostMapping(BASE + "/" + ID + "/" + LANG)
    ModelAndView save(HttpServletRequest request, @AuthenticationPrincipal NewsroomUser user, @PathVariable long id,
            @PathVariable Language lang, @RequestParam(defaultValue = "0") int basedOn,
            @RequestParam(defaultValue = "save") String op, @RequestParam(name = "done", required = false) @Nullable List<String> done) {
        requireEditable(user, id, lang);
        requireTarget(id, lang);
        var typed = typedTexts(request);
        var t = pages.messages(user.uiLanguage());
        var kinds = desk.status(id, lang).items().stream()
                .collect(java.util.stream.Collectors.toMap(ItemStatus::itemId, ItemStatus::kind, (a, b) -> a));
        var problems = new ArrayList<String>();
        var posted = postedJson(request);
        var texts = read(typed, posted, kinds, t, problems);
        if (!problems.isEmpty()) {
            return page(request, user, id, lang, typed, t.get("newsroom.translations.refused"), problems, null,
                    HttpStatus.UNPROCESSABLE_CONTENT);
        }
        var composed = desk.compose(id, lang, texts);
        var current = stories.working(id, lang);
        try {
            workflow.saveTranslation(user, new SaveVersion(id, lang, basedOn, composed.headline(), composed.standfirst(),
                    current.map(v -> v.seoTitle()).orElse(""), current.map(v -> v.seoDescription()).orElse(""),
                    composed.leadImageCaption(), composed.leadImageCredit(), composed.leadImageAlt(), composed.body(),
                    user.username()));
        } catch (EditConflict conflict) {
            return page(request, user, id, lang, typed, t.get("newsroom.translations.conflict", conflict.currentRevision()),
                    List.of(), conflict.currentRevision(), HttpStatus.CONFLICT);
        } catch (InvalidContent refused) {
            var shown = refused.problems().stream().map(p -> t.get("newsroom.translations.problem",
                    where(p.field(), composed), t.get(p.messageKey(), p.args().toArray()))).toList();
            return page(request, user, id, lang, typed, t.get("newsroom.translations.refused"), shown, null,
                    HttpStatus.UNPROCESSABLE_CONTENT);
        }
        if ("save-mark".equals(op) && done != null && !done.isEmpty()) {
            desk.markUpToDate(id, lang, Set.copyOf(done), user.username());
        }
        return new ModelAndView(new RedirectView(BASE + "/" + id + "/" + lang.code() + "?saved"));
    }

    @GetMapping(BASE + "/" + ID + "/" + LANG + "/xliff")
    ResponseEntity<byte[]> export(@AuthenticationPrincipal NewsroomUser user, @PathVariable long id,
            @PathVariable Language lang, @RequestParam(defaultValue = "all") String scope) {
        requireEditable(user, id, lang);
        requireTarget(id, lang);
        var file = desk.exportXliff(id, lang, "stale".equals(scope)).getBytes(StandardCharsets.UTF_8);
        var name = "story-" + id + "-" + stories.sourceLanguage(id).code() + "-" + lang.code() + ".xlf";
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType("application/xliff+xml;charset=UTF-8"))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
                .header(HttpHeaders.CACHE_CONTROL, "private, no-store")
                .body(file);
    }

    @PostMapping(BASE + "/" + ID + "/" + LANG + "/xliff")
    ModelAndView importFile(HttpServletRequest request, @AuthenticationPrincipal NewsroomUser user,
            @PathVariable long id, @PathVariable Language lang,
            @RequestParam(name = "file", required = false) @Nullable MultipartFile file) throws IOException {
        requireEditable(user, id, lang);
        requireTarget(id, lang);
        var t = pages.messages(user.uiLanguage());
        if (file == null || file.isEmpty() || file.getSize() > MAX_XLIFF_BYTES) {
            return page(request, user, id, lang, Map.of(), null, List.of(t.get("newsroom.translations.xliff.no-file",
                    MAX_XLIFF_BYTES / 1_000_000)), null, HttpStatus.BAD_REQUEST);
        }
        try {
            var report = desk.importXliff(id, lang, file.getBytes(), user);
            var notice = t.get("newsroom.translations.xliff.imported", report.applied().size(),
                    report.keptAlreadyTranslated().size(), report.untranslatedUnits().size());
            return page(request, user, id, lang, Map.of(), notice, List.of(), null, HttpStatus.OK);
        } catch (ImportRejected rejected) {
            var problems = rejected.problems().stream().map(p -> {
                var reason = p.reason().startsWith("content.") ? t.get(p.reason(), p.args().toArray()) : p.reason();
                return p.unitId().isEmpty() ? reason : t.get("newsroom.translations.xliff.problem", p.unitId(), reason);
            }).toList();
            return page(request, user, id, lang, Map.of(), t.get("newsroom.translations.xliff.refused"), problems, null,
                    HttpStatus.UNPROCESSABLE_CONTENT);
        }
    }

    /** Editors publish one translation on its own, without publishing pending edits of the other versions. */
    @PostMapping(BASE + "/" + ID + "/" + LANG + "/publish")
    ModelAndView publish(HttpServletRequest request, @AuthenticationPrincipal NewsroomUser user, @PathVariable long id,
            @PathVariable Language lang, @RequestParam(required = false) @Nullable String seen) {
        if (!workflow.permissions(user, id).publish()) {
            throw new WorkflowRefused("publish", id);
        }
        requireTarget(id, lang);
        if (stories.working(id, lang).isEmpty()) {
            throw new StoryNotFound(id);
        }
        Integer seenRevision = seen == null ? null : seen.matches("\\d{1,9}") ? Integer.parseInt(seen) : -1;
        try {
            workflow.publishVersion(user, id, lang, seenRevision);
        } catch (ApprovalOutdated outdated) {
            // nothing went live: the page shows the translation as it is now
            var t = pages.messages(user.uiLanguage());
            return page(request, user, id, lang, Map.of(), t.get("newsroom.story.approval-outdated",
                    t.get("newsroom.story.approval-outdated.version", lang.label(), Integer.toString(Math.max(0, seenRevision == null ? 0 : seenRevision)),
                            Integer.toString(outdated.current().getOrDefault(lang, 0)))), List.of(), null,
                    HttpStatus.CONFLICT);
        }
        return new ModelAndView(new RedirectView(BASE + "/" + id + "/" + lang.code() + "?saved"));
    }

    private ModelAndView page(HttpServletRequest request, NewsroomUser user, long id, Language lang,
            Map<String, List<String>> typed, @Nullable String notice, List<String> problems,
            @Nullable Integer conflictRevision, HttpStatus status) {
        requireTarget(id, lang);
        var t = pages.messages(user.uiLanguage());
        var translation = desk.status(id, lang);
        var permissions = workflow.permissions(user, id);
        var items = translation.items().stream().map(item -> item(t, translation, item, typed, conflictRevision != null))
                .toList();
        int basedOn = conflictRevision != null ? conflictRevision
                : translation.targetRevision() == null ? 0 : translation.targetRevision();
        var view = new ModelAndView("newsroom/translation/editor", "page", new EditorPage(
                pages.chrome(request, user, "newsroom.translations.editor", "translations",
                        translation.source().label(), lang.label()),
                id, translation.source(), lang, basedOn, permissions.editVersion(lang),
                permissions.publish() && translation.targetRevision() != null, translation.behind(), notice, problems,
                items));
        view.setStatus(status);
        return view;
    }

    /**
     * The typed texts as texts with marks: those that carry marks are read as the newsroom's markup, the
     * others taken as they are. What cannot be read is added to {@code problems}, naming the block.
     */
    private static Map<String, List<RichText>> read(Map<String, List<String>> typed,
            Map<String, Map<Integer, RichText>> posted, Map<String, String> kinds, UiMessages t, List<String> problems) {
        var texts = new HashMap<String, List<RichText>>();
        typed.forEach((item, values) -> {
            var kind = kinds.getOrDefault(item, "");
            var read = new ArrayList<RichText>();
            for (int i = 0; i < values.size(); i++) {
                if (!kinds.containsKey(item) || !TranslationDesk.takesMarks(kind, i)) {
                    read.add(RichText.plain(values.get(i)));
                    continue;
                }
                var fromEditor = posted.getOrDefault(item, Map.of()).get(i);
                if (fromEditor != null) {
                    read.add(fromEditor);
                    continue;
                }
                try {
                    read.add(InlineMarkup.parse(values.get(i)));
                } catch (InlineMarkup.Unreadable e) {
                    problems.add(t.get("newsroom.translations.problem", item, t.get(e.messageKey(), e.position())));
                    read.add(RichText.plain(values.get(i)));
                }
            }
            texts.put(item, read);
        });
        return texts;
    }

    /** A typed text as the toolbar editor starts from it: read as markup, or as plain text where it cannot be. */
    private static RichText editorText(String markup) {
        try {
            return InlineMarkup.parse(markup);
        } catch (InlineMarkup.Unreadable e) {
            return RichText.plain(markup);
        }
    }

    /** The item a problem of the content rules is about: {@code body[2].text} is the third block's id. */
    private static String where(String field, org.masthead.translation.ComposedTranslation composed) {
        var matcher = java.util.regex.Pattern.compile("body\\[(\\d{1,3})].*").matcher(field);
        if (matcher.matches() && Integer.parseInt(matcher.group(1)) < composed.body().size()) {
            return composed.body().get(Integer.parseInt(matcher.group(1))).id();
        }
        return field;
    }

    private EditorPage.Item item(UiMessages t, TranslationStatus translation, ItemStatus item,
            Map<String, List<String>> typed, boolean afterConflict) {
        var labels = labels(t, item);
        var fields = new ArrayList<EditorPage.Field>();
        var mine = typed.get(item.itemId());
        var targets = links.of(item.sourceTexts().stream().flatMap(text -> text.linkedStories().stream()).toList(),
                translation.source(), false);
        for (int i = 0; i < item.sourceTexts().size(); i++) {
            boolean rich = TranslationDesk.takesMarks(item.kind(), i);
            var savedText = i < item.targetTexts().size() ? item.targetTexts().get(i) : RichText.EMPTY;
            var saved = rich ? InlineMarkup.write(savedText) : savedText.text();
            var value = mine != null && i < mine.size() ? mine.get(i) : saved;
            var source = item.sourceTexts().get(i);
            boolean multiline = rich || !item.kind().equals("headline") && !labels.get(i).isEmpty()
                    && source.text().length() > 80;
            fields.add(new EditorPage.Field("t." + item.itemId() + "." + i, labels.get(i), InlineHtml.of(source, targets),
                    !source.isBlank(), rich && !source.marks().isEmpty() ? InlineMarkup.write(source) : "", value, multiline, rich,
                    rich ? json.writeValueAsString(List.of(editorText(value))) : "",
                    afterConflict && !saved.equals(value) ? saved : null));
        }
        var changes = item.sourceChanges().stream()
                .map(parts -> parts.stream().map(p -> new EditorPage.Change(p.kind().name().toLowerCase(java.util.Locale.ROOT),
                        p.text())).toList())
                .filter(parts -> parts.stream().anyMatch(p -> !p.kind().equals("same")))
                .toList();
        var proposals = item.state() == ItemState.TRANSLATED || item.sourceTexts().isEmpty() ? List.<EditorPage.Proposal>of()
                : desk.proposals(translation.source(), translation.target(), item.sourceTexts().getFirst()).stream()
                        .filter(match -> item.targetTexts().isEmpty()
                                || !match.targetText().equals(InlineMarkup.write(item.targetTexts().getFirst())))
                        .map(match -> new EditorPage.Proposal(match.targetText(), match.percent())).toList();
        var state = item.state().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        return new EditorPage.Item(item.itemId(), t.get("newsroom.translations.kind." + item.kind()), state,
                t.get("newsroom.translations.state." + state), item.needsWork(), fields, changes, proposals);
    }

    private static List<String> labels(UiMessages t, ItemStatus item) {
        var labels = new ArrayList<String>();
        for (int i = 0; i < item.sourceTexts().size(); i++) {
            labels.add(switch (item.kind()) {
                case "quote" -> t.get("newsroom.translations.field.quote." + i);
                case "image", "lead" -> t.get("newsroom.translations.field.image." + i);
                case "list" -> t.get("newsroom.translations.field.item", i + 1);
                default -> t.get("newsroom.translations.kind." + item.kind());
            });
        }
        return labels;
    }

    /**
     * What the toolbar editor posted where it ran: {@code j.<item>.<index>} holds a text with marks as JSON
     * (a list of one), taken before the markup of {@code t.<item>.<index>}. A value that is not such JSON
     * is left out, so the markup is read instead.
     */
    private Map<String, Map<Integer, RichText>> postedJson(HttpServletRequest request) {
        var texts = new HashMap<String, Map<Integer, RichText>>();
        request.getParameterMap().forEach((name, values) -> {
            var parts = name.split("\\.");
            if (parts.length == 3 && parts[0].equals("j") && parts[2].matches("\\d{1,3}") && values.length > 0
                    && values[0].length() <= MAX_JSON) {
                try {
                    var list = json.readValue(values[0], RICH_LIST);
                    if (list.size() == 1 && list.getFirst() != null) {
                        texts.computeIfAbsent(parts[1], k -> new HashMap<>()).put(Integer.parseInt(parts[2]), list.getFirst());
                    }
                } catch (tools.jackson.core.JacksonException e) {
                    // not what the editor sends: the markup beside it is read instead
                }
            }
        });
        return texts;
    }

    /** The editor's fields are named {@code t.<item>.<index>}; collects them per item, in index order. */
    private static Map<String, List<String>> typedTexts(HttpServletRequest request) {
        var byItem = new HashMap<String, TreeMap<Integer, String>>();
        request.getParameterMap().forEach((name, values) -> {
            var parts = name.split("\\.");
            if (parts.length == 3 && parts[0].equals("t") && parts[2].matches("\\d{1,3}") && values.length > 0) {
                byItem.computeIfAbsent(parts[1], k -> new TreeMap<>()).put(Integer.parseInt(parts[2]), values[0].strip());
            }
        });
        var texts = new HashMap<String, List<String>>();
        byItem.forEach((item, indexed) -> texts.put(item, List.copyOf(indexed.values())));
        return texts;
    }

    private static String ago(UiMessages t, Language language, Instant then, Instant now) {
        var elapsed = Duration.between(then, now);
        if (elapsed.toMinutes() < 1) {
            return t.get("newsroom.ago.now");
        }
        long amount;
        String unit;
        if (elapsed.toHours() < 1) {
            amount = elapsed.toMinutes();
            unit = "minutes";
        } else if (elapsed.toDays() < 1) {
            amount = elapsed.toHours();
            unit = "hours";
        } else {
            amount = elapsed.toDays();
            unit = "days";
        }
        return t.get("newsroom.ago." + unit + "." + Plurals.category(language, amount).key(), amount);
    }

    /** The translation desk's pages, a story's and a live blog's, are for translators and editors. */
    static void requireTranslatorOrEditor(NewsroomUser user) {
        if (!user.has(Role.TRANSLATOR) && !user.has(Role.EDITOR)) {
            throw new WorkflowRefused("translate", 0);
        }
    }

    private void requireEditable(NewsroomUser user, long id, Language lang) {
        requireTranslatorOrEditor(user);
        requireTarget(id, lang);   // the desk has no page for the source language: not found, whoever asks
        if (!workflow.permissions(user, id).editVersion(lang)) {
            throw new WorkflowRefused("translate", id);
        }
    }

    /** The source language has no translation to edit: its page is the story editor. */
    private void requireTarget(long id, Language lang) {
        if (stories.sourceLanguage(id) == lang || stories.working(id, stories.sourceLanguage(id)).isEmpty()) {
            throw new StoryNotFound(id);
        }
    }
}
