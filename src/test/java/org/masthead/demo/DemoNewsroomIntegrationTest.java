package org.masthead.demo;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.masthead.content.Block;
import org.masthead.content.StoryFilter;
import org.masthead.content.Stories;
import org.masthead.content.Taxonomy;
import org.masthead.media.MediaLibrary;
import org.masthead.platform.Language;
import org.masthead.support.MastheadTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

@MastheadTest
class DemoNewsroomIntegrationTest {

    @Autowired Stories stories;
    @Autowired Taxonomy taxonomy;
    @Autowired MediaLibrary media;
    @Autowired JdbcClient jdbc;

    @Test
    void seedsAFullTrilingualNewsroom() {
        assertThat(taxonomy.sections()).hasSizeGreaterThanOrEqualTo(5);
        var demoStories = jdbc.sql("""
                select distinct s.id from story s join revision r on r.story_id = s.id where r.saved_by = 'demo'""")
                .query(Long.class).list();
        assertThat(demoStories).hasSizeGreaterThanOrEqualTo(40);
        var authors = new java.util.HashSet<String>();
        var blockTypes = new java.util.HashSet<Class<?>>();
        for (long id : demoStories) {
            for (var language : Language.all()) {
                var story = stories.published(id, language).orElseThrow();
                assertThat(story.headline()).isNotBlank();
                assertThat(story.tags()).isNotEmpty();
                var image = story.leadImage();
                assertThat(image).isNotNull();
                assertThat(image.alt()).isNotBlank();
                assertThat(image.caption()).isNotBlank();
                assertThat(image.credit()).isNotBlank();
                assertThat(media.find(image.mediaId())).hasValueSatisfying(asset ->
                        assertThat(asset.variants()).hasSizeGreaterThan(1));
                story.authors().forEach(a -> authors.add(a.slug()));
                story.body().forEach(b -> blockTypes.add(b.getClass()));
            }
        }
        assertThat(authors).hasSizeGreaterThanOrEqualTo(4);
        assertThat(blockTypes).contains(Block.Paragraph.class, Block.Subheading.class, Block.Quote.class,
                Block.ReadAlso.class, Block.BulletList.class);
    }

    @Test
    void everySectionHasStoriesInEveryLanguage() {
        // the demo's own sections: other tests of the same database add sections of their own
        var demoSections = jdbc.sql("""
                select distinct s.section_id from story s join revision r on r.story_id = s.id where r.saved_by = 'demo'""")
                .query(Long.class).list();
        assertThat(demoSections).hasSizeGreaterThanOrEqualTo(5);
        for (long section : demoSections) {
            for (var language : Language.all()) {
                assertThat(stories.list(StoryFilter.section(language, section), 0, 1).total())
                        .as("section %d in %s", section, language).isGreaterThan(0);
            }
        }
    }
}
