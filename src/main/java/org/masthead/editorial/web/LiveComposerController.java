package org.masthead.editorial.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.masthead.content.InlineMarkup;
import org.masthead.content.InvalidContent;
import org.masthead.content.LiveBlog;
import org.masthead.content.LiveBlogClosed;
import org.masthead.content.LiveBlogs;
import org.masthead.content.LiveEntry;
import org.masthead.content.Stories;
import org.masthead.content.StoryNotFound;
import org.masthead.editorial.EntryMarkup;
import org.masthead.editorial.LiveDesk;
import org.masthead.editorial.NotAllowed;
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

/**
 * The newsroom's live blog desk: make a story a live blog and open, pause or end it; post an entry in seconds
 * with the keyboard alone (the text box has the focus, Tab reaches the key-event box and "Post"; the text takes
 * the newsroom's small markup, a blank line between paragraphs, "## " before a sub-heading); correct or withdraw
 * entries. Works without a script; after each post the composer is empty and focused again.
 */
@Controller
class LiveComposerController {

    private static final String PATH = "/newsroom/stories/{id:\\d{1,18}}/live";
    private static final int SHOWN = 30;

    private final LiveDesk desk;
    private final LiveBlogs blogs;
    private final Stories stories;
    private final NewsroomPages pages;
    private final PublicUrls urls;

    LiveComposerController(LiveDesk desk, LiveBlogs blogs, Stories stories, NewsroomPages pages, PublicUrls urls) {
        this.desk = desk;
        this.blogs = blogs;
        this.stories = stories;
        this.pages = pages;
        this.urls = urls;
    }

    @GetMapping(PATH)
    ModelAndView show(HttpServletRequest request, @AuthenticationPrincipal NewsroomUser user, @PathVariable long id,
            @RequestParam(required = false) @Nullable String done) {
        requirePoster(user);
        var source = stories.sourceLanguage(id);
        var form = new LiveComposerPage.Form(source.code(), user.displayName(), "", "", false);
        var notice = done == null ? null : switch (done) {
            case "posted" -> "newsroom.live.posted";
            case "state" -> "newsroom.live.state-saved";
            case "corrected" -> "newsroom.live.corrected";
            case "withdrawn" -> "newsroom.live.withdrawn";
            default -> null;
        };
        return page(request, user, id, form, Map.of(), notice, HttpStatus.OK);
    }

    @PostMapping(PATH)
    ModelAndView state(@AuthenticationPrincipal NewsroomUser user, @PathVariable long id, HttpServletRequest request) {
        if (!LiveDesk.mayRun(user)) {
            throw new NotAllowed("live.state");
        }
        var params = request.getParameterMap();
        var state = LiveBlog.State.fromKey(Forms.text(params, "state")).orElse(LiveBlog.State.LIVE);
        desk.setState(user, id, state, !"hide".equals(Forms.text(params, "untranslated")));
        return new ModelAndView(new RedirectView("/newsroom/stories/" + id + "/live?done=state"));
    }

    @PostMapping(PATH + "/entries")
    ModelAndView post(@AuthenticationPrincipal NewsroomUser user, @PathVariable long id, HttpServletRequest request) {
        requirePoster(user);
        var params = request.getParameterMap();
        var form = new LiveComposerPage.Form(Forms.text(params, "language"), Forms.text(params, "author"),
                Forms.text(params, "headline"), Forms.text(params, "body"), Forms.checked(params, "keyEvent"));
        var t = pages.messages(user.uiLanguage());
        try {
            var language = Language.fromCode(form.language()).orElseThrow(() -> new InvalidContent(List.of(
                    new InvalidContent.Problem("language", "newsroom.live.error.language", List.of()))));
            desk.post(user, id, new LiveEntry.Draft(language, form.author(), form.headline(), EntryMarkup.blocks(form.body()),
                    form.keyEvent()));
            return new ModelAndView(new RedirectView("/newsroom/stories/" + id + "/live?done=posted"));
        } catch (InvalidContent refused) {
            return page(request, user, id, form, errors(refused, t), null, HttpStatus.UNPROCESSABLE_CONTENT);
        } catch (InlineMarkup.Unreadable unreadable) {
            return page(request, user, id, form, Map.of("body", t.get(unreadable.messageKey(), unreadable.position())),
                    null, HttpStatus.UNPROCESSABLE_CONTENT);
        } catch (LiveBlogClosed closed) {
            return page(request, user, id, form, Map.of("state", t.get("newsroom.live.error.closed")), null,
                    HttpStatus.UNPROCESSABLE_CONTENT);
        }
    }

