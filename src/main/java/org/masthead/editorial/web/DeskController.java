package org.masthead.editorial.web;

import jakarta.servlet.http.HttpServletRequest;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.masthead.content.ApprovalOutdated;
import org.masthead.content.DeskFilter;
import org.masthead.content.StoryDetails;
import org.masthead.content.StoryMetadata;
import org.masthead.content.StoryNote;
import org.masthead.content.StoryNotFound;
import org.masthead.content.StoryStatus;
import org.masthead.content.Stories;
import org.masthead.content.Taxonomy;
import org.masthead.editorial.EditorialWorkflow;
import org.masthead.editorial.TranslationBadges;
import org.masthead.editorial.Permissions;
import org.masthead.editorial.PublishBlocked;
import org.masthead.editorial.WorkflowRefused;
import org.masthead.editorial.TaxonomyDesk;
import org.masthead.content.TaxonomyRejected;
import org.masthead.identity.IdentityProperties;
import org.masthead.platform.web.UiMessages;
import org.masthead.identity.NewsroomPages;
import org.masthead.identity.NewsroomUser;
import org.masthead.media.MediaLibrary;
import org.masthead.platform.Language;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.view.RedirectView;

/** The story list, opening a story, and one story's metadata, workflow, notes and deletion. */
@Controller
class DeskController {

    private static final int PAGE = 50;
    /** Existing tag names offered while typing one in a story's form. */
    private static final int TAG_NAMES = 500;

    private final EditorialWorkflow workflow;
    private final Stories stories;
    private final Taxonomy taxonomy;
    private final MediaLibrary media;
    private final NewsroomPages pages;
    private final TranslationBadges badges;
    private final TaxonomyDesk taxonomyDesk;
    private final Checklist checklist;
    private final ZoneId zone;

    DeskController(EditorialWorkflow workflow, Stories stories, Taxonomy taxonomy, MediaLibrary media,
            NewsroomPages pages, TranslationBadges badges, TaxonomyDesk taxonomyDesk, Checklist checklist,
            IdentityProperties identity) {
        this.workflow = workflow;
        this.taxonomyDesk = taxonomyDesk;
        this.checklist = checklist;
        this.stories = stories;
        this.taxonomy = taxonomy;
        this.media = media;
        this.pages = pages;
        this.badges = badges;
        this.zone = identity.timeZone();
    }

    @GetMapping("/newsroom/stories")
    ModelAndView list(HttpServletRequest request, @AuthenticationPrincipal NewsroomUser user,
            @RequestParam(defaultValue = "") String status, @RequestParam(defaultValue = "") String language,
            @RequestParam(defaultValue = "") String section, @RequestParam(defaultValue = "") String author,
            @RequestParam(defaultValue = "") String q, @RequestParam(defaultValue = "saved") String sort,
            @RequestParam(defaultValue = "0") int offset) {
        var t = pages.messages(user.uiLanguage());
        var statusFilter = java.util.Arrays.stream(StoryStatus.values()).filter(s -> s.name().equals(status)).findFirst()
                .orElse(null);
        var sortBy = java.util.Arrays.stream(DeskFilter.Sort.values())
                .filter(s -> s.name().equalsIgnoreCase(sort)).findFirst().orElse(DeskFilter.Sort.SAVED);
        var text = q.length() > 100 ? q.substring(0, 100) : q;
        var filter = new DeskFilter(statusFilter, Language.fromCode(language).orElse(null), number(section), number(author),
                null, text, sortBy);
        int start = Math.max(0, offset);
        var slice = stories.desk(filter, start, PAGE);
        var behind = badges.behind(slice.rows().stream().map(row -> row.id()).toList());
        var rows = slice.rows().stream().map(row -> new DeskPage.Row(row.id(),
                row.headlines().isEmpty() ? t.get("newsroom.story.untitled", Long.toString(row.id()))
                        : row.headlines().values().iterator().next(),
                String.join(" ", row.headlines().keySet().stream().map(Language::label).toList()),
                String.join(" ", behind.getOrDefault(row.id(), java.util.Set.of()).stream().map(Language::label).toList()),
                row.status().name(), t.get("newsroom.status." + row.status().name()),
                row.section().name().in(user.uiLanguage()), row.createdBy(), pages.time(row.lastSavedAt()),
                row.scheduledAt() == null ? "" : pages.time(row.scheduledAt()))).toList();
        var base = "/newsroom/stories?status=" + enc(status) + "&language=" + enc(language) + "&section=" + enc(section)
                + "&author=" + enc(author) + "&q=" + enc(text) + "&sort=" + enc(sort) + "&offset=";
        var statuses = new ArrayList<DeskPage.Option>();
        for (var s : StoryStatus.values()) {
            statuses.add(new DeskPage.Option(s.name(), t.get("newsroom.status." + s.name())));
        }
        var sorts = new ArrayList<DeskPage.Option>();
        for (var s : DeskFilter.Sort.values()) {
            sorts.add(new DeskPage.Option(s.name().toLowerCase(Locale.ROOT), t.get("newsroom.sort." + s.name().toLowerCase(Locale.ROOT))));
        }
        var page = new DeskPage(pages.chrome(request, user, "newsroom.stories.title", "stories"),
                new DeskPage.Filters(status, language, section, author, text, sortBy.name().toLowerCase(Locale.ROOT)),
                statuses, Language.all().stream().map(l -> new DeskPage.Option(l.code(), l.nativeName())).toList(),
                taxonomy.sections().stream().map(o -> new DeskPage.Option(Long.toString(o.id()),
                        o.name().in(user.uiLanguage()))).toList(),
                authorOptions(user).stream().map(o -> new DeskPage.Option(o.value(), o.label())).toList(),
                sorts, rows, slice.total(), start > 0 ? base + Math.max(0, start - PAGE) : "",
                start + PAGE < slice.total() ? base + (start + PAGE) : "", Permissions.mayOpen(user),
                checklist.of(user));
        return new ModelAndView("newsroom/editorial/desk", "page", page);
    }

