package org.masthead.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.masthead.platform.Language.EN;
import static org.masthead.platform.Language.UK;

import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.masthead.content.Block;
import org.masthead.content.NewStory;
import org.masthead.content.SaveVersion;
import org.masthead.content.Stories;
import org.masthead.content.Taxonomy;
import org.masthead.platform.Localized;
import org.masthead.platform.outbox.OutboxRelay;
import org.masthead.platform.web.ReadModel;
import org.masthead.support.Fixtures;
import org.masthead.support.MastheadTest;
import org.masthead.support.QueryCounter;
import org.masthead.support.SiteClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

/**
 * Reader pages rendered past the page cache (it is off here) read what they show from the node's read model:
 * a page rendered again asks the database nothing, and a publication drops exactly what it changed.
 */
@MastheadTest
@Import(QueryCounter.class)
@TestPropertySource(properties = "masthead.cache.enabled=false")
class ReadModelIntegrationTest {

    @LocalServerPort int port;
    @Autowired Stories stories;
    @Autowired Taxonomy taxonomy;
    @Autowired OutboxRelay relay;
    @Autowired ReadModel model;
    SiteClient site;
    Fixtures fixtures;

    @BeforeEach
    void setUp() {
        site = new SiteClient(port);
        fixtures = new Fixtures(stories, taxonomy);
        relay.drain();
    }

    @Test
    void aStoryPageRenderedAgainAsksTheDatabaseNothing() {
        var story = new Filed("Read model story");
        // a list page still looks its section, tag or author up by slug (a renamed one redirects at once)
        var paths = List.of(story.path(), "/en/");
        for (var path : paths) {
            QueryCounter.reset();
            assertThat(site.get(path).statusCode()).as(path).isEqualTo(200);
            assertThat(QueryCounter.count()).as("queries of a first render of " + path).isPositive();
            QueryCounter.reset();
            var again = site.get(path);
            assertThat(again.statusCode()).isEqualTo(200);
            assertThat(again.headers().firstValue("X-Page-Cache")).as("the page cache is off").contains("pass");
            assertThat(QueryCounter.count()).as("queries of a second render of " + path).isZero();
        }
    }

    @Test
    void publishingDropsWhatItChangedAndThePageShowsItAtOnce() {
        var story = new Filed("Read model story to correct");
        var other = new Filed("Read model story left alone");
        site.get(story.path());
        site.get(other.path());

        story.republish("A corrected standfirst for the read model");
        relay.drain();

        QueryCounter.reset();
        assertThat(site.get(story.path()).body()).contains("A corrected standfirst for the read model");
        assertThat(QueryCounter.count()).as("the changed story is read again").isPositive();
        QueryCounter.reset();
        site.get(other.path());
        assertThat(QueryCounter.count()).as("the other story in another section is still known").isZero();
        QueryCounter.reset();
        assertThat(site.get("/en/").body()).contains(story.headline);
    }

    @Test
    void signedInStaffReadTheDatabaseItself() {
        var story = new Filed("Read model story for staff");
        site.get(story.path());
        QueryCounter.reset();
        site.get(story.path(), "Cookie", "JSESSIONID=not-a-session");
        assertThat(QueryCounter.count()).isPositive();
    }

    @Test
    void aMissingStoryIsNotRemembered() {
        long section = fixtures.section();
        long id = stories.create(new NewStory(section, EN, List.of(), List.of(), null));
        var sectionSlug = taxonomy.sectionDetails(section).orElseThrow().slug();
        int revision = stories.save(new SaveVersion(id, EN, 0, "Not yet live", "Standfirst", "", "", "", "", "",
                List.of(new Block.Paragraph("p1", "Body")), "test"));
        var path = "/en/" + sectionSlug + "/not-yet-live-" + id;
        assertThat(site.get(path).statusCode()).isEqualTo(404);
        stories.publish(id);
        assertThat(revision).isPositive();
        // no relay drain: nothing of the story was kept while it was not live
        assertThat(site.get(path).statusCode()).isEqualTo(200);
    }

    private final class Filed {

        final long id;
        final String headline;
        final String sectionSlug = Fixtures.unique("section");

        Filed(String headline) {
            this.headline = headline + " " + Fixtures.unique("h");
            long section = taxonomy.addSection(sectionSlug, new Localized("Розділ " + sectionSlug,
                    "Section " + sectionSlug, "Раздел " + sectionSlug));
            id = stories.create(new NewStory(section, UK, List.of(), List.of(), null));
            save(UK, 0, "Стислий виклад");
            save(EN, 0, "Standfirst");
            stories.publish(id);
            relay.drain();
        }

        int save(org.masthead.platform.Language language, int basedOn, String standfirst) {
            return stories.save(new SaveVersion(id, language, basedOn, headline, standfirst, "", "", "", "", "",
                    List.of(new Block.Paragraph("p1", "Body of " + headline)), "test"));
        }

        void republish(String standfirst) {
            save(EN, stories.working(id, EN).orElseThrow().revision(), standfirst);
            stories.publish(id);
        }

        String path() {
            return stories.published(id, EN).map(p -> "/en/" + p.section().slug() + "/" + p.slug() + "-" + id)
                    .orElseThrow();
        }

        String sectionPath() {
            return "/en/" + sectionSlug + "/";
        }
    }
}
