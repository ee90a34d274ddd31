package org.masthead.translation.web;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.masthead.content.ApprovalOutdated;
import org.masthead.content.EditConflict;
import org.masthead.content.InlineMarkup;
import org.masthead.content.InvalidContent;
import org.masthead.content.LiveBlogs;
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
    private static final String BASE = "/newsroom/translations";
    private static final String ID = "{id:\\d{1,18}}";
    private static final String LANG = "{lang:uk|en|ru}";

    private final TranslationDesk desk;
    private final Stories stories;
    private final EditorialWorkflow workflow;
    private final NewsroomPages pages;
    private final Clock clock;
    private final TranslationFields fields;
    private final LiveBlogs liveBlogs;

    TranslationDeskController(TranslationDesk desk, Stories stories, EditorialWorkflow workflow, NewsroomPages pages,
            Clock clock, TranslationFields fields, LiveBlogs liveBlogs) {
        this.liveBlogs = liveBlogs;
        this.fields = fields;
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
        var typed = TranslationFields.typed(request);
        var t = pages.messages(user.uiLanguage());
        var kinds = desk.status(id, lang).items().stream()
                .collect(java.util.stream.Collectors.toMap(ItemStatus::itemId, ItemStatus::kind, (a, b) -> a));
        var problems = new ArrayList<String>();
        var texts = fields.read(request, typed, kinds, t,
                (item, message) -> problems.add(t.get("newsroom.translations.problem", item, message)));
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
                    TranslationFields.item(p.field(), composed.body()), t.get(p.messageKey(), p.args().toArray()))).toList();
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
            // the units of live blog entries left out are listed as a refused file's problems are
            return page(request, user, id, lang, Map.of(), notice, shown(report.rejected(), t), null, HttpStatus.OK);
        } catch (ImportRejected rejected) {
            return page(request, user, id, lang, Map.of(), t.get("newsroom.translations.xliff.refused"),
                    shown(rejected.problems(), t), null, HttpStatus.UNPROCESSABLE_CONTENT);
        }
    }

    private static List<String> shown(List<ImportRejected.Problem> problems, UiMessages t) {
        return problems.stream().map(p -> {
            var reason = p.reason().startsWith("content.") ? t.get(p.reason(), p.args().toArray()) : p.reason();
            return p.unitId().isEmpty() ? reason : t.get("newsroom.translations.xliff.problem", p.unitId(), reason);
        }).toList();
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

    private EditorPage.Item item(UiMessages t, TranslationStatus translation, ItemStatus item,
            Map<String, List<String>> typed, boolean afterConflict) {
        var inputs = fields.of(t, item, translation.source(), typed.get(item.itemId()), afterConflict);
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
                t.get("newsroom.translations.state." + state), item.needsWork(), inputs, changes, proposals);
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
