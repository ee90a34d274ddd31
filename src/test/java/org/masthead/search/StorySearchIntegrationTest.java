package org.masthead.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.masthead.platform.Language.EN;
import static org.masthead.platform.Language.RU;
import static org.masthead.platform.Language.UK;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.masthead.content.Block;
import org.masthead.content.SaveVersion;
import org.masthead.content.Stories;
import org.masthead.content.Taxonomy;
import org.masthead.content.StoryMetadata;
import org.masthead.content.SectionDraft;
import org.masthead.content.TagDraft;
import org.masthead.platform.Localized;
import org.masthead.platform.Language;
import org.masthead.platform.outbox.OutboxRelay;
import org.masthead.support.Fixtures;
import org.masthead.support.MastheadTest;
import org.springframework.beans.factory.annotation.Autowired;

/** Search fed by the outbox from real stories in the database: published, edited, unpublished, drafts, rebuilt. */
@MastheadTest
class StorySearchIntegrationTest {

    @Autowired Stories stories;
    @Autowired Taxonomy taxonomy;
    @Autowired StorySearch search;
    @Autowired OutboxRelay relay;
    @Autowired Reindex reindex;
    @Autowired StoryIndexer indexer;
    Fixtures fixtures;

    @BeforeEach
    void setUp() {
        fixtures = new Fixtures(stories, taxonomy);
    }

    @Test
    void aPublishedStoryIsFoundByAnyFormOfItsWordsOnceTheOutboxIsRelayed() {
        var word = unique();
        long id = fixtures.story().in(UK, "Переговори " + word + " у Стамбулі")
                .body(new Block.Paragraph("p1", "Про це стало відомо на переговорах " + word + ".")).published();
        relay.drain();

        assertThat(found(UK, "переговорів " + word)).containsExactly(id);
        assertThat(found(UK, word)).containsExactly(id);
        assertThat(found(EN, word)).as("no English version").isEmpty();
    }

    @Test
    void anEditReachesReadersOnlyWhenPublishedAndUnpublishingRemovesTheStory() {
        var before = unique();
        var after = unique();
        long id = fixtures.story().in(EN, "Port " + before + " reopens").published();
        relay.drain();
        assertThat(found(EN, before)).containsExactly(id);

        stories.save(new SaveVersion(id, EN, 1, "Port " + after + " reopens", "", "", "", "", "", "",
                List.of(new Block.Paragraph("p1", "Updated.")), "test"));
        relay.drain();
        assertThat(found(EN, before)).as("readers still see the published revision").containsExactly(id);
        assertThat(found(EN, after)).isEmpty();
        assertThat(foundIncludingDrafts(EN, after)).as("the newsroom finds its working copy").containsExactly(id);

        stories.publish(id);
        relay.drain();
        assertThat(found(EN, after)).containsExactly(id);
        assertThat(found(EN, before)).isEmpty();

        stories.unpublish(id);
        relay.drain();
        assertThat(found(EN, after)).isEmpty();
        assertThat(foundIncludingDrafts(EN, after)).containsExactly(id);
    }

    @Test
    void draftsAreOnlyInTheNewsroomSearch() {
        var word = unique();
        long id = fixtures.story().in(RU, "Черновик " + word).draft();
        relay.drain();
        assertThat(found(RU, word)).isEmpty();
        assertThat(foundIncludingDrafts(RU, word)).containsExactly(id);
    }

    @Test
    void namesAreFoundInEveryScript() {
        var word = unique();
        long id = fixtures.story().in(UK, "Зеленський відвідав " + word)
                .in(RU, "Зеленский посетил " + word).in(EN, "Zelenskyy visits " + word).published();
        relay.drain();
        for (var query : List.of("Zelensky", "Zelenskyy", "Зеленский", "Зеленський")) {
            for (var language : Language.values()) {
                assertThat(found(language, query + " " + word)).as(language + ": " + query).containsExactly(id);
            }
        }
    }

    @Test
    void handlingTheSameEventAgainChangesNothing() {
        var word = unique();
        long id = fixtures.story().in(EN, "Bridge " + word).published();
        relay.drain();
        indexer.reindex(List.of(id));   // as when the relay hands an event over again after a crash
        assertThat(search.search(StorySearch.Request.published(EN, word)).total()).isEqualTo(1);
        assertThat(found(EN, word)).containsExactly(id);
    }

    @Test
    void aReindexRebuildsFromTheDatabaseWhileSearchesGoOn() throws Exception {
        var word = unique();
        long id = fixtures.story().in(UK, "Відбудова " + word).published();
        relay.drain();

        assertThat(reindex.start()).isTrue();
        assertThat(found(UK, word)).as("the live index answers during the rebuild").containsExactly(id);
        var status = reindex.finished().get(2, TimeUnit.MINUTES);

        assertThat(status.state()).isEqualTo(Reindex.Status.State.COMPLETED);
        assertThat(status.stories()).isGreaterThanOrEqualTo(46);
        assertThat(found(UK, word)).containsExactly(id);
        assertThat(found(UK, "переговорів")).as("demo stories are back").isNotEmpty();
    }

