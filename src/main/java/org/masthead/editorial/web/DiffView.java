package org.masthead.editorial.web;

import java.util.List;
import org.masthead.platform.text.WordDiff;

/** A word diff ready for a template: each part says whether it was kept, removed or added. */
public record DiffView(List<Part> parts, boolean changed) {

    public record Part(String kind, String text) {
    }

    static DiffView between(String before, String after) {
        var parts = WordDiff.between(before, after);
        return new DiffView(parts.stream().map(p -> new Part(p.kind().name().toLowerCase(java.util.Locale.ROOT), p.text()))
                .toList(), WordDiff.changed(parts));
    }
}