    @GetMapping("/newsroom/stories/new")
    ModelAndView newStory(HttpServletRequest request, @AuthenticationPrincipal NewsroomUser user) {
        requireMayOpen(user);
        // a writer's own byline is chosen to start with
        var own = taxonomy.authorOfAccount(user.id()).map(a -> List.of(Long.toString(a.id()))).orElse(List.of());
        return newStoryPage(request, user, "", user.uiLanguage().code(), own, "", Map.of(), HttpStatus.OK);
    }

    @PostMapping("/newsroom/stories")
    ModelAndView open(HttpServletRequest request, @AuthenticationPrincipal NewsroomUser user,
            @RequestParam(defaultValue = "") String section, @RequestParam(defaultValue = "uk") String language,
            @RequestParam(required = false) @Nullable List<String> authors,
            @RequestParam(defaultValue = "") String newTags) {
        requireMayOpen(user);
        var chosen = authors == null ? List.<String>of() : authors;
        var sectionId = number(section);
        var source = Language.fromCode(language);
        var errors = new LinkedHashMap<String, String>();
        var t = pages.messages(user.uiLanguage());
        if (sectionId == null || taxonomy.openSections().stream().noneMatch(s -> s.id() == sectionId)) {
            errors.put("section", t.get("newsroom.story.error.section"));
        }
        if (source.isEmpty()) {
            errors.put("language", t.get("newsroom.story.error.language"));
        }
        var authorIds = authorIds(chosen);
        if (!errors.isEmpty()) {
            return newStoryPage(request, user, section, language, chosen, newTags, errors,
                    HttpStatus.UNPROCESSABLE_CONTENT);
        }
        try {
            long id = workflow.open(user, new StoryMetadata(sectionId, authorIds, List.of(), null), source.orElseThrow(),
                    Forms.commaSeparated(newTags));
            return new ModelAndView(new RedirectView("/newsroom/stories/" + id + "/" + language + "/edit"));
        } catch (TaxonomyRejected rejected) {
            return newStoryPage(request, user, section, language, chosen, newTags, Forms.error(rejected, t),
                    HttpStatus.UNPROCESSABLE_CONTENT);
        }
    }

    @GetMapping("/newsroom/stories/{id:\\d{1,18}}")
    ModelAndView story(HttpServletRequest request, @AuthenticationPrincipal NewsroomUser user, @PathVariable long id,
            @RequestParam(required = false) @Nullable String done) {
        var story = details(id);
        return overview(request, user, story, Map.of(), List.of(), null, done == null ? null : "newsroom.story.done." + done,
                HttpStatus.OK);
    }

