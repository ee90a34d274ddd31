package org.masthead.editorial.web;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.masthead.content.InvalidContent;
import org.masthead.content.Stories;
import org.masthead.media.MediaLibrary;
import org.masthead.media.MediaText;
import org.masthead.platform.Language;
import org.masthead.platform.web.UiMessages;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the editor of a body of blocks does besides saving, for story versions and static pages alike: the
 * buttons that add, move and remove blocks or look up a read-also story (each posts the whole form, so
 * the editor works without JavaScript and nothing typed is lost), the texts an image takes from the media
 * library, the choice of images, the stories a link may point to, and where the content rules' refusal of a
 * save is shown. What a body may hold is decided by the content rules alone, on the way in.
 */
@Component
class BodyEditor {

    private static final int MEDIA_CHOICES = 60;
    private static final int CANDIDATES = 10;

    private final Stories stories;
    private final MediaLibrary media;
    private final JsonMapper json;

    BodyEditor(Stories stories, MediaLibrary media, JsonMapper json) {
        this.stories = stories;
        this.media = media;
        this.json = json;
    }

    /** The body after one editing step, and the read-also candidates it found. */
    record Step(List<BlockForm> blocks, Map<Integer, List<VersionPage.Candidate>> candidates) {
    }

    /**
     * Applies the step {@code op} ({@code add:paragraph}, {@code up:3}, {@code remove:0}, {@code find:2}); null
     * when {@code op} is no editing step (a save). {@code self} is the story being edited (never its own
     * read-also), 0 for a page.
     */
    @Nullable Step step(String op, List<BlockForm> form, long self) {
        var step = op.split(":", 2);
        int index = step.length > 1 && step[1].matches("\\d{1,3}") ? Integer.parseInt(step[1]) : -1;
        var blocks = new ArrayList<>(form);
        var candidates = new HashMap<Integer, List<VersionPage.Candidate>>();
        switch (step[0]) {
            case "add" -> {
                if (step.length > 1 && BlockForm.TYPES.contains(step[1]) && blocks.size() < BlockForm.MAX_BLOCKS) {
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
                    candidates.put(index, candidates(blocks.get(index).query(), self));
                }
            }
            default -> {
                return null;
            }
        }
        return new Step(List.copyOf(blocks), Map.copyOf(candidates));
    }

    /** An image placed without texts takes the caption, credit and alt text the library holds for this language. */
    List<BlockForm> withLibraryTexts(List<BlockForm> blocks, Language language) {
        return blocks.stream().map(block -> {
            if (!block.type().equals("image") || !block.media().matches("\\d{1,18}")
                    || !(block.caption().isBlank() && block.credit().isBlank() && block.alt().isBlank())
                    || !BlockForm.postedTextsBlank(block, json)) {
                return block;
            }
            var text = media.item(Long.parseLong(block.media())).map(item -> item.text(language)).orElse(MediaText.EMPTY);
            return block.withImageText(text.caption(), text.credit(), text.alt());
        }).toList();
    }

    /** The images an image block may show, newest first, labelled in {@code language}. */
    List<VersionPage.MediaChoice> mediaChoices(Language language) {
        return media.search("", 0, MEDIA_CHOICES).stream()
                .map(item -> new VersionPage.MediaChoice(item.id(), "#" + item.id() + " "
                        + label(item.text(language).caption(), item.originalName())))
                .toList();
    }

    /**
     * The messages of a refused save by the form field that shows each ({@code fieldOf} maps the content rules'
     * field names to the form's; a problem without a field of its own goes to {@code body}).
     */
    Map<String, String> problems(InvalidContent refused, UiMessages t, Function<String, @Nullable String> fieldOf) {
        var errors = new LinkedHashMap<String, String>();
        for (var problem : refused.problems()) {
            var field = fieldOf.apply(problem.field());
            errors.putIfAbsent(field == null ? "body" : field, t.get(problem.messageKey(), problem.args().toArray()));
        }
        return errors;
    }

    /** Stories whose headline holds {@code query}, never {@code self}, for read-also and story links. */
    List<VersionPage.Candidate> candidates(String query, long self) {
        if (query.isBlank()) {
            return List.of();
        }
        return stories.findByHeadline(query.length() > 100 ? query.substring(0, 100) : query, CANDIDATES).stream()
                .filter(row -> row.id() != self)
                .map(row -> new VersionPage.Candidate(row.id(), row.headlines().values().stream().findFirst().orElse(""),
                        row.status().name()))
                .toList();
    }

    private static String label(String caption, String name) {
        var text = caption.isBlank() ? name : caption;
        return text.length() > 80 ? text.substring(0, 80) + "…" : text;
    }
}
