package org.masthead.search.analysis;

import org.apache.lucene.analysis.FilteringTokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/** Keeps words written with a capital letter: in running text, those are the names worth a name key. */
final class CapitalizedFilter extends FilteringTokenFilter {

    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);

    CapitalizedFilter(TokenStream input) {
        super(input);
    }

    @Override
    protected boolean accept() {
        return term.length() > 0 && Character.isUpperCase(term.charAt(0));
    }
}
