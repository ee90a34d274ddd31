package org.masthead.translation.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.masthead.platform.Language.EN;
import static org.masthead.platform.Language.UK;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.masthead.content.Block;
import org.masthead.content.NewStory;
import org.masthead.content.SaveVersion;
import org.masthead.content.Stories;
import org.masthead.content.Taxonomy;
import org.masthead.identity.Accounts;
import org.masthead.identity.Role;
import org.masthead.platform.outbox.OutboxRelay;
import org.masthead.support.Fixtures;
import org.masthead.support.HtmlValidator;
import org.masthead.support.MastheadTest;
import org.masthead.support.NewsroomClient;
import org.masthead.support.SiteClient;
import org.masthead.support.Staff;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The translation desk's pages over real HTTP, signed in as a translator and as an editor. */
@MastheadTest
class TranslationDeskWebIntegrationTest {

    @LocalServerPort int port;
    @Autowired Stories stories;
    @Autowired Taxonomy taxonomy;
    @Autowired Accounts accounts;
    @Autowired OutboxRelay relay;
    long storyId;
    String headline;
    NewsroomClient translator;

    @BeforeEach
    void aPublishedUkrainianStoryWithoutTranslations() {
        headline = Fixtures.unique("Переговори");
        storyId = stories.create(new NewStory(new Fixtures(stories, taxonomy).section(), UK, List.of(), List.of(), null));
        stories.save(new SaveVersion(storyId, UK, 0, headline, "Лід матеріалу.", "", "", "", "", "",
                List.of(new Block.Paragraph("b1", "Переговори тривали понад годину."),
                        new Block.Quote("b2", "Ми домовилися.", "Олена Петренко", "речниця")), "writer"));
        stories.publish(storyId);
        relay.drain();
        translator = new Staff(accounts).member(Role.TRANSLATOR).signIn(port);
    }

    @Test
    void theSideBySideEditorShowsTheSourceMarksAndTakesMarksInTheTranslation() {
        var marked = new org.masthead.content.RichText("Переговори тривали понад годину.", List.of(
                new org.masthead.content.Mark.Bold(0, 10),
                new org.masthead.content.Mark.Link(11, 18, "https://example.org/talks", List.of())));
        stories.save(new SaveVersion(storyId, UK, 1, headline, "Лід матеріалу.", "", "", "", "", "",
                List.of(new Block.Paragraph("b1", marked), new Block.Quote("b2", "Ми домовилися.", "Олена Петренко",
                        "речниця")), "writer"));
        var page = translator.get("/newsroom/translations/" + storyId + "/en");
        assertThat(page.body()).contains("<strong>Переговори</strong> <a href=\"https://example.org/talks\" rel=\"noopener\">"
                + "тривали</a>", "**Переговори** [тривали](https://example.org/talks)", "data-marks=\"block\"");
        assertThat(HtmlValidator.errors(page.body())).isEmpty();

        var form = List.of(Map.entry("basedOn", "0"), Map.entry("t._headline.0", "Talks in Istanbul"),
                Map.entry("t.b1.0", "**Talks** [lasted](https://example.org/talks) over an hour."),
                Map.entry("t.b2.0", "We agreed."), Map.entry("t.b2.1", "Olena Petrenko"), Map.entry("op", "save"));
        assertThat(translator.post("/newsroom/translations/" + storyId + "/en", form).statusCode()).isEqualTo(302);
        var text = ((Block.Paragraph) stories.working(storyId, EN).orElseThrow().body().getFirst()).text();
        assertThat(text.text()).isEqualTo("Talks lasted over an hour.");
        assertThat(text.marks()).containsExactly(new org.masthead.content.Mark.Bold(0, 5),
                new org.masthead.content.Mark.Link(6, 12, "https://example.org/talks", List.of()));

        var unreadable = List.of(Map.entry("basedOn", "1"), Map.entry("t._headline.0", "Talks in Istanbul"),
                Map.entry("t.b1.0", "**Talks lasted over an hour."), Map.entry("op", "save"));
        var refused = translator.post("/newsroom/translations/" + storyId + "/en", unreadable);
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("Block b1:", "**Talks lasted over an hour.");
        assertThat(stories.working(storyId, EN).orElseThrow().revision()).isEqualTo(1);
    }