    @Test
    void emptyAndOverlongQueriesAreBoundedNotErrors() {
        assertThat(search.search(StorySearch.Request.published(UK, "   ")).total()).isZero();
        assertThat(search.search(StorySearch.Request.published(UK, "?!*")).total()).isZero();
        var huge = search.search(StorySearch.Request.published(EN, "war ".repeat(5000)));
        assertThat(huge.hits().size()).isLessThanOrEqualTo(search.pageSize());
        assertThat(search.search(StorySearch.Request.published(EN, "war").page(100_000)).hits()).isEmpty();
        assertThat(search.suggest(EN, "x".repeat(500))).isEmpty();
    }

    @Test
    void renamedAndMergedTagsAndMovedStoriesReachFacetsAndSuggestionsThroughTheOutbox() {
        var word = unique();
        var tagSlug = Fixtures.unique("facet-tag");
        long tag = taxonomy.createTag(new TagDraft(tagSlug, new Localized("Мітка " + word, "Label " + word,
                "Метка " + word), Localized.EMPTY));
        long survivor = taxonomy.createTag(new TagDraft(Fixtures.unique("facet-tag"), new Localized("Залишок " + word,
                "Survivor " + word, "Остаток " + word), Localized.EMPTY));
        long id = fixtures.story().in(EN, "Harbour " + word + " talks").published();
        var details = stories.details(id).orElseThrow();
        stories.updateMetadata(id, new StoryMetadata(details.sectionId(), List.of(), List.of(tag), null));
        relay.drain();
        assertThat(tagFacets(EN, word)).containsExactly(tagSlug);
        assertThat(suggestions(EN, "label " + word)).contains("Label " + word);

        taxonomy.updateTag(tag, new TagDraft(tagSlug + "-renamed", new Localized("Мітка " + word, "Renamed " + word,
                "Метка " + word), Localized.EMPTY));
        relay.drain();
        assertThat(tagFacets(EN, word)).containsExactly(tagSlug + "-renamed");
        assertThat(suggestions(EN, "renamed " + word)).contains("Renamed " + word);
        assertThat(suggestions(EN, "label " + word)).doesNotContain("Label " + word);

        taxonomy.mergeTags(tag, survivor);
        relay.drain();
        assertThat(tagFacets(EN, word)).containsExactly(taxonomy.tagDetails(survivor).orElseThrow().slug());

        long otherSection = fixtures.section();
        var moved = stories.details(id).orElseThrow();
        stories.updateMetadata(id, new StoryMetadata(otherSection, moved.authorIds(), moved.tagIds(), null));
        relay.drain();
        var hit = search.search(StorySearch.Request.published(EN, word)).hits().getFirst();
        assertThat(hit.sectionSlug()).isEqualTo(taxonomy.sectionDetails(otherSection).orElseThrow().slug());

        var section = taxonomy.sectionDetails(otherSection).orElseThrow();
        var renamed = Fixtures.unique("section");
        taxonomy.updateSection(otherSection, new SectionDraft(renamed, section.name(), section.description(),
                section.seoTitle(), section.seoDescription(), false, false));
        relay.drain();
        assertThat(search.search(StorySearch.Request.published(EN, word)).hits().getFirst().sectionSlug())
                .as("results link to the section's new address").isEqualTo(renamed);
        assertThat(search.search(StorySearch.Request.published(EN, word)).facets().sections())
                .extracting(SearchResults.FacetCount::value).containsExactly(renamed);
    }

    @Test
    void aRenamedAuthorIsFoundAndSuggestedByTheNewName() {
        var word = unique();
        var slug = Fixtures.unique("author");
        long author = taxonomy.addAuthor(slug, new Localized("Катерина Стара" + word, "Kateryna Oldname" + word,
                "Екатерина Старая" + word), Localized.EMPTY);
        long id = fixtures.story().in(EN, "Ferry " + word + " timetable").published();
        var details = stories.details(id).orElseThrow();
        stories.updateMetadata(id, new StoryMetadata(details.sectionId(), List.of(author), List.of(), null));
        relay.drain();
        assertThat(found(EN, "Oldname" + word)).containsExactly(id);

        var profile = taxonomy.authorDetails(author).orElseThrow().author();
        taxonomy.updateAuthor(author, new org.masthead.content.AuthorDraft(profile.slug(), new Localized(
                "Катерина Нова" + word, "Kateryna Newname" + word, "Екатерина Новая" + word), profile.bio(),
                profile.jobTitle(), null, profile.links(), null));
        relay.drain();
        assertThat(found(EN, "Newname" + word)).containsExactly(id);
        assertThat(found(EN, "Oldname" + word)).isEmpty();
        assertThat(suggestions(EN, "kateryna newname" + word)).contains("Kateryna Newname" + word);
    }

    private List<String> tagFacets(Language language, String text) {
        return search.search(StorySearch.Request.published(language, text)).facets().tags().stream()
                .map(SearchResults.FacetCount::value).toList();
    }

    private List<String> suggestions(Language language, String typed) {
        return search.suggest(language, typed).stream().map(Suggestion::text).toList();
    }

    private List<Long> found(Language language, String text) {
        return search.search(StorySearch.Request.published(language, text)).hits().stream()
                .map(SearchResults.Hit::storyId).toList();
    }

    private List<Long> foundIncludingDrafts(Language language, String text) {
        return search.search(StorySearch.Request.includingDrafts(language, text)).hits().stream()
                .map(SearchResults.Hit::storyId).toList();
    }

    /** A made-up word that no other story contains. */
    private static String unique() {
        return "q" + Fixtures.unique("w").substring(2).replace("-", "");
    }
}
