package org.masthead.search.analysis;

import java.io.IOException;
import morfologik.stemming.DictionaryLookup;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;

/**
 * Replaces each lower-cased word with its dictionary lemmas, stacked at the word's position; a word the
 * dictionary does not know stays as it is. Lucene's MorfologikFilter does the same with one token per
 * dictionary entry (the same lemma several times over) and its grammatical tags, which nothing here reads.
 */
final class LemmaFilter extends TokenFilter {

    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final PositionIncrementAttribute increment = addAttribute(PositionIncrementAttribute.class);
    private final Lemmas lemmas;
    private final DictionaryLookup lookup;
    private String[] pending = Lemmas.NONE;
    private int next;

    LemmaFilter(TokenStream input, Lemmas lemmas) {
        super(input);
        this.lemmas = lemmas;
        this.lookup = lemmas.lookup();
    }

    @Override
    public boolean incrementToken() throws IOException {
        if (next < pending.length) {
            // the other attributes (offsets, type) still hold the word's: the lemmas share them
            term.setEmpty().append(pending[next++]);
            increment.setPositionIncrement(0);
            return true;
        }
        if (!input.incrementToken()) {
            return false;
        }
        pending = lemmas.of(term.toString(), lookup);
        next = 0;
        if (pending.length > 0) {
            term.setEmpty().append(pending[next++]);
        }
        return true;
    }

    @Override
    public void reset() throws IOException {
        super.reset();
        pending = Lemmas.NONE;
        next = 0;
    }
}
