package org.masthead.editorial.web;

import jakarta.servlet.http.HttpServletRequest;
import org.masthead.content.StoryNotFound;
import org.masthead.content.Stories;
import org.masthead.editorial.EditorialWorkflow;
import org.masthead.identity.NewsroomPages;
import org.masthead.identity.NewsroomUser;
import org.masthead.platform.Language;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.view.RedirectView;

/** A version's history: the list of revisions, a diff between any two, and restoring one as a new revision. */
@Controller
class RevisionsController {

    private final EditorialWorkflow workflow;
    private final Stories stories;
    private final NewsroomPages pages;

    RevisionsController(EditorialWorkflow workflow, Stories stories, NewsroomPages pages) {
        this.workflow = workflow;
        this.stories = stories;
        this.pages = pages;
    }

    @GetMapping("/newsroom/stories/{id:\\d{1,18}}/{lang:uk|en|ru}/revisions")
    ModelAndView revisions(HttpServletRequest request, @AuthenticationPrincipal NewsroomUser user, @PathVariable long id,
            @PathVariable Language lang, @RequestParam(defaultValue = "0") int from,
            @RequestParam(defaultValue = "0") int to) {
        stories.details(id).orElseThrow(() -> new StoryNotFound(id));
        var list = stories.revisions(id, lang);
        int current = list.isEmpty() ? 0 : list.getFirst().number();
        int newer = to > 0 ? to : current;
        int older = from > 0 ? from : Math.max(1, newer - 1);
        DiffView diff = null;
        var before = stories.revision(id, lang, older);
        var after = stories.revision(id, lang, newer);
        if (before.isPresent() && after.isPresent()) {
            diff = DiffView.between(ReadableVersion.of(VersionForm.of(before.get())),
                    ReadableVersion.of(VersionForm.of(after.get())));
        }
        var rows = list.stream().map(r -> new RevisionsPage.Row(r.number(), r.headline(), r.savedBy(),
                pages.time(r.savedAt()))).toList();
        return new ModelAndView("newsroom/editorial/revisions", "page", new RevisionsPage(
                pages.chrome(request, user, "newsroom.revisions.title", "stories", lang.nativeName()), id, lang, rows,
                older, newer, diff, current, workflow.permissions(user, id).editVersion(lang)));
    }

    @PostMapping("/newsroom/stories/{id:\\d{1,18}}/{lang:uk|en|ru}/revisions/{number:\\d{1,9}}/restore")
    RedirectView restore(@AuthenticationPrincipal NewsroomUser user, @PathVariable long id, @PathVariable Language lang,
            @PathVariable int number, @RequestParam int basedOn) {
        workflow.restore(user, id, lang, number, basedOn);
        return new RedirectView("/newsroom/stories/" + id + "/" + lang.code() + "/edit?saved");
    }
}
