package org.masthead.editorial.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.masthead.content.SaveVersion;
import org.masthead.content.VersionView;
import org.masthead.platform.Language;

/**
 * The version edit form exactly as posted: header fields and the body's blocks in order. Parsing
 * never fails; {@link #validate} says what is wrong, by field name, and the page shows it next to
 * that field with everything else kept.
 */
public record VersionForm(int basedOn, String headline, String standfirst, String seoTitle, String seoDescription,
        String leadCaption, String leadCredit, String leadAlt, List<BlockForm> blocks) {

    static final int MAX_BLOCKS = BlockForm.MAX_BLOCKS;
    static final int MAX_HEADLINE = 300;
    static final int MAX_SHORT = BlockForm.MAX_SHORT;

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

    /** Field name to message key for every header field that would make a bad save; the body is checked by {@link BodyEditor}. */
    Map<String, String> validate() {
        var errors = new LinkedHashMap<String, String>();
        if (headline.isBlank()) {
            errors.put("headline", "newsroom.version.error.headline");
        } else if (headline.length() > MAX_HEADLINE) {
            errors.put("headline", "newsroom.version.error.too-long");
        }
        for (var field : Map.of("standfirst", standfirst, "seoTitle", seoTitle, "seoDescription", seoDescription,
                "leadCaption", leadCaption, "leadCredit", leadCredit, "leadAlt", leadAlt).entrySet()) {
            if (field.getValue().length() > MAX_SHORT) {
                errors.put(field.getKey(), "newsroom.version.error.too-long");
            }
        }
        return errors;
    }

    /** The command for a valid form; the author is set by the workflow from the signed-in person. */
    SaveVersion toSave(long storyId, Language language) {
        return new SaveVersion(storyId, language, basedOn, headline.strip(), standfirst.strip(), seoTitle.strip(),
                seoDescription.strip(), leadCaption.strip(), leadCredit.strip(), leadAlt.strip(),
                BlockForm.toBlocks(blocks), "");
    }

    VersionForm withBlocks(List<BlockForm> newBlocks) {
        return new VersionForm(basedOn, headline, standfirst, seoTitle, seoDescription, leadCaption, leadCredit, leadAlt,
                List.copyOf(newBlocks));
    }

    VersionForm basedOn(int revision) {
        return new VersionForm(revision, headline, standfirst, seoTitle, seoDescription, leadCaption, leadCredit, leadAlt,
                blocks);
    }
    static String first(Map<String, String[]> params, String name) {
        var values = params.get(name);
        return values == null || values.length == 0 ? "" : values[0];
    }
}
