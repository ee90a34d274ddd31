package org.masthead.editorial;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.masthead.content.Stories;
import org.masthead.content.StoryStatus;
import org.masthead.content.Taxonomy;
import org.masthead.identity.Accounts;
import org.masthead.identity.AuditLog;
import org.masthead.identity.Role;
import org.masthead.support.Fixtures;
import org.masthead.support.HtmlValidator;
import org.masthead.support.MastheadTest;
import org.masthead.support.NewsroomClient;
import org.masthead.support.SiteClient;
import org.masthead.support.Staff;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

@MastheadTest
class EditorialIntegrationTest {

    @LocalServerPort
    int port;

    @Autowired
    Accounts accounts;

    @Autowired
    Stories stories;

    @Autowired
    Taxonomy taxonomy;

    @Autowired
    EditorialWorkflow workflow;

    @Autowired
    AuditLog audit;

    private Staff staff() {
        return new Staff(accounts);
    }

    private long section() {
        return new Fixtures(stories, taxonomy).section();
    }

    /** Opens a story through the desk as {@code client}; returns its id. */
    private long open(NewsroomClient client, long section) {
        client.get("/newsroom/stories/new");
        var created = client.post("/newsroom/stories", Map.of("section", Long.toString(section), "language", "uk"));
        assertThat(created.statusCode()).isEqualTo(302);
        var location = created.headers().firstValue("Location").orElseThrow();
        return Long.parseLong(location.replaceAll(".*/stories/(\\d+)/uk/edit", "$1"));
    }

    private static List<Map.Entry<String, String>> version(int basedOn, String headline, String... paragraphs) {
        var fields = new ArrayList<Map.Entry<String, String>>();
        fields.add(Map.entry("basedOn", Integer.toString(basedOn)));
        fields.add(Map.entry("headline", headline));
        fields.add(Map.entry("standfirst", "Standfirst of " + headline));
        for (int i = 0; i < paragraphs.length; i++) {
            fields.add(Map.entry("blocks[" + i + "].type", "paragraph"));
            fields.add(Map.entry("blocks[" + i + "].id", "p" + i));
            fields.add(Map.entry("blocks[" + i + "].text", paragraphs[i]));
        }
        fields.add(Map.entry("op", "save"));
        return fields;
    }

    private static HttpResponse<String> save(NewsroomClient client, long id, String lang, List<Map.Entry<String, String>> form) {
        client.get("/newsroom/stories/" + id + "/" + lang + "/edit");
        return client.post("/newsroom/stories/" + id + "/" + lang + "/edit", form);
    }

    @Test
    void contributorWritesAndSubmitsButCannotPublishAndEditorPublishesToReaders() {
        var contributor = staff().member(Role.CONTRIBUTOR).signIn(port);
        long id = open(contributor, section());
        var headline = Fixtures.unique("Перемовини");
        var saved = save(contributor, id, "uk", version(0, headline, "Перший абзац."));
        assertThat(saved.statusCode()).isEqualTo(302);

        var editPage = contributor.get("/newsroom/stories/" + id + "/uk/edit?saved");
        assertThat(editPage.body()).contains(headline);
        assertThat(HtmlValidator.errors(editPage.body())).isEmpty();
        var overview = contributor.get("/newsroom/stories/" + id);
        assertThat(HtmlValidator.errors(overview.body())).isEmpty();
        assertThat(overview.body()).doesNotContain("value=\"publish\"");

        assertThat(contributor.post("/newsroom/stories/" + id + "/workflow", Map.of("action", "submit")).statusCode())
                .isEqualTo(302);
        var refused = contributor.post("/newsroom/stories/" + id + "/workflow", Map.of("action", "publish"));
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(stories.details(id).orElseThrow().status()).isEqualTo(StoryStatus.IN_REVIEW);

        var editor = staff().member(Role.EDITOR).signIn(port);
        editor.get("/newsroom/stories/" + id);
        assertThat(editor.post("/newsroom/stories/" + id + "/workflow", Map.of("action", "publish")).statusCode())
                .isEqualTo(302);
        var published = stories.published(id, org.masthead.platform.Language.UK).orElseThrow();
        var page = new SiteClient(port).get("/uk/" + published.section().slug() + "/" + published.slug() + "-" + id);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains(headline);
        assertThat(audit.recent("story.publish", null, 50)).anySatisfy(e -> assertThat(e.subject()).isEqualTo("story " + id));
    }

