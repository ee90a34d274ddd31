package org.masthead.editorial.web;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.masthead.content.InvalidContent;
import org.masthead.content.SaveVersion;
import org.masthead.content.VersionView;
import org.masthead.platform.Language;
import tools.jackson.databind.json.JsonMapper;

/**
 * The version edit form exactly as posted: header fields and the body's blocks in order. Parsing never
 * fails. {@link #read} turns it into a save, refusing with {@link InvalidContent} what cannot be read (markup
 * typed without its partner, a number that is none); what the save may hold is decided by the content rules
 * on the way in. {@link #fieldOf} names the form field a problem belongs to, so the page shows it there with
 * everything else kept.
 */
public record VersionForm(int basedOn, String headline, String standfirst, String seoTitle, String seoDescription,
        String leadCaption, String leadCredit, String leadAlt, List<BlockForm> blocks) {

    static VersionForm of(VersionView version) {
        return new VersionForm(version.revision(), version.headline(), version.standfirst(), version.seoTitle(),
                version.seoDescription(), version.leadImageCaption(), version.leadImageCredit(), version.leadImageAlt(),
                version.body().stream().map(BlockForm::of).toList());
    }

    static VersionForm blank() {
        return new VersionForm(0, "", "", "", "", "", "", "", List.of(BlockForm.empty("paragraph")));
    }

    /** Reads the posted fields; blocks come in the order of their index, unknown fields are ignored. */
    static VersionForm parse(Map<String, String[]> params) {
        int basedOn;
        try {
            basedOn = Integer.parseInt(first(params, "basedOn"));
        } catch (NumberFormatException e) {
            basedOn = -1;
        }
        return new VersionForm(basedOn, first(params, "headline"), first(params, "standfirst"),
                first(params, "seoTitle"), first(params, "seoDescription"), first(params, "leadCaption"),
                first(params, "leadCredit"), first(params, "leadAlt"), BlockForm.parseAll(params));
    }

    /**
     * The save this form asks for, its texts read from the toolbar's JSON or else from the markup; throws
     * {@link InvalidContent} (fields named as the content rules name them) for what cannot be read. The
     * author is set by the workflow from the signed-in person.
     */
    SaveVersion read(long storyId, Language language, JsonMapper json) {
        return new SaveVersion(storyId, language, basedOn, headline, standfirst, seoTitle, seoDescription, leadCaption,
                leadCredit, leadAlt, BlockForm.readAll(blocks, json), "");
    }

    /** The form as the page shows it, each block with marks also as the JSON the toolbar editor starts from. */
    VersionForm forEditor(JsonMapper json) {
        return withBlocks(BlockForm.forEditor(blocks, json));
    }

    /**
     * The form field that shows a problem of the content rules: {@code body[3].text.marks[0].href} is shown
     * at {@code blocks[3].text}, {@code leadImage.caption} at {@code leadCaption}; null for none.
     */
    static @Nullable String fieldOf(String problemField) {
        return switch (problemField) {
            case "headline", "standfirst", "seoTitle", "seoDescription" -> problemField;
            case "leadImage.caption" -> "leadCaption";
            case "leadImage.credit" -> "leadCredit";
            case "leadImage.alt" -> "leadAlt";
            default -> BlockForm.fieldOf(problemField);
        };
    }

    VersionForm withBlocks(List<BlockForm> newBlocks) {
        return new VersionForm(basedOn, headline, standfirst, seoTitle, seoDescription, leadCaption, leadCredit, leadAlt,
                List.copyOf(newBlocks));
    }

    VersionForm basedOn(int revision) {
        return new VersionForm(revision, headline, standfirst, seoTitle, seoDescription, leadCaption, leadCredit, leadAlt,
                blocks);
    }

    private static String first(Map<String, String[]> params, String name) {
        var values = params.get(name);
        return values == null || values.length == 0 ? "" : values[0];
    }
}