    @PostMapping("/newsroom/stories/{id:\\d{1,18}}/metadata")
    ModelAndView metadata(HttpServletRequest request, @AuthenticationPrincipal NewsroomUser user, @PathVariable long id,
            @RequestParam(defaultValue = "") String section, @RequestParam(required = false) @Nullable List<String> authors,
            @RequestParam(required = false) @Nullable List<String> tags, @RequestParam(defaultValue = "") String newTags,
            @RequestParam(defaultValue = "") String leadImage) {
        var story = details(id);
        var t = pages.messages(user.uiLanguage());
        var sectionId = number(section);
        var errors = new LinkedHashMap<String, String>();
        if (sectionId == null || taxonomy.sections().stream().noneMatch(s -> s.id() == sectionId)) {
            errors.put("section", t.get("newsroom.story.error.section"));
        }
        var image = number(leadImage);
        if (!leadImage.isBlank() && (image == null || media.find(image).isEmpty())) {
            errors.put("leadImage", t.get("newsroom.version.error.media"));
        }
        var chosenTags = tags == null ? List.<String>of() : tags;
        var typed = new StoryOverviewPage.Metadata(section, authors == null ? List.of() : authors, chosenTags, newTags,
                leadImage);
        if (!errors.isEmpty()) {
            return overview(request, user, story, errors, List.of(), typed, null, HttpStatus.UNPROCESSABLE_CONTENT);
        }
        try {
            workflow.updateMetadata(user, id, new StoryMetadata(sectionId, authorIds(typed.authors()),
                    tagIds(chosenTags), image), Forms.commaSeparated(newTags));
        } catch (TaxonomyRejected rejected) {
            return overview(request, user, story, Forms.error(rejected, t), List.of(), typed, null,
                    HttpStatus.UNPROCESSABLE_CONTENT);
        }
        return done(id, "metadata");
    }

    @PostMapping("/newsroom/stories/{id:\\d{1,18}}/workflow")
    ModelAndView move(HttpServletRequest request, @AuthenticationPrincipal NewsroomUser user, @PathVariable long id,
            @RequestParam String action, @RequestParam(defaultValue = "") String at,
            @RequestParam Map<String, String> form) {
        var story = details(id);
        var seen = seen(form);
        try {
            switch (action) {
                case "submit" -> workflow.submit(user, id);
                case "send-back" -> workflow.sendBack(user, id);
                case "publish" -> workflow.publish(user, id, seen);
                case "unpublish" -> workflow.unpublish(user, id);
                case "draft" -> workflow.backToDraft(user, id);
                case "schedule" -> {
                    var when = parseTime(at);
                    if (when == null) {
                        var t = pages.messages(user.uiLanguage());
                        return overview(request, user, story, Map.of("at", t.get("newsroom.story.error.time")), List.of(),
                                null, null, HttpStatus.UNPROCESSABLE_CONTENT);
                    }
                    workflow.schedule(user, id, when, seen);
                }
                default -> throw new WorkflowRefused(action, id);
            }
        } catch (PublishBlocked blocked) {
            return overview(request, user, story, Map.of(), problems(user, blocked.problems()), null, null,
                    HttpStatus.UNPROCESSABLE_CONTENT);
        } catch (ApprovalOutdated outdated) {
            // nothing was approved: the page shows the versions as they are now, with the time typed kept
            var t = pages.messages(user.uiLanguage());
            var changed = outdated.changed().stream().map(l -> t.get("newsroom.story.approval-outdated.version",
                    l.label(), Integer.toString(form.getOrDefault("seen-" + l.code(), "0").matches("\\d{1,9}")
                            ? Integer.parseInt(form.get("seen-" + l.code())) : 0),
                    Integer.toString(outdated.current().getOrDefault(l, 0)))).toList();
            return overview(request, user, details(id), Map.of("approval", t.get("newsroom.story.approval-outdated",
                    String.join("; ", changed))), List.of(), null, null,
                    action.equals("schedule") && !at.isBlank() ? at : null, HttpStatus.CONFLICT);
        }
        return done(id, action);
    }

    /**
     * The revision of each version that the page asking for an approval showed ({@code seen-uk}, {@code seen-en},
     * {@code seen-ru}; 0 for a version not written then); {@code null} when the form carries none.
     */
    static @Nullable Map<Language, Integer> seen(Map<String, String> form) {
        var seen = new java.util.EnumMap<Language, Integer>(Language.class);
        boolean any = false;
        for (var language : Language.all()) {
            var value = form.get("seen-" + language.code());
            if (value != null) {
                any = true;
                seen.put(language, value.matches("\\d{1,9}") ? Integer.parseInt(value) : -1);
            }
        }
        return any ? seen : null;
    }