    @Test
    void staleSaveShowsTheConflictScreenWithBothTextsAndKeepsWhatWasTyped() {
        var first = staff().member(Role.EDITOR).signIn(port);
        var second = staff().member(Role.EDITOR).signIn(port);
        long id = open(first, section());
        save(first, id, "en", version(0, "Original headline", "Original paragraph."));

        save(first, id, "en", version(1, "First editor's headline", "Their paragraph."));
        var conflict = save(second, id, "en", version(1, "Second editor's headline", "My paragraph that must survive."));

        assertThat(conflict.statusCode()).isEqualTo(409);
        assertThat(conflict.body()).contains("id=\"conflict\"", "Their paragraph.", "My paragraph that must survive.",
                "value=\"Second editor&#39;s headline\"", "name=\"basedOn\" value=\"2\"");
        assertThat(HtmlValidator.errors(conflict.body())).isEmpty();
        assertThat(stories.working(id, org.masthead.platform.Language.EN).orElseThrow().headline())
                .isEqualTo("First editor's headline");
    }

    @Test
    void invalidSaveKeepsEverythingTypedAndMarksTheField() {
        var editor = staff().member(Role.EDITOR).signIn(port);
        long id = open(editor, section());
        var form = new ArrayList<>(version(0, "", "Typed paragraph one.", "Typed paragraph two."));
        var response = save(editor, id, "uk", form);
        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(response.body()).contains("id=\"headline-error\"", "Typed paragraph one.", "Typed paragraph two.");
        assertThat(HtmlValidator.errors(response.body())).isEmpty();
    }

    @Test
    void blocksAreAddedAndMovedWithoutScriptAndNothingIsSavedUntilSave() {
        var editor = staff().member(Role.EDITOR).signIn(port);
        long id = open(editor, section());
        var form = new ArrayList<>(version(0, "Blocks", "First.", "Second."));
        form.removeIf(f -> f.getKey().equals("op"));
        form.add(Map.entry("op", "down:0"));
        var moved = save(editor, id, "uk", form);
        assertThat(moved.statusCode()).isEqualTo(200);
        assertThat(moved.body().indexOf("Second.")).isLessThan(moved.body().indexOf("First."));
        form.removeIf(f -> f.getKey().equals("op"));
        form.add(Map.entry("op", "add:quote"));
        var added = save(editor, id, "uk", form);
        assertThat(added.body()).contains("name=\"blocks[2].speaker\"");
        assertThat(HtmlValidator.errors(added.body())).isEmpty();
        assertThat(stories.working(id, org.masthead.platform.Language.UK)).isEmpty();
    }

    @Test
    void revisionsShowAuthorsAndDiffAndRestoreMakesANewRevision() {
        var editor = staff().member(Role.EDITOR);
        var client = editor.signIn(port);
        long id = open(client, section());
        save(client, id, "en", version(0, "Version one", "Alpha paragraph."));
        save(client, id, "en", version(1, "Version two", "Beta paragraph."));

        var history = client.get("/newsroom/stories/" + id + "/en/revisions?from=1&to=2");
        assertThat(history.statusCode()).isEqualTo(200);
        assertThat(history.body()).contains(editor.username());
        assertThat(history.body()).containsPattern("<del>[^<]*Alpha[^<]*</del>").containsPattern("<ins>[^<]*Beta[^<]*</ins>");
        assertThat(HtmlValidator.errors(history.body())).isEmpty();

        var restored = client.post("/newsroom/stories/" + id + "/en/revisions/1/restore", Map.of("basedOn", "2"));
        assertThat(restored.statusCode()).isEqualTo(302);
        var working = stories.working(id, org.masthead.platform.Language.EN).orElseThrow();
        assertThat(working.revision()).isEqualTo(3);
        assertThat(working.headline()).isEqualTo("Version one");
    }

