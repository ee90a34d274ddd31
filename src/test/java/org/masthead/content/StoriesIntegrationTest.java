package org.masthead.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.masthead.platform.Language.EN;
import static org.masthead.platform.Language.RU;
import static org.masthead.platform.Language.UK;

import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.masthead.platform.outbox.OutboxRelay;
import org.masthead.support.Fixtures;
import org.masthead.support.MastheadTest;
import org.masthead.support.CommittedEvents;
import org.springframework.beans.factory.annotation.Autowired;

@MastheadTest
class StoriesIntegrationTest {

    @Autowired Stories stories;
    @Autowired Taxonomy taxonomy;
    @Autowired OutboxRelay relay;
    @Autowired CommittedEvents recorder;
    Fixtures fixtures;

    @BeforeEach
    void setUp() {
        fixtures = new Fixtures(stories, taxonomy);
    }

    @Test
    void savesVersionsAsRevisionsAndPublishesThemTogether() {
        long id = fixtures.story().in(UK, "Переговори у Стамбулі").in(EN, "Talks in Istanbul").published();

        var english = stories.published(id, EN).orElseThrow();
        assertThat(english.headline()).isEqualTo("Talks in Istanbul");
        assertThat(english.slug()).isEqualTo("talks-in-istanbul");
        assertThat(english.liveSlugs()).containsOnlyKeys(UK, EN).containsEntry(UK, "perehovory-u-stambuli");
        assertThat(stories.published(id, RU)).isEmpty();
    }

    @Test
    void aSavedEditReachesReadersOnlyWhenPublished() {
        long id = fixtures.story().in(EN, "First headline").published();
        stories.save(new SaveVersion(id, EN, 1, "Second headline", "S", "", "", "", "", "", List.of(), "test"));

        assertThat(stories.published(id, EN).orElseThrow().headline()).isEqualTo("First headline");
        stories.publish(id);
        var republished = stories.published(id, EN).orElseThrow();
        assertThat(republished.headline()).isEqualTo("Second headline");
        assertThat(republished.slug()).isEqualTo("second-headline");
        assertThat(republished.updatedAt()).isAfterOrEqualTo(republished.publishedAt());
    }

    @Test
    void rejectsSaveOnStaleRevisionAndKeepsTheWinningText() {
        long id = fixtures.story().in(EN, "First").draft();
        stories.save(new SaveVersion(id, EN, 1, "Second", "S", "", "", "", "", "", List.of(), "alice"));

        assertThatThrownBy(() -> stories.save(
                new SaveVersion(id, EN, 1, "Third", "S", "", "", "", "", "", List.of(), "bob")))
                .isInstanceOfSatisfying(EditConflict.class, conflict -> assertThat(conflict.currentRevision()).isEqualTo(2));
        stories.publish(id);
        assertThat(stories.published(id, EN).orElseThrow().headline()).isEqualTo("Second");
    }

    @Test
    void unpublishedStoriesAreGoneRatherThanUnknown() {
        long id = fixtures.story().in(EN, "Withdrawn story").published();
        stories.unpublish(id);

        assertThat(stories.published(id, EN)).isEmpty();
        assertThat(stories.wasPublished(id, EN)).isTrue();
        assertThat(stories.wasPublished(id, RU)).isFalse();
        long draft = fixtures.story().in(EN, "Never published").draft();
        assertThat(stories.wasPublished(draft, EN)).isFalse();
    }

    @Test
    void bodyBlocksSurviveTheRoundTripWithTheirTypes() {
        var body = new Block[] {
                new Block.Paragraph("b1", "Text <script>alert(1)</script>"),
                new Block.Subheading("b2", "Sub"),
                new Block.Quote("b3", "We agreed.", "Olha Petrenko", "negotiator"),
                new Block.Image("b4", 7, "Caption", "Credit", "Alt"),
                Block.BulletList.of("b5", true, List.of("one", "two")),
                new Block.ReadAlso("b6", 42),
                new Block.Embed("b7", "https://example.org/video", null)};
        long id = fixtures.story().in(EN, "Blocks").body(body).published();

        assertThat(stories.published(id, EN).orElseThrow().body()).containsExactly(body);
    }