    @PostMapping("/newsroom/stories/{id:\\d{1,18}}/notes")
    ModelAndView note(HttpServletRequest request, @AuthenticationPrincipal NewsroomUser user, @PathVariable long id,
            @RequestParam(defaultValue = "") String language, @RequestParam(defaultValue = "") String kind,
            @RequestParam(defaultValue = "") String text) {
        var story = details(id);
        var lang = Language.fromCode(language).filter(l -> story.publishedRevisions().containsKey(l));
        var noteKind = java.util.Arrays.stream(StoryNote.Kind.values()).filter(k -> k.name().equals(kind)).findFirst();
        if (!Permissions.of(user, story).addNote()) {
            throw new WorkflowRefused("note", id);
        }
        if (lang.isEmpty() || noteKind.isEmpty() || text.isBlank() || text.length() > 2000) {
            var t = pages.messages(user.uiLanguage());
            return overview(request, user, story, Map.of("note", t.get("newsroom.note.error")), List.of(), null, null,
                    HttpStatus.UNPROCESSABLE_CONTENT);
        }
        workflow.addNote(user, id, lang.get(), noteKind.get(), text);
        return done(id, "note");
    }

    @PostMapping("/newsroom/stories/{id:\\d{1,18}}/delete")
    RedirectView delete(@AuthenticationPrincipal NewsroomUser user, @PathVariable long id) {
        details(id);
        workflow.delete(user, id);
        return new RedirectView("/newsroom/stories");
    }

    private ModelAndView done(long id, String what) {
        return new ModelAndView(new RedirectView("/newsroom/stories/" + id + "?done=" + what));
    }

    private ModelAndView overview(HttpServletRequest request, NewsroomUser user, StoryDetails story,
            Map<String, String> errors, List<String> problems, StoryOverviewPage.@Nullable Metadata typed,
            @Nullable String notice, HttpStatus status) {
        return overview(request, user, story, errors, problems, typed, notice, null, status);
    }

    private ModelAndView overview(HttpServletRequest request, NewsroomUser user, StoryDetails story,
            Map<String, String> errors, List<String> problems, StoryOverviewPage.@Nullable Metadata typed,
            @Nullable String notice, @Nullable String typedAt, HttpStatus status) {
        var t = pages.messages(user.uiLanguage());
        var versions = new ArrayList<StoryOverviewPage.Version>();
        var behind = badges.behind(List.of(story.id())).getOrDefault(story.id(), java.util.Set.of());
        var changed = workflow.changedSinceApproval(story.id());
        for (var language : Language.all()) {
            var revision = story.revisions().get(language);
            var headline = revision == null ? "" : stories.working(story.id(), language).map(v -> v.headline()).orElse("");
            versions.add(new StoryOverviewPage.Version(language.code(), language.nativeName(),
                    revision == null ? 0 : revision, story.publishedRevisions().get(language), headline,
                    behind.contains(language), changed.contains(language)));
        }
        var notes = new ArrayList<StoryOverviewPage.Note>();
        for (var language : story.publishedRevisions().keySet()) {
            stories.notes(story.id(), language).forEach(n -> notes.add(new StoryOverviewPage.Note(language.label(),
                    t.get("story.note." + n.kind().name().toLowerCase(Locale.ROOT)), n.text(), pages.time(n.createdAt()))));
        }
        var metadata = typed != null ? typed : new StoryOverviewPage.Metadata(Long.toString(story.sectionId()),
                story.authorIds().stream().map(String::valueOf).toList(),
                story.tagIds().stream().map(String::valueOf).toList(), "",
                story.leadImageId() == null ? "" : story.leadImageId().toString());
        var tagOptions = taxonomy.tags(story.tagIds()).stream()
                .map(tag -> new StoryOverviewPage.Option(Long.toString(tag.id()), tag.name().in(user.uiLanguage())))
                .toList();
        var tagNames = taxonomy.tags().stream().map(tag -> tag.name().in(user.uiLanguage())).sorted().limit(TAG_NAMES)
                .toList();
        var title = versions.stream().filter(v -> v.code().equals(story.sourceLanguage().code())).findFirst()
                .map(StoryOverviewPage.Version::headline).filter(h -> !h.isBlank())
                .orElse(t.get("newsroom.story.untitled", Long.toString(story.id())));
        var images = media.search("", 0, 60).stream()
                .map(item -> new StoryOverviewPage.Option(Long.toString(item.id()), "#" + item.id() + " "
                        + (item.text(user.uiLanguage()).caption().isBlank() ? item.originalName()
                        : item.text(user.uiLanguage()).caption())))
                .toList();
        var shownProblems = problems.isEmpty() && story.status() != StoryStatus.PUBLISHED
                ? problems(user, workflow.problems(story.id())) : problems;
        var view = new ModelAndView("newsroom/editorial/story", "page", new StoryOverviewPage(
                pages.chrome(request, user, "newsroom.story.title", "stories", title), story.id(), story.status().name(),
                t.get("newsroom.status." + story.status().name()),
                story.scheduledAt() == null ? null : pages.time(story.scheduledAt()), story.createdBy(),
                Permissions.of(user, story), metadata, sectionOptions(user, story.sectionId()), authorOptions(user),
                tagOptions, tagNames, taxonomyDesk.mayCreateTagsFromStories(user), images, versions,
                shownProblems, errors, notes,
                typedAt != null ? typedAt : LocalDateTime.now(zone).plusHours(1).withSecond(0).withNano(0).toString(),
                notice == null ? null : t.get(notice)));
        view.setStatus(status);
        return view;
    }