    @Test
    void aTranslatorFindsTheStoryInTheQueueTranslatesItAndAnEditorPublishesIt() {
        var queue = translator.get("/newsroom/translations?from=uk&to=en");
        assertThat(queue.statusCode()).isEqualTo(200);
        assertThat(queue.body()).contains(headline, "not translated yet", "/newsroom/translations/" + storyId + "/en");
        assertThat(HtmlValidator.errors(queue.body())).isEmpty();

        var editor = translator.get("/newsroom/translations/" + storyId + "/en");
        assertThat(editor.statusCode()).isEqualTo(200);
        assertThat(editor.body()).contains("Переговори тривали понад годину.", "name=\"t.b1.0\"", "Олена Петренко");
        assertThat(HtmlValidator.errors(editor.body())).isEmpty();

        var saved = translator.post("/newsroom/translations/" + storyId + "/en", List.of(Map.entry("basedOn", "0"),
                Map.entry("t._headline.0", "Talks in Istanbul"), Map.entry("t._standfirst.0", "The standfirst."),
                Map.entry("t.b1.0", "The talks lasted over an hour."), Map.entry("t.b2.0", "We agreed."),
                Map.entry("t.b2.1", "Olena Petrenko"), Map.entry("t.b2.2", "spokeswoman"), Map.entry("op", "save")));
        assertThat(saved.statusCode()).isEqualTo(302);
        relay.drain();
        var version = stories.working(storyId, EN).orElseThrow();
        assertThat(version.headline()).isEqualTo("Talks in Istanbul");
        assertThat(version.body()).containsExactly(new Block.Paragraph("b1", "The talks lasted over an hour."),
                new Block.Quote("b2", "We agreed.", "Olena Petrenko", "spokeswoman"));
        assertThat(translator.get("/newsroom/translations?from=uk&to=en").body()).doesNotContain(headline);

        assertThat(translator.post("/newsroom/translations/" + storyId + "/en/publish", Map.of()).statusCode()).isEqualTo(403);
        var chief = new Staff(accounts).member(Role.EDITOR).signIn(port);
        assertThat(chief.post("/newsroom/translations/" + storyId + "/en/publish", Map.of()).statusCode()).isEqualTo(302);
        var section = stories.published(storyId, EN).orElseThrow().section().slug();
        assertThat(new SiteClient(port).get("/en/" + section + "/talks-in-istanbul-" + storyId).body())
                .contains("The talks lasted over an hour.");
    }

    @Test
    void aChangedSourceShowsItsChangeAndSaveAndMarkClearsIt() {
        translate("The talks lasted over an hour.");
        stories.save(new SaveVersion(storyId, UK, 1, headline, "Лід матеріалу.", "", "", "", "", "",
                List.of(new Block.Paragraph("b1", "Переговори тривали дві години."),
                        new Block.Quote("b2", "Ми домовилися.", "Олена Петренко", "речниця")), "writer"));
        relay.drain();

        var queue = translator.get("/newsroom/translations?to=en").body();
        assertThat(queue).contains(headline, "1 block needs an update");
        assertThat(translator.get("/newsroom/stories/" + storyId).body())
                .contains("href=\"/newsroom/translations/" + storyId + "/en\">translation needs an update</a>");
        var desk = translator.get("/newsroom/stories?q=" + java.net.URLEncoder.encode(headline,
                StandardCharsets.UTF_8)).body();
        assertThat(desk).contains(headline, "needs update: EN");
        var page = translator.get("/newsroom/translations/" + storyId + "/en").body();
        assertThat(page).contains("source changed", "<del>понад годину</del>", "<ins>дві години</ins>",
                "name=\"done\" value=\"b1\"");
        assertThat(HtmlValidator.errors(page)).isEmpty();

        translator.post("/newsroom/translations/" + storyId + "/en", List.of(Map.entry("basedOn", "1"),
                Map.entry("t._headline.0", "Talks"), Map.entry("t._standfirst.0", "The standfirst."),
                Map.entry("t.b1.0", "The talks lasted two hours."), Map.entry("t.b2.0", "We agreed."),
                Map.entry("t.b2.1", "Olena Petrenko"), Map.entry("t.b2.2", "spokeswoman"),
                Map.entry("done", "b1"), Map.entry("op", "save-mark")));
        relay.drain();
        assertThat(translator.get("/newsroom/translations/" + storyId + "/en").body()).contains("Translation up to date");
        assertThat(translator.get("/newsroom/translations?to=en").body()).doesNotContain(headline);
    }

