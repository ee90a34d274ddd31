package org.masthead.search.analysis;

import org.apache.lucene.analysis.FilteringTokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.masthead.platform.Language;

/**
 * Replaces each term with its {@link NameKeys} key; terms without a key are dropped, their positions kept
 * (lemmas stacked at one position by the dictionary filter would otherwise start the stream at increment 0).
 */
final class NameKeyFilter extends FilteringTokenFilter {

    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final Language language;

    NameKeyFilter(TokenStream input, Language language) {
        super(input);
        this.language = language;
    }

    @Override
    protected boolean accept() {
        var key = NameKeys.of(term.toString(), language);
        if (key.isEmpty()) {
            return false;
        }
        term.setEmpty().append(key);
        return true;
    }
}
