package org.masthead.search.lucene;

import java.util.ArrayList;
import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.search.uhighlight.PassageFormatter;
import org.masthead.search.Highlighted;
import org.masthead.search.Highlighted.Fragment;

/** Passages as {@link Highlighted} plain-text fragments, never as HTML: the page escapes and marks them. */
final class FragmentFormatter extends PassageFormatter {

    static final String ELLIPSIS = " … ";

    @Override
    public Highlighted format(Passage[] passages, String content) {
        var fragments = new ArrayList<Fragment>();
        int previousEnd = -1;
        for (var passage : passages) {
            if (previousEnd >= 0) {
                fragments.add(new Fragment(ELLIPSIS, false));
            }
            int position = passage.getStartOffset();
            for (int i = 0; i < passage.getNumMatches(); i++) {
                int start = Math.max(passage.getMatchStarts()[i], position);
                int end = passage.getMatchEnds()[i];
                if (end <= start) {
                    continue;   // overlapping match already marked
                }
                if (start > position) {
                    fragments.add(new Fragment(content.substring(position, start), false));
                }
                fragments.add(new Fragment(content.substring(start, end), true));
                position = end;
            }
            if (position < passage.getEndOffset()) {
                fragments.add(new Fragment(content.substring(position, passage.getEndOffset()), false));
            }
            previousEnd = passage.getEndOffset();
        }
        return new Highlighted(fragments);
    }
}