    @PostMapping(PATH + "/entries/{entry:\\d{1,18}}")
    ModelAndView change(@AuthenticationPrincipal NewsroomUser user, @PathVariable long id, @PathVariable long entry,
            HttpServletRequest request) {
        if (!LiveDesk.mayRun(user)) {
            throw new NotAllowed("live.correct");
        }
        var params = request.getParameterMap();
        if ("withdraw".equals(Forms.text(params, "op"))) {
            desk.withdraw(user, id, entry);
            return new ModelAndView(new RedirectView("/newsroom/stories/" + id + "/live?done=withdrawn"));
        }
        var current = blogs.entry(id, entry);
        var form = new LiveComposerPage.Form(current.language().code(), Forms.text(params, "author"),
                Forms.text(params, "headline"), Forms.text(params, "body"), Forms.checked(params, "keyEvent"));
        var t = pages.messages(user.uiLanguage());
        try {
            desk.correct(user, id, entry, new LiveEntry.Draft(current.language(), form.author(), form.headline(),
                    EntryMarkup.corrected(current.body(), form.body()), form.keyEvent()));
            return new ModelAndView(new RedirectView("/newsroom/stories/" + id + "/live?done=corrected"));
        } catch (InvalidContent refused) {
            return page(request, user, id, form, prefixed(errors(refused, t), "entry-" + entry + "-"), null,
                    HttpStatus.UNPROCESSABLE_CONTENT);
        } catch (InlineMarkup.Unreadable unreadable) {
            return page(request, user, id, form, Map.of("entry-" + entry + "-body",
                    t.get(unreadable.messageKey(), unreadable.position())), null, HttpStatus.UNPROCESSABLE_CONTENT);
        }
    }

    private ModelAndView page(HttpServletRequest request, NewsroomUser user, long id, LiveComposerPage.Form form,
            Map<String, String> errors, @Nullable String notice, HttpStatus status) {
        var details = stories.details(id).orElseThrow(() -> new StoryNotFound(id));
        var source = details.sourceLanguage();
        var blog = blogs.find(id).orElse(null);
        var rows = blogs.entries(id, null, null, SHOWN).entries().stream().map(e -> new LiveComposerPage.Row(e.id(),
                pages.time(e.postedAt()), e.language().code(), e.author(), e.headline(), EntryMarkup.write(e.body()), e.keyEvent(),
                e.withdrawn(), e.correctedAt() == null ? null : pages.time(e.correctedAt()))).toList();
        var languages = Language.all().stream().map(l -> new LiveComposerPage.Choice(l.code(), l.nativeName())).toList();
        var headline = stories.working(id, source).map(v -> v.headline()).orElse("#" + id);
        var reader = stories.published(id, source).map(p -> urls.story(p.card())).orElse(null);
        var t = pages.messages(user.uiLanguage());
        var view = new ModelAndView("newsroom/editorial/live", "page", new LiveComposerPage(
                pages.chrome(request, user, "newsroom.live.title", "stories", headline), id, headline,
                blog == null ? null : blog.state().key(), blog == null || blog.showUntranslated(), LiveDesk.mayRun(user),
                // an entry refused by an ended blog comes back in the composer as typed, so nothing is lost
                LiveDesk.mayPost(user) && (blog != null && blog.state() != LiveBlog.State.ENDED
                        || errors.containsKey("state")), form, rows, languages,
                errors, notice == null ? null : t.get(notice), reader));
        view.setStatus(status);
        return view;
    }

    private static Map<String, String> errors(InvalidContent refused, UiMessages t) {
        var errors = new LinkedHashMap<String, String>();
        for (var problem : refused.problems()) {
            var field = problem.field().startsWith("body") ? "body" : problem.field();
            errors.putIfAbsent(field, t.get(problem.messageKey(), problem.args().toArray()));
        }
        return errors;
    }

    private static Map<String, String> prefixed(Map<String, String> errors, String prefix) {
        var all = new LinkedHashMap<String, String>();
        errors.forEach((field, message) -> all.put(prefix + field, message));
        return all;
    }

    private static void requirePoster(NewsroomUser user) {
        if (!LiveDesk.mayPost(user)) {
            throw new NotAllowed("live.post");
        }
    }
}