    @Test
    void aStaleSaveKeepsWhatWasTypedAndShowsWhatWasSavedMeanwhile() {
        translate("First translation.");
        var response = translator.post("/newsroom/translations/" + storyId + "/en", List.of(Map.entry("basedOn", "0"),
                Map.entry("t._headline.0", "Talks"), Map.entry("t.b1.0", "My late translation."), Map.entry("op", "save")));
        assertThat(response.statusCode()).isEqualTo(409);
        assertThat(response.body()).contains("My late translation.", "Saved meanwhile:", "First translation.",
                "name=\"basedOn\" value=\"1\"");
        assertThat(stories.working(storyId, EN).orElseThrow().revision()).isEqualTo(1);
    }

    @Test
    void xliffGoesOutAndComesBackThroughThePages() {
        var exported = translator.get("/newsroom/translations/" + storyId + "/en/xliff?scope=all");
        assertThat(exported.statusCode()).isEqualTo(200);
        assertThat(exported.headers().firstValue("Content-Disposition")).hasValueSatisfying(
                value -> assertThat(value).contains("attachment", "story-" + storyId + "-uk-en.xlf"));
        var translated = exported.body()
                .replace("<source>" + headline + "</source>", "<source>" + headline + "</source><target>Talks</target>")
                .replace("<source>Переговори тривали понад годину.</source>",
                        "<source>Переговори тривали понад годину.</source><target>The talks lasted over an hour.</target>");

        var imported = translator.upload("/newsroom/translations/" + storyId + "/en/xliff", "back.xlf",
                translated.getBytes(StandardCharsets.UTF_8));
        assertThat(imported.statusCode()).isEqualTo(200);
        assertThat(imported.body()).contains("Imported. Blocks filled in: 2");
        assertThat(stories.working(storyId, EN).orElseThrow().body().getFirst())
                .isEqualTo(new Block.Paragraph("b1", "The talks lasted over an hour."));

        var refused = translator.upload("/newsroom/translations/" + storyId + "/en/xliff", "old.xlf",
                exported.body().replace("понад годину", "три години").getBytes(StandardCharsets.UTF_8));
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("The file was not applied", "Block b1");
    }

    @Test
    void theSourceLanguageAndContributorsHaveNoTranslationPage() {
        assertThat(translator.get("/newsroom/translations/" + storyId + "/uk").statusCode()).isEqualTo(404);
        var contributor = new Staff(accounts).member(Role.CONTRIBUTOR).signIn(port);
        assertThat(contributor.get("/newsroom/translations").statusCode()).isEqualTo(403);
        assertThat(contributor.get("/newsroom/translations/" + storyId + "/en").statusCode()).isEqualTo(403);
    }

    private void translate(String paragraph) {
        var response = translator.post("/newsroom/translations/" + storyId + "/en", List.of(Map.entry("basedOn", "0"),
                Map.entry("t._headline.0", "Talks"), Map.entry("t._standfirst.0", "The standfirst."),
                Map.entry("t.b1.0", paragraph), Map.entry("t.b2.0", "We agreed."),
                Map.entry("t.b2.1", "Olena Petrenko"), Map.entry("t.b2.2", "spokeswoman"), Map.entry("op", "save")));
        assertThat(response.statusCode()).isEqualTo(302);
        relay.drain();
    }
}
