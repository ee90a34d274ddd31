package org.masthead.search;

import java.util.ArrayList;
import java.util.List;
import org.masthead.content.Block;
import org.masthead.content.SearchableVersion;
import org.masthead.search.SearchDocument.NamedSlug;

/**
 * What of a story version is searchable: its texts as plain text, its tags, authors and quoted people. Marks
 * are left out: they never split a word or a phrase, as the text under them is the same continuous text.
 */
final class SearchDocuments {

    private SearchDocuments() {
    }

    static SearchDocument of(SearchableVersion version) {
        var language = version.language();
        var text = new StringBuilder();
        var speakers = new ArrayList<String>();
        for (var block : version.body()) {
            switch (block) {
                case Block.Paragraph p -> line(text, p.text().text());
                case Block.Subheading s -> line(text, s.text().text());
                case Block.Quote q -> {
                    line(text, q.text().text());
                    line(text, q.speaker());
                    line(text, q.role());
                    if (!q.speaker().isBlank()) {
                        speakers.add(q.speaker().strip());
                    }
                }
                case Block.BulletList l -> l.items().forEach(item -> line(text, item.text()));
                case Block.Image i -> line(text, i.caption().text());
                case Block.Embed e -> line(text, e.title() == null ? "" : e.title());
                case Block.ReadAlso r -> { }   // another story's headline, indexed with that story
            }
        }
        var date = version.live() && version.publishedAt() != null ? version.publishedAt() : version.savedAt();
        return new SearchDocument(version.storyId(), language, version.revision(), version.live(), version.latest(),
                version.status().name(), version.section().slug(),
                version.tags().stream().map(t -> new NamedSlug(t.slug(), t.name().in(language))).toList(),
                version.authors().stream().map(a -> new NamedSlug(a.slug(), a.name().in(language))).toList(),
                List.copyOf(speakers), version.slug(), version.headline(), version.standfirst(), text.toString(), date);
    }

    private static void line(StringBuilder text, String line) {
        if (!line.isBlank()) {
            text.append(line.strip()).append('\n');
        }
    }
}
