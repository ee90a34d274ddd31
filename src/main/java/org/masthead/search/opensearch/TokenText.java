package org.masthead.search.opensearch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;

/**
 * Masthead's tokens written as text that OpenSearch turns back into the very same token stream, so that the
 * cluster indexes and queries dictionary lemmas and name keys without a plug-in: tokens at one position are joined
 * by {@code |} and split again by a {@code pattern_capture} filter (stacked, as Masthead stacks them), and each
 * position a stop word left empty is a {@code _} that a {@code stop} filter removes, keeping the gap. The analyzer
 * that reads it is {@link #ANALYZER}, made of filters every OpenSearch distribution ships.
 */
final class TokenText {

    static final String ANALYZER = "masthead_tokens";
    static final String STACK = "|";
    static final String GAP = "_";

    private TokenText() {
    }

    /** The tokens {@code analyzer} makes of {@code text} for {@code field}, as OpenSearch reads them back. */
    static String of(Analyzer analyzer, String field, String text) {
        var out = new StringBuilder(text.length() + 16);
        try (var stream = analyzer.tokenStream(field, text)) {
            var term = stream.addAttribute(CharTermAttribute.class);
            var increment = stream.addAttribute(PositionIncrementAttribute.class);
            stream.reset();
            boolean first = true;
            while (stream.incrementToken()) {
                int step = increment.getPositionIncrement();
                if (step == 0 && !first) {
                    out.append(STACK);
                } else {
                    if (!first) {
                        out.append(' ');
                    }
                    for (int gap = 1; gap < step; gap++) {
                        out.append(GAP).append(' ');
                    }
                }
                out.append(term);
                first = false;
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot analyse " + field, e);
        }
        return out.toString();
    }

    /** Terms at consecutive positions (with gaps where {@code positions} skip), stacked where several share one. */
    static String ofPositions(List<List<String>> stacks, int[] positions) {
        var out = new StringBuilder();
        int previous = -1;
        for (int i = 0; i < stacks.size(); i++) {
            if (i > 0) {
                out.append(' ');
            }
            for (int gap = previous + 1; gap < positions[i] && previous >= 0; gap++) {
                out.append(GAP).append(' ');
            }
            out.append(String.join(STACK, stacks.get(i)));
            previous = positions[i];
        }
        return out.toString();
    }
}
