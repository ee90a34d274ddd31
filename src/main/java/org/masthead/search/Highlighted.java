package org.masthead.search;

import java.util.List;

/**
 * A text with the parts that matched the query marked. It is kept as plain-text fragments rather than
 * HTML so that pages escape every fragment and wrap only matches in {@code <mark>}: a story text can
 * never inject markup through a snippet.
 */
public record Highlighted(List<Fragment> fragments) {

    public record Fragment(String text, boolean match) {
    }

    public static Highlighted plain(String text) {
        return new Highlighted(List.of(new Fragment(text, false)));
    }

    public String text() {
        var out = new StringBuilder();
        fragments.forEach(f -> out.append(f.text()));
        return out.toString();
    }

    public boolean hasMatch() {
        return fragments.stream().anyMatch(Fragment::match);
    }
}
