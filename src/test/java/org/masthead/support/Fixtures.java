package org.masthead.support;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.masthead.content.Block;
import org.masthead.content.NewStory;
import org.masthead.content.SaveVersion;
import org.masthead.content.Stories;
import org.masthead.content.Taxonomy;
import org.masthead.platform.Language;
import org.masthead.platform.Localized;

/** Builds stories for tests: {@code fixtures.story().in(EN, "Headline").published()}. */
public final class Fixtures {

    private final Stories stories;
    private final Taxonomy taxonomy;

    public Fixtures(Stories stories, Taxonomy taxonomy) {
        this.stories = stories;
        this.taxonomy = taxonomy;
    }

    public static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    public long section() {
        var slug = unique("section");
        return taxonomy.addSection(slug, new Localized("Розділ " + slug, "Section " + slug, "Раздел " + slug));
    }

    public StoryBuilder story() {
        return new StoryBuilder();
    }

    public final class StoryBuilder {

        private long section = -1;
        private final List<Version> versions = new ArrayList<>();
        private List<Block> body = List.of(new Block.Paragraph("b1", "A paragraph of text."));

        public StoryBuilder inSection(long sectionId) {
            this.section = sectionId;
            return this;
        }

        public StoryBuilder in(Language language, String headline) {
            versions.add(new Version(language, headline));
            return this;
        }

        public StoryBuilder body(Block... blocks) {
            this.body = List.of(blocks);
            return this;
        }

        /** Creates the story and saves each version once; returns the story id. */
        public long draft() {
            long id = stories.create(new NewStory(section < 0 ? section() : section, Language.UK, List.of(), List.of(),
                    null));
            for (var version : versions) {
                stories.save(new SaveVersion(id, version.language(), 0, version.headline(),
                        "Standfirst of " + version.headline(), "", "", "", "", "", body, "test"));
            }
            return id;
        }

        public long published() {
            long id = draft();
            stories.publish(id);
            return id;
        }
    }

    private record Version(Language language, String headline) {
    }
}
