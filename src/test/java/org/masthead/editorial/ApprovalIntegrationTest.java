package org.masthead.editorial;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.masthead.content.Stories;
import org.masthead.content.StoryStatus;
import org.masthead.content.Taxonomy;
import org.masthead.identity.Accounts;
import org.masthead.identity.Role;
import org.masthead.platform.Language;
import org.masthead.support.Fixtures;
import org.masthead.support.MastheadTest;
import org.masthead.support.NewsroomClient;
import org.masthead.support.Staff;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What goes live is what an editor approved. Scheduling approves the versions as they are; a later edit
 * by someone who is not an editor waits for approval and does not go live at the scheduled time; an
 * editor's own edit is approved by making it. Translators edit the other languages, not the source.
 */
@MastheadTest
class ApprovalIntegrationTest {

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

    @Test
    void aTranslatorsEditAfterSchedulingDoesNotGoLiveUntilAnEditorApprovesIt() {
        var staff = new Staff(accounts);
        var editor = staff.member(Role.EDITOR).signIn(port);
        var translator = staff.member(Role.TRANSLATOR).signIn(port);
        long id = open(editor);
        assertThat(save(editor, id, "uk", 0, "Погоджений заголовок").statusCode()).isEqualTo(302);
        assertThat(save(translator, id, "en", 0, "Approved headline").statusCode()).isEqualTo(302);
        editor.get("/newsroom/stories/" + id);
        editor.post("/newsroom/stories/" + id + "/workflow", Map.of("action", "submit"));
        var at = Instant.now().plus(2, ChronoUnit.HOURS);
        var scheduled = editor.post("/newsroom/stories/" + id + "/workflow", Map.of("action", "schedule",
                "at", LocalDateTime.ofInstant(at, ZoneId.of("Europe/Kyiv")).truncatedTo(ChronoUnit.MINUTES).toString()));
        assertThat(scheduled.statusCode()).isEqualTo(302);
        assertThat(stories.details(id).orElseThrow().status()).isEqualTo(StoryStatus.SCHEDULED);

        // after approval the translator rewrites the English headline: saved, but waiting for an editor
        assertThat(save(translator, id, "en", 1, "Unapproved headline").statusCode()).isEqualTo(302);
        assertThat(workflow.awaitingApproval(id)).containsExactly(Language.EN);

        // the time comes: the approved revision goes live, not the later one
        assertThat(stories.publishIfDue(id, at.plusSeconds(60))).isTrue();
        assertThat(stories.published(id, Language.EN).orElseThrow().headline()).isEqualTo("Approved headline");
        assertThat(stories.published(id, Language.UK).orElseThrow().headline()).isEqualTo("Погоджений заголовок");

        // an editor publishing again approves what is there now
        editor.get("/newsroom/stories/" + id);
        editor.post("/newsroom/stories/" + id + "/workflow", Map.of("action", "publish"));
        assertThat(stories.published(id, Language.EN).orElseThrow().headline()).isEqualTo("Unapproved headline");
    }

    @Test
    void anEditorsOwnEditOfAScheduledStoryIsApprovedByMakingIt() {
        var editor = new Staff(accounts).member(Role.EDITOR).signIn(port);
        long id = open(editor);
        save(editor, id, "uk", 0, "Перша версія");
        editor.get("/newsroom/stories/" + id);
        editor.post("/newsroom/stories/" + id + "/workflow", Map.of("action", "submit"));
        var at = Instant.now().plus(3, ChronoUnit.HOURS);
        editor.post("/newsroom/stories/" + id + "/workflow", Map.of("action", "schedule",
                "at", LocalDateTime.ofInstant(at, ZoneId.of("Europe/Kyiv")).truncatedTo(ChronoUnit.MINUTES).toString()));
        save(editor, id, "uk", 1, "Виправлена версія");
        assertThat(workflow.awaitingApproval(id)).isEmpty();
        assertThat(stories.publishIfDue(id, at.plusSeconds(60))).isTrue();
        assertThat(stories.published(id, Language.UK).orElseThrow().headline()).isEqualTo("Виправлена версія");
    }