    private List<String> problems(NewsroomUser user, List<PublishBlocked.Problem> problems) {
        UiMessages t = pages.messages(user.uiLanguage());
        return problems.stream().map(p -> p.language().label() + ": " + t.get(p.messageKey(), Integer.toString(p.block()))).toList();
    }

    private ModelAndView newStoryPage(HttpServletRequest request, NewsroomUser user, String section, String language,
            List<String> chosen, String newTags, Map<String, String> errors, HttpStatus status) {
        var tagNames = taxonomy.tags().stream().map(tag -> tag.name().in(user.uiLanguage())).sorted().limit(TAG_NAMES)
                .toList();
        var view = new ModelAndView("newsroom/editorial/new", "page", new NewStoryPage(
                pages.chrome(request, user, "newsroom.story.new", "stories"), sectionOptions(user, null),
                authorOptions(user), section, language, chosen, newTags, tagNames,
                taxonomyDesk.mayCreateTagsFromStories(user), errors));
        view.setStatus(status);
        return view;
    }

    /** Sections open to new stories, and the story's own section even if it was archived since. */
    private List<StoryOverviewPage.Option> sectionOptions(NewsroomUser user, @Nullable Long current) {
        var open = taxonomy.openSections().stream().map(s -> s.id()).toList();
        return taxonomy.sections().stream().filter(s -> open.contains(s.id()) || Long.valueOf(s.id()).equals(current))
                .map(s -> new StoryOverviewPage.Option(Long.toString(s.id()), s.name().in(user.uiLanguage()))).toList();
    }

    private List<Long> tagIds(List<String> chosen) {
        var ids = chosen.stream().map(DeskController::number).filter(java.util.Objects::nonNull).distinct().toList();
        return taxonomy.tags(ids).stream().map(tag -> tag.id()).toList();
    }

    private List<StoryOverviewPage.Option> authorOptions(NewsroomUser user) {
        return taxonomy.authors().stream()
                .map(a -> new StoryOverviewPage.Option(Long.toString(a.id()), a.name().in(user.uiLanguage()))).toList();
    }

    private List<Long> authorIds(List<String> chosen) {
        var known = taxonomy.authors().stream().map(a -> a.id()).toList();
        return chosen.stream().map(DeskController::number).filter(id -> id != null && known.contains(id)).distinct().toList();
    }

    private StoryDetails details(long id) {
        return stories.details(id).orElseThrow(() -> new StoryNotFound(id));
    }

    private java.time.@Nullable Instant parseTime(String at) {
        try {
            return LocalDateTime.parse(at).atZone(zone).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static void requireMayOpen(NewsroomUser user) {
        if (!Permissions.mayOpen(user)) {
            throw new WorkflowRefused("open", 0);
        }
    }

    private static @Nullable Long number(String text) {
        return text.matches("\\d{1,18}") ? Long.parseLong(text) : null;
    }

    private static String enc(String text) {
        return java.net.URLEncoder.encode(text, java.nio.charset.StandardCharsets.UTF_8);
    }
}
