package org.masthead.translation.web;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.masthead.identity.NewsroomChrome;
import org.masthead.platform.Language;
import org.masthead.site.InlineHtml;

/**
 * The side-by-side editor: each source item beside its translation, aligned, with what changed in
 * the source since the translation and earlier translations of similar texts.
 */
public record EditorPage(NewsroomChrome chrome, long storyId, Language source, Language target, int basedOn,
        boolean mayEdit, boolean mayPublish, int behind, @Nullable String notice, List<String> problems,
        List<Item> items) {

    public String action() {
        return "/newsroom/translations/" + storyId + "/" + target.code();
    }

    public record Item(String id, String kindLabel, String state, String stateLabel, boolean needsWork,
            List<Field> fields, List<List<Change>> changes, List<Proposal> proposals) {
    }

    /**
     * One text of an item: the source (as HTML with its marks, and for a text with marks also in the
     * newsroom's markup, to copy codes from) beside the input for its translation; {@code rich} inputs take
     * that markup, and {@code richJson} is the text the toolbar editor starts from.
     */
    public record Field(String name, String label, InlineHtml source, boolean hasSource, String sourceMarkup,
            String value, boolean multiline, boolean rich, String richJson, @Nullable String savedMeanwhile) {
    }

    public record Change(String kind, String text) {
    }

    public record Proposal(String text, int percent) {
    }
}