    @Test
    void translatorsEditTheOtherLanguagesButNotTheSource() {
        var staff = new Staff(accounts);
        var editor = staff.member(Role.EDITOR).signIn(port);
        var translator = staff.member(Role.TRANSLATOR).signIn(port);
        long id = open(editor);
        save(editor, id, "uk", 0, "Джерело");
        editor.get("/newsroom/stories/" + id);
        editor.post("/newsroom/stories/" + id + "/workflow", Map.of("action", "submit"));
        editor.post("/newsroom/stories/" + id + "/workflow", Map.of("action", "publish"));

        assertThat(save(translator, id, "uk", 1, "Переписане джерело").statusCode()).isEqualTo(403);
        assertThat(stories.working(id, Language.UK).orElseThrow().headline()).isEqualTo("Джерело");
        translator.get("/newsroom/stories/" + id + "/uk/revisions");
        assertThat(translator.post("/newsroom/stories/" + id + "/uk/revisions/1/restore", Map.of("basedOn", "1"))
                .statusCode()).isEqualTo(403);
        assertThat(save(translator, id, "ru", 0, "Перевод").statusCode()).isEqualTo(302);

        // a translator who is also an editor may edit the source
        var both = staff.member(Role.TRANSLATOR, Role.EDITOR).signIn(port);
        assertThat(save(both, id, "uk", 1, "Джерело, виправлене редактором").statusCode()).isEqualTo(302);
    }

    @Test
    void publishingApprovesTheRevisionsThePageShowedAndRefusesTextSavedSince() {
        var staff = new Staff(accounts);
        var editor = staff.member(Role.EDITOR).signIn(port);
        var translator = staff.member(Role.TRANSLATOR).signIn(port);
        long id = open(editor);
        save(editor, id, "uk", 0, "Джерело для схвалення");
        save(translator, id, "en", 0, "Headline the editor read");
        editor.post("/newsroom/stories/" + id + "/workflow", Map.of("action", "submit"));
        var page = editor.get("/newsroom/stories/" + id).body();
        var seen = seen(page);
        assertThat(seen).containsEntry("seen-uk", "1").containsEntry("seen-en", "1").containsEntry("seen-ru", "0");

        // while the editor reads, the translator saves again: the editor's publish must not approve that
        save(translator, id, "en", 1, "Headline nobody approved");
        var form = new ArrayList<Map.Entry<String, String>>(List.of(Map.entry("action", "publish")));
        form.addAll(seen.entrySet());
        var refused = editor.post("/newsroom/stories/" + id + "/workflow", form);
        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(refused.body()).contains("id=\"approval-error\"").contains("nothing was approved")
                .contains("EN was at revision 1 on this page and is now at revision 2");
        assertThat(stories.details(id).orElseThrow().status()).isEqualTo(StoryStatus.IN_REVIEW);
        assertThat(stories.published(id, Language.EN)).isEmpty();
        assertThat(stories.approvedRevisions(id)).isEmpty();
        // the page answered shows what is there now, ready to approve
        assertThat(seen(refused.body())).containsEntry("seen-en", "2");

        // approving what the page now shows works, and that is what goes live
        var again = new ArrayList<Map.Entry<String, String>>(List.of(Map.entry("action", "publish")));
        again.addAll(seen(refused.body()).entrySet());
        assertThat(editor.post("/newsroom/stories/" + id + "/workflow", again).statusCode()).isEqualTo(302);
        assertThat(stories.published(id, Language.EN).orElseThrow().headline()).isEqualTo("Headline nobody approved");
    }

    @Test
    void schedulingRefusesAVersionWrittenSinceThePageAndKeepsTheTimeTyped() {
        var staff = new Staff(accounts);
        var editor = staff.member(Role.EDITOR).signIn(port);
        var translator = staff.member(Role.TRANSLATOR).signIn(port);
        long id = open(editor);
        save(editor, id, "uk", 0, "Заплановане джерело");
        editor.post("/newsroom/stories/" + id + "/workflow", Map.of("action", "submit"));
        var seen = seen(editor.get("/newsroom/stories/" + id).body());
        save(translator, id, "ru", 0, "Перевод, которого редактор не видел");
        var at = LocalDateTime.ofInstant(Instant.now().plus(5, ChronoUnit.HOURS), ZoneId.of("Europe/Kyiv"))
                .truncatedTo(ChronoUnit.MINUTES).toString();
        var form = new ArrayList<Map.Entry<String, String>>(List.of(Map.entry("action", "schedule"), Map.entry("at", at)));
        form.addAll(seen.entrySet());
        var refused = editor.post("/newsroom/stories/" + id + "/workflow", form);
        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(refused.body()).contains("value=\"" + at + "\"").contains("RU was at revision 0");
        assertThat(stories.details(id).orElseThrow().status()).isEqualTo(StoryStatus.IN_REVIEW);
        assertThat(stories.approvedRevisions(id)).isEmpty();
    }

