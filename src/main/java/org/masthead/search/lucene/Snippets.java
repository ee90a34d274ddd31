package org.masthead.search.lucene;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.Locale;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.jspecify.annotations.Nullable;
import org.masthead.platform.Language;
import org.masthead.search.Highlighted;

/**
 * Highlighted headlines and snippets made from a hit's text by analysing it again, for an engine that does not
 * keep Masthead's offsets (OpenSearch indexes the tokens, not the words as written): the same highlighter,
 * passages and marks as the embedded index.
 */
public final class Snippets {

    private final FieldAnalyzers analyzers;

    public Snippets(FieldAnalyzers analyzers) {
        this.analyzers = analyzers;
    }

    /** The whole headline with the words {@code query} matched in it marked. */
    public Highlighted headline(Query query, Language language, boolean oneLanguage, String headline) {
        var passage = highlight(Fields.headline(language), query, language, oneLanguage, headline, 1);
        return passage == null ? Highlighted.plain(headline) : wholeHeadline(passage, headline);
    }

    /** Up to two passages of the body with the matched words marked; the standfirst when nothing matched there. */
    public Highlighted snippet(Query query, Language language, boolean oneLanguage, String body, String standfirst) {
        var passages = highlight(Fields.body(language), query, language, oneLanguage, body, 2);
        return passages == null ? Highlighted.plain(standfirst) : passages;
    }

    private @Nullable Highlighted highlight(String field, Query query, Language language, boolean oneLanguage, String text,
            int passages) {
        var highlighter = UnifiedHighlighter.builderWithoutSearcher(analyzers.index())
                .withFormatter(new FragmentFormatter())
                .withMaxLength(20_000)
                .withBreakIterator(() -> BreakIterator.getSentenceInstance(oneLanguage ? language.locale() : Locale.ROOT))
                .withMaxNoHighlightPassages(0)
                .build();
        try {
            return highlighter.highlightWithoutSearcher(field, query, text, passages) instanceof Highlighted h ? h : null;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot highlight " + field, e);
        }
    }

    /** Headlines are shown whole: the passage found in a long headline is padded back to the full text. */
    static Highlighted wholeHeadline(Highlighted passage, String headline) {
        var text = passage.text();
        int at = headline.indexOf(text);
        if (at < 0 || text.length() == headline.length()) {
            return passage;
        }
        var fragments = new ArrayList<Highlighted.Fragment>();
        if (at > 0) {
            fragments.add(new Highlighted.Fragment(headline.substring(0, at), false));
        }
        fragments.addAll(passage.fragments());
        if (at + text.length() < headline.length()) {
            fragments.add(new Highlighted.Fragment(headline.substring(at + text.length()), false));
        }
        return new Highlighted(fragments);
    }
}