    @Test
    void translatorEditsVersionsButNotMetadataNorWorkflowAndPostedAuthorIsIgnored() {
        var editor = staff().member(Role.EDITOR).signIn(port);
        long section = section();
        long id = open(editor, section);
        save(editor, id, "uk", version(0, "Джерело", "Текст."));
        var translator = staff().member(Role.TRANSLATOR);
        var client = translator.signIn(port);

        var form = new ArrayList<>(version(0, "Translation", "Text."));
        form.add(Map.entry("savedBy", "someone-else"));
        assertThat(save(client, id, "en", form).statusCode()).isEqualTo(302);
        assertThat(stories.working(id, org.masthead.platform.Language.EN).orElseThrow().savedBy())
                .isEqualTo(translator.username());

        long otherSection = section();
        client.get("/newsroom/stories/" + id);
        var metadata = client.post("/newsroom/stories/" + id + "/metadata", Map.of("section", Long.toString(otherSection)));
        assertThat(metadata.statusCode()).isEqualTo(403);
        assertThat(stories.details(id).orElseThrow().sectionId()).isEqualTo(section);
        assertThat(client.post("/newsroom/stories/" + id + "/workflow", Map.of("action", "submit")).statusCode())
                .isEqualTo(403);
    }

    @Test
    void scheduledStoryThatFellDueIsPublishedByTheDatabasePoll() {
        var editorClient = staff().member(Role.EDITOR);
        var client = editorClient.signIn(port);
        long id = open(client, section());
        save(client, id, "uk", version(0, "Заплановано", "Текст."));
        client.post("/newsroom/stories/" + id + "/workflow", Map.of("action", "submit"));
        // scheduled (and so approved) in the past: as if the server was down when it fell due
        stories.moveTo(id, StoryStatus.SCHEDULED, Instant.now().minusSeconds(60));
        stories.approve(id);
        assertThat(workflow.publishDue()).isGreaterThanOrEqualTo(1);
        assertThat(stories.details(id).orElseThrow().status()).isEqualTo(StoryStatus.PUBLISHED);
    }

    @Test
    void correctionIsShownToReadersAndChangesTheUpdatedTime() {
        var client = staff().member(Role.EDITOR).signIn(port);
        long id = open(client, section());
        save(client, id, "en", version(0, "Corrected story", "Text."));
        client.post("/newsroom/stories/" + id + "/workflow", Map.of("action", "submit"));
        client.post("/newsroom/stories/" + id + "/workflow", Map.of("action", "publish"));
        var before = stories.published(id, org.masthead.platform.Language.EN).orElseThrow().updatedAt();

        client.get("/newsroom/stories/" + id);
        var noted = client.post("/newsroom/stories/" + id + "/notes",
                Map.of("language", "en", "kind", "CORRECTION", "text", "An earlier version misspelled the minister's name."));
        assertThat(noted.statusCode()).isEqualTo(302);

        var story = stories.published(id, org.masthead.platform.Language.EN).orElseThrow();
        assertThat(story.updatedAt()).isAfterOrEqualTo(before);
        var page = new SiteClient(port).get("/en/" + story.section().slug() + "/" + story.slug() + "-" + id);
        assertThat(page.body()).contains("An earlier version misspelled the minister's name.");
        assertThat(HtmlValidator.errors(page.body())).isEmpty();
    }

    @Test
    void previewIsForStaffOnlyAndNeverStoredInASharedCache() {
        var client = staff().member(Role.CONTRIBUTOR).signIn(port);
        long id = open(client, section());
        save(client, id, "uk", version(0, "Чернетка для перегляду", "Текст."));

        var preview = client.get("/newsroom/preview/" + id + "/uk");
        assertThat(preview.statusCode()).isEqualTo(200);
        assertThat(preview.headers().firstValue("Cache-Control")).hasValue("private, no-store");
        assertThat(preview.body()).contains("Чернетка для перегляду");
        assertThat(HtmlValidator.errors(preview.body())).isEmpty();

        var anonymous = new SiteClient(port).get("/newsroom/preview/" + id + "/uk");
        assertThat(anonymous.statusCode()).isEqualTo(302);
        assertThat(anonymous.body()).doesNotContain("Чернетка для перегляду");
    }

    @Test
    void storyListFiltersByTextAndStatus() {
        var client = staff().member(Role.EDITOR).signIn(port);
        long id = open(client, section());
        var headline = Fixtures.unique("Findable");
        save(client, id, "en", version(0, headline, "Text."));
        var list = client.get("/newsroom/stories?q=" + headline + "&status=DRAFT&sort=headline");
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.body()).contains(">" + headline + "</a>");
        assertThat(HtmlValidator.errors(list.body())).isEmpty();
        assertThat(client.get("/newsroom/stories?q=" + headline + "&status=PUBLISHED").body())
                .doesNotContain(">" + headline + "</a>");
    }
}
