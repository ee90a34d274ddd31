package org.masthead.search.analysis;

import java.io.IOException;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.masthead.platform.Language;

/** Replaces each term with its {@link NameKeys} key; terms without a key are dropped. */
final class NameKeyFilter extends TokenFilter {

    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final Language language;

    NameKeyFilter(TokenStream input, Language language) {
        super(input);
        this.language = language;
    }

    @Override
    public boolean incrementToken() throws IOException {
        while (input.incrementToken()) {
            var key = NameKeys.of(term.toString(), language);
            if (!key.isEmpty()) {
                term.setEmpty().append(key);
                return true;
            }
        }
        return false;
    }
}
