package org.masthead.editorial.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
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
import org.masthead.media.MediaLibrary;
import org.masthead.media.MediaText;
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
import tools.jackson.databind.json.JsonMapper;

/**
 * Editing one language version. The body's blocks are added, moved and removed by buttons that post
 * the whole form, so the editor works without JavaScript and nothing typed is lost between steps;
 * only "save" writes a revision.
 */
@Controller
class VersionController {

    private static final int MEDIA_CHOICES = 60;
    private static final int CANDIDATES = 10;

    private final EditorialWorkflow workflow;
    private final Stories stories;
    private final MediaLibrary media;
    private final NewsroomPages pages;
    private final JsonMapper json;

    VersionController(EditorialWorkflow workflow, Stories stories, MediaLibrary media, NewsroomPages pages,
            JsonMapper json) {
        this.json = json;
        this.workflow = workflow;
        this.stories = stories;
        this.media = media;
        this.pages = pages;
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
        var form = withLibraryTexts(VersionForm.parse(request.getParameterMap()), lang);
        var step = op.split(":", 2);
        int index = step.length > 1 && step[1].matches("\\d{1,3}") ? Integer.parseInt(step[1]) : -1;
        var blocks = new ArrayList<>(form.blocks());
        var candidates = new HashMap<Integer, List<VersionPage.Candidate>>();
        switch (step[0]) {
            case "add" -> {
                if (step.length > 1 && BlockForm.TYPES.contains(step[1]) && blocks.size() < VersionForm.MAX_BLOCKS) {
                    blocks.add(BlockForm.empty(step[1]));
                }
            }
            case "remove" -> {
                if (index >= 0 && index < blocks.size()) {
                    blocks.remove(index);
                }
            }
            case "up" -> {
                if (index > 0 && index < blocks.size()) {
                    blocks.add(index - 1, blocks.remove(index));
                }
            }
            case "down" -> {
                if (index >= 0 && index < blocks.size() - 1) {
                    blocks.add(index + 1, blocks.remove(index));
                }
            }
            case "find" -> {
                if (index >= 0 && index < blocks.size()) {
                    candidates.put(index, candidates(blocks.get(index).query(), id));
                }
            }
            default -> {
                return save(request, user, id, lang, form);
            }
        }
        return page(request, user, id, lang, form.withBlocks(blocks), Map.of(), candidates, null, false, HttpStatus.OK);
    }

    private ModelAndView save(HttpServletRequest request, NewsroomUser user, long id, Language lang, VersionForm form) {
        try {
            workflow.save(user, form.read(id, lang, json));
            return new ModelAndView(new RedirectView("/newsroom/stories/" + id + "/" + lang.code() + "/edit?saved"));
        } catch (InvalidContent refused) {
            var t = pages.messages(user.uiLanguage());
            var errors = new LinkedHashMap<String, String>();
            for (var problem : refused.problems()) {
                var field = VersionForm.fieldOf(problem.field());
                errors.putIfAbsent(field == null ? "body" : field, t.get(problem.messageKey(), problem.args().toArray()));
            }
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

    /** An image placed without texts takes the caption, credit and alt text the library holds for this language. */
    private VersionForm withLibraryTexts(VersionForm form, Language lang) {
        var blocks = form.blocks().stream().map(block -> {
            if (!block.type().equals("image") || !block.media().matches("\\d{1,18}")
                    || !(block.caption().isBlank() && block.credit().isBlank() && block.alt().isBlank())
                    || !VersionForm.postedTextsBlank(block, json)) {
                return block;
            }
            var text = media.item(Long.parseLong(block.media())).map(item -> item.text(lang)).orElse(MediaText.EMPTY);
            return block.withImageText(text.caption(), text.credit(), text.alt());
        }).toList();
        return form.withBlocks(blocks);
    }

    /**
     * Stories whose headline holds {@code q}, as JSON, for the toolbar editor's "link to a story": every role
     * that sees the story desk may look them up, as the desk lists them all.
     */
    @GetMapping(path = "/newsroom/stories/lookup", produces = "application/json")
    @org.springframework.web.bind.annotation.ResponseBody
    List<VersionPage.Candidate> lookup(@RequestParam(defaultValue = "") String q) {
        return candidates(q.strip(), -1);
    }

    private List<VersionPage.Candidate> candidates(String query, long self) {
        if (query.isBlank()) {
            return List.of();
        }
        return stories.findByHeadline(query.length() > 100 ? query.substring(0, 100) : query, CANDIDATES).stream()
                .filter(row -> row.id() != self)
                .map(row -> new VersionPage.Candidate(row.id(), row.headlines().values().stream().findFirst().orElse(""),
                        row.status().name()))
                .toList();
    }

    private ModelAndView page(HttpServletRequest request, NewsroomUser user, long id, Language lang, VersionForm form,
            Map<String, String> errors, Map<Integer, List<VersionPage.Candidate>> candidates,
            VersionPage.@Nullable Conflict conflict, boolean saved, HttpStatus status) {
        var t = pages.messages(user.uiLanguage());
        var choices = media.search("", 0, MEDIA_CHOICES).stream()
                .map(item -> new VersionPage.MediaChoice(item.id(), "#" + item.id() + " " + label(item.text(lang).caption(),
                        item.originalName())))
                .toList();
        var title = form.headline().isBlank() ? t.get("newsroom.story.untitled", Long.toString(id)) : form.headline();
        var view = new ModelAndView("newsroom/editorial/version", "page", new VersionPage(
                pages.chrome(request, user, "newsroom.version.title", "stories", lang.nativeName()), id, lang, title,
                form.forEditor(json),
                errors, BlockForm.TYPES, choices, candidates, conflict, saved,
                workflow.permissions(user, id).editVersion(lang), "/newsroom/stories/" + id + "/" + lang.code() + "/edit"));
        view.setStatus(status);
        return view;
    }

    private static String label(String caption, String name) {
        var text = caption.isBlank() ? name : caption;
        return text.length() > 80 ? text.substring(0, 80) + "…" : text;
    }
}
