package org.masthead.editorial.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.masthead.content.EditConflict;
import org.masthead.content.InvalidContent;
import org.masthead.content.Stories;
import org.masthead.content.StoryNotFound;
import org.masthead.editorial.EditorialWorkflow;
import org.masthead.identity.NewsroomPages;
import org.masthead.identity.NewsroomUser;
import org.masthead.platform.Language;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.view.RedirectView;
import tools.jackson.databind.json.JsonMapper;

/**
 * Editing one language version. The body's blocks are added, moved and removed by buttons that post
 * the whole form, so the editor works without JavaScript and nothing typed is lost between steps;
 * only "save" writes a revision.
 */
@Controller
class VersionController {

    private final EditorialWorkflow workflow;
    private final Stories stories;
    private final NewsroomPages pages;
    private final BodyEditor body;
    private final JsonMapper json;

    VersionController(EditorialWorkflow workflow, Stories stories, NewsroomPages pages, BodyEditor body,
            JsonMapper json) {
        this.workflow = workflow;
        this.stories = stories;
        this.pages = pages;
        this.body = body;
        this.json = json;
    }

    @GetMapping("/newsroom/stories/{id:\\d{1,18}}/{lang:uk|en|ru}/edit")
    ModelAndView edit(HttpServletRequest request, @AuthenticationPrincipal NewsroomUser user, @PathVariable long id,
            @PathVariable Language lang, @RequestParam(required = false) @Nullable String saved) {
        stories.details(id).orElseThrow(() -> new StoryNotFound(id));
        var form = stories.working(id, lang).map(VersionForm::of).orElseGet(VersionForm::blank);
        return page(request, user, id, lang, form, Map.of(), Map.of(), null, saved != null, HttpStatus.OK);
    }

    @PostMapping("/newsroom/stories/{id:\\d{1,18}}/{lang:uk|en|ru}/edit")
    ModelAndView save(HttpServletRequest request, @AuthenticationPrincipal NewsroomUser user, @PathVariable long id,
            @PathVariable Language lang, @RequestParam(defaultValue = "save") String op) {
        stories.details(id).orElseThrow(() -> new StoryNotFound(id));
        var posted = VersionForm.parse(request.getParameterMap());
        var form = posted.withBlocks(body.withLibraryTexts(posted.blocks(), lang));
        var step = body.step(op, form.blocks(), id);
        if (step == null) {
            return save(request, user, id, lang, form);
        }
        return page(request, user, id, lang, form.withBlocks(step.blocks()), Map.of(), step.candidates(), null, false,
                HttpStatus.OK);
    }

    private ModelAndView save(HttpServletRequest request, NewsroomUser user, long id, Language lang, VersionForm form) {
        try {
            workflow.save(user, form.read(id, lang, json));
            return new ModelAndView(new RedirectView("/newsroom/stories/" + id + "/" + lang.code() + "/edit?saved"));
        } catch (InvalidContent refused) {
            var errors = body.problems(refused, pages.messages(user.uiLanguage()), VersionForm::fieldOf);
            return page(request, user, id, lang, form, errors, Map.of(), null, false, HttpStatus.UNPROCESSABLE_CONTENT);
        } catch (EditConflict conflict) {
            var found = stories.working(id, lang);
            if (found.isEmpty()) {
                // based on a revision of a version nobody has written: the form again, as a first revision
                return page(request, user, id, lang, form.basedOn(0), Map.of(), Map.of(), null, false, HttpStatus.CONFLICT);
            }
            var theirs = found.get();
            var theirText = ReadableVersion.of(VersionForm.of(theirs));
            var yours = form.basedOn(theirs.revision());
            var shown = new VersionPage.Conflict(theirs.revision(), theirs.savedBy(), pages.time(theirs.savedAt()),
                    theirText, DiffView.between(theirText, ReadableVersion.of(form)));
            return page(request, user, id, lang, yours, Map.of(), Map.of(), shown, false, HttpStatus.CONFLICT);
        }
    }

    /**
     * Stories whose headline holds {@code q}, as JSON, for the toolbar editor's "link to a story": every role
     * that sees the story desk may look them up, as the desk lists them all.
     */
    @GetMapping(path = "/newsroom/stories/lookup", produces = "application/json")
    @ResponseBody
    List<VersionPage.Candidate> lookup(@RequestParam(defaultValue = "") String q) {
        return body.candidates(q.strip(), -1);
    }

    private ModelAndView page(HttpServletRequest request, NewsroomUser user, long id, Language lang, VersionForm form,
            Map<String, String> errors, Map<Integer, List<VersionPage.Candidate>> candidates,
            VersionPage.@Nullable Conflict conflict, boolean saved, HttpStatus status) {
        var t = pages.messages(user.uiLanguage());
        var title = form.headline().isBlank() ? t.get("newsroom.story.untitled", Long.toString(id)) : form.headline();
        var view = new ModelAndView("newsroom/editorial/version", "page", new VersionPage(
                pages.chrome(request, user, "newsroom.version.title", "stories", lang.nativeName()), id, lang, title,
                form.forEditor(json), errors, BlockForm.TYPES, body.mediaChoices(lang), candidates, conflict, saved,
                workflow.permissions(user, id).editVersion(lang), "/newsroom/stories/" + id + "/" + lang.code() + "/edit"));
        view.setStatus(status);
        return view;
    }
}