    @Test
    void everyChangeIsAnnouncedThroughTheOutboxAfterCommit() {
        long id = fixtures.story().in(EN, "Announced").in(RU, "Объявлено").published();
        stories.publish(id);
        stories.unpublish(id);
        stories.delete(id);
        relay.drain();

        var contentEvents = java.util.Set.of("VersionSaved", "StoryPublished", "StoryUnpublished", "StoryDeleted");
        var mine = recorder.events().stream()
                .filter(e -> contentEvents.contains(e.type()))
                .filter(e -> e.payload(ContentEvent.class).storyId() == id)
                .map(e -> e.payload(ContentEvent.class))
                .toList();
        assertThat(mine).containsExactly(
                new ContentEvent.VersionSaved(id, EN, 1),
                new ContentEvent.VersionSaved(id, RU, 1),
                new ContentEvent.StoryPublished(id, java.util.Set.of(EN, RU), false),
                new ContentEvent.StoryPublished(id, java.util.Set.of(EN, RU), true),
                new ContentEvent.StoryUnpublished(id),
                new ContentEvent.StoryDeleted(id));
        assertThat(stories.published(id, EN)).isEmpty();
        assertThat(stories.working(id, EN)).isEmpty();
    }

    @Test
    void refusesSectionSlugsThatWouldShadowSitePaths() {
        assertThatThrownBy(() -> taxonomy.addSection("tag", new org.masthead.platform.Localized("a", "b", "c")))
                .isInstanceOfSatisfying(TaxonomyRejected.class, e -> {
                    assertThat(e.field()).isEqualTo("slug");
                    assertThat(e.messageKey()).isEqualTo("newsroom.taxonomy.error.slug-reserved");
                });
        assertThatThrownBy(() -> taxonomy.addSection("Not A Slug", new org.masthead.platform.Localized("a", "b", "c")))
                .isInstanceOfSatisfying(TaxonomyRejected.class, e -> assertThat(e.messageKey())
                        .isEqualTo("newsroom.taxonomy.error.slug"));
    }

    @Test
    void keepsEveryRevisionAndTheWorkingCopyApartFromWhatIsPublished() {
        long id = fixtures.story().in(EN, "Version one").published();
        stories.save(new SaveVersion(id, EN, 1, "Version two", "S2", "", "", "", "", "", List.of(), "editor"));

        assertThat(stories.working(id, EN)).hasValueSatisfying(v -> {
            assertThat(v.revision()).isEqualTo(2);
            assertThat(v.headline()).isEqualTo("Version two");
            assertThat(v.savedBy()).isEqualTo("editor");
        });
        assertThat(stories.revision(id, EN, 1)).hasValueSatisfying(v -> assertThat(v.headline()).isEqualTo("Version one"));
        assertThat(stories.revision(id, EN, 3)).isEmpty();
        assertThat(stories.working(id, RU)).isEmpty();
        assertThat(stories.published(id, EN).orElseThrow().headline()).isEqualTo("Version one");
    }

    @Test
    void outlinesListTheNewestStoriesWithTheirVersions() {
        long id = fixtures.story().in(RU, "Русский вариант").in(UK, "Український варіант").draft();

        var outline = stories.outlines(0, 5).stream().filter(o -> o.storyId() == id).findFirst().orElseThrow();
        assertThat(outline.status()).isEqualTo(StoryStatus.DRAFT);
        assertThat(outline.sourceLanguage()).isEqualTo(UK);
        assertThat(outline.revisions()).containsEntry(RU, 1).containsEntry(UK, 1).doesNotContainKey(EN);
        assertThat(outline.headline()).isEqualTo("Український варіант");
        assertThat(stories.sourceLanguage(id)).isEqualTo(UK);
    }
}