    @Test
    void theStoryPageMarksAVersionChangedSinceItsApproval() {
        var staff = new Staff(accounts);
        var editor = staff.member(Role.EDITOR).signIn(port);
        var translator = staff.member(Role.TRANSLATOR).signIn(port);
        long id = open(editor);
        save(editor, id, "uk", 0, "Опубліковане джерело");
        save(translator, id, "en", 0, "Published translation");
        editor.post("/newsroom/stories/" + id + "/workflow", Map.of("action", "submit"));
        editor.post("/newsroom/stories/" + id + "/workflow", Map.of("action", "publish"));
        assertThat(editor.get("/newsroom/stories/" + id).body()).doesNotContain("changed since approval");

        save(translator, id, "en", 1, "Translation edited after publication");
        var page = editor.get("/newsroom/stories/" + id).body();
        assertThat(page).containsOnlyOnce("changed since approval")
                .contains("<a class=\"badge changed\" href=\"/newsroom/stories/" + id + "/en/revisions\">");
        assertThat(workflow.changedSinceApproval(id)).containsExactly(Language.EN);
    }

    @Test
    void theTranslationDeskPublishesTheRevisionItShowedOrNothing() {
        var staff = new Staff(accounts);
        var editor = staff.member(Role.EDITOR).signIn(port);
        var translator = staff.member(Role.TRANSLATOR).signIn(port);
        long id = open(editor);
        save(editor, id, "uk", 0, "Джерело перекладу");
        editor.post("/newsroom/stories/" + id + "/workflow", Map.of("action", "submit"));
        editor.post("/newsroom/stories/" + id + "/workflow", Map.of("action", "publish"));
        save(translator, id, "en", 0, "Translation the editor read");
        var desk = editor.get("/newsroom/translations/" + id + "/en").body();
        assertThat(desk).contains("name=\"seen\" value=\"1\"");
        save(translator, id, "en", 1, "Translation saved meanwhile");

        var refused = editor.post("/newsroom/translations/" + id + "/en/publish", Map.of("seen", "1"));
        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(refused.body()).contains("EN was at revision 1 on this page and is now at revision 2");
        assertThat(stories.published(id, Language.EN)).isEmpty();
        assertThat(editor.post("/newsroom/translations/" + id + "/en/publish", Map.of("seen", "2")).statusCode())
                .isEqualTo(302);
        assertThat(stories.published(id, Language.EN).orElseThrow().headline()).isEqualTo("Translation saved meanwhile");
    }

    private static Map<String, String> seen(String page) {
        var seen = new java.util.LinkedHashMap<String, String>();
        var form = page.substring(page.indexOf("value=\"publish\""));
        var matcher = java.util.regex.Pattern.compile("name=\"(seen-[a-z]{2})\" value=\"(\\d+)\"").matcher(form);
        while (matcher.find() && !seen.containsKey(matcher.group(1))) {
            seen.put(matcher.group(1), matcher.group(2));
        }
        return seen;
    }

    private long open(NewsroomClient client) {
        long section = new Fixtures(stories, taxonomy).section();
        client.get("/newsroom/stories/new");
        var created = client.post("/newsroom/stories", Map.of("section", Long.toString(section), "language", "uk"));
        return Long.parseLong(created.headers().firstValue("Location").orElseThrow().replaceAll(".*/stories/(\\d+)/uk/edit", "$1"));
    }

    private static HttpResponse<String> save(NewsroomClient client, long id, String lang, int basedOn, String headline) {
        client.get("/newsroom/stories/" + id + "/" + lang + "/edit");
        var fields = new ArrayList<Map.Entry<String, String>>(List.of(Map.entry("basedOn", Integer.toString(basedOn)),
                Map.entry("headline", headline), Map.entry("standfirst", "Standfirst"),
                Map.entry("blocks[0].type", "paragraph"), Map.entry("blocks[0].id", "p0"),
                Map.entry("blocks[0].text", "Text."), Map.entry("op", "save")));
        return client.post("/newsroom/stories/" + id + "/" + lang + "/edit", fields);
    }
}
