package org.masthead.api.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.masthead.content.Section;
import org.masthead.content.Stories;
import org.masthead.content.Taxonomy;
import org.masthead.identity.Accounts;
import org.masthead.identity.AuditEntry;
import org.masthead.identity.AuditLog;
import org.masthead.identity.Role;
import org.masthead.platform.outbox.OutboxRelay;
import org.masthead.support.Fixtures;
import org.masthead.support.Images;
import org.masthead.support.MastheadTest;
import org.masthead.support.SiteClient;
import org.masthead.support.Staff;
import org.masthead.support.Tokens;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The admin API over real HTTP, used the way a wire service would, with tokens made on the account page. */
@MastheadTest
class AdminApiIntegrationTest {

    private static final String BASE = "http://localhost:8080";

    @LocalServerPort int port;
    @Autowired Stories stories;
    @Autowired Taxonomy taxonomy;
    @Autowired Accounts accounts;
    @Autowired AuditLog audit;
    @Autowired OutboxRelay relay;
    @Autowired JsonMapper json;
    SiteClient site;
    String section;

    @BeforeEach
    void setUp() {
        site = new SiteClient(port);
        long id = new Fixtures(stories, taxonomy).section();
        section = taxonomy.sections().stream().filter(s -> s.id() == id).map(Section::slug).findFirst().orElseThrow();
    }

    @Test
    void aWireServiceCreatesWritesUploadsAndPublishesAStoryThatReadersThenSee() {
        var desk = new Staff(accounts).member(Role.EDITOR, Role.CONTRIBUTOR);
        var token = Tokens.issue(desk.signIn(port), "Wire feed", "read", "write", "publish");

        var created = send("POST", "/api/v1/admin/stories", token,
                "{\"section\":\"" + section + "\",\"sourceLanguage\":\"en\"}");
        assertThat(created.statusCode()).isEqualTo(201);
        var location = created.headers().firstValue("Location").orElseThrow();
        long id = read(created).path("id").asLong();
        assertThat(location).endsWith("/api/v1/admin/stories/" + id);
        assertThat(read(created).path("status").asString()).isEqualTo("draft");

        var upload = upload(token, "harbour.jpg", Images.jpeg(640, 400),
                "en.caption", "The harbour at dawn", "en.credit", "Wire Photo", "en.alt", "Boats in a harbour");
        assertThat(upload.statusCode()).isEqualTo(201);
        long image = read(upload).path("id").asLong();
        assertThat(read(upload).path("texts").path("en").path("credit").asString()).isEqualTo("Wire Photo");

        var saved = send("PUT", "/api/v1/admin/stories/" + id + "/en", token, """
                {"basedOnRevision": 0, "headline": "Wire ships dock at dawn", "standfirst": "Three ships arrived.",
                 "body": [
                   {"type": "paragraph", "text": "The first ship docked at six."},
                   {"type": "image", "mediaId": %d, "caption": "The harbour at dawn", "credit": "Wire Photo",
                    "alt": "Boats in a harbour"},
                   {"type": "quote", "text": "It was calm.", "speaker": "A pilot"}
                 ]}""".formatted(image));
        assertThat(saved.statusCode()).isEqualTo(200);
        assertThat(read(saved).path("revision").asInt()).isEqualTo(1);

        var draft = send("GET", "/api/v1/admin/stories/" + id, token, null);
        assertThat(draft.statusCode()).isEqualTo(200);
        var version = read(draft).path("versions").path("en");
        assertThat(version.path("headline").asString()).isEqualTo("Wire ships dock at dawn");
        assertThat(version.path("body").get(1).path("type").asString()).isEqualTo("image");
        assertThat(version.path("publishedRevision").asInt()).isZero();

        // the newsroom's workflow applies: a draft is submitted before it is published
        assertProblem(send("POST", "/api/v1/admin/stories/" + id + "/status", token, "{\"action\":\"publish\"}"), 403);
        assertThat(send("POST", "/api/v1/admin/stories/" + id + "/status", token, "{\"action\":\"submit\"}")
                .statusCode()).isEqualTo(200);
        var published = send("POST", "/api/v1/admin/stories/" + id + "/status", token, "{\"action\":\"publish\"}");
        assertThat(published.statusCode()).isEqualTo(200);
        assertThat(read(published).path("status").asString()).isEqualTo("published");

        var api = read(site.get("/api/v1/stories/" + id + "/en"));
        var page = site.get(api.path("url").asString().substring(BASE.length()));
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Wire ships dock at dawn", "The first ship docked at six.", "Wire Photo");
        assertThat(audit.recent(null, desk.username(), 20)).extracting(AuditEntry::action)
                .contains("token.create", "story.create", "media.upload", "story.publish");
    }

    @Test
    void publishingWithTheRevisionsReadIsRefusedWhenAVersionMovedOnSince() {
        var desk = new Staff(accounts).member(Role.EDITOR, Role.CONTRIBUTOR);
        var token = Tokens.issue(desk.signIn(port), "Approver", "read", "write", "publish");
        long id = story(token, "Read by the approver", false);
        send("POST", "/api/v1/admin/stories/" + id + "/status", token, "{\"action\":\"submit\"}");
        int read = read(send("GET", "/api/v1/admin/stories/" + id, token, null)).path("versions").path("en")
                .path("revision").asInt();
        assertThat(read).isEqualTo(1);
        // another writer saves the English version and opens a Ukrainian one after the read
        send("PUT", "/api/v1/admin/stories/" + id + "/en", token, "{\"basedOnRevision\":1,\"headline\":\"Not read\","
                + "\"body\":[{\"type\":\"paragraph\",\"text\":\"Changed.\"}]}");
        send("PUT", "/api/v1/admin/stories/" + id + "/uk", token, "{\"basedOnRevision\":0,\"headline\":\"Не прочитано\","
                + "\"body\":[{\"type\":\"paragraph\",\"text\":\"Текст.\"}]}");

        var refused = send("POST", "/api/v1/admin/stories/" + id + "/status", token,
                "{\"action\":\"publish\",\"revisions\":{\"en\":1}}");
        assertProblem(refused, 409);
        var problem = read(refused);
        assertThat(problem.path("changed").toString()).isEqualTo("[\"uk\",\"en\"]");
        assertThat(problem.path("currentRevisions").path("en").asInt()).isEqualTo(2);
        assertThat(problem.path("currentRevisions").path("uk").asInt()).isEqualTo(1);
        assertThat(problem.path("detail").asString()).contains("nothing was approved");
        assertThat(stories.details(id).orElseThrow().status().name()).isEqualTo("IN_REVIEW");

        var scheduled = send("POST", "/api/v1/admin/stories/" + id + "/status", token,
                "{\"action\":\"schedule\",\"at\":\"2099-01-01T10:00:00+02:00\",\"revisions\":{\"en\":1,\"uk\":1}}");
        assertProblem(scheduled, 409);
        assertThat(stories.approvedRevisions(id)).isEmpty();
        assertProblem(send("POST", "/api/v1/admin/stories/" + id + "/status", token,
                "{\"action\":\"publish\",\"revisions\":{\"de\":1}}"), 400);

        var published = send("POST", "/api/v1/admin/stories/" + id + "/status", token,
                "{\"action\":\"publish\",\"revisions\":{\"en\":2,\"uk\":1}}");
        assertThat(published.statusCode()).as(published.body()).isEqualTo(200);
        assertThat(stories.published(id, org.masthead.platform.Language.EN).orElseThrow().headline()).isEqualTo("Not read");
    }

    @Test
    void aReadOnlyTokenReadsButIsRefusedWrites() {
        var desk = new Staff(accounts).member(Role.EDITOR, Role.CONTRIBUTOR);
        var writer = Tokens.issue(desk.signIn(port), "Writer", "write");
        var reader = Tokens.issue(desk.signIn(port), "Reader", "read");
        long id = read(send("POST", "/api/v1/admin/stories", writer,
                "{\"section\":\"" + section + "\",\"sourceLanguage\":\"uk\"}")).path("id").asLong();

        assertThat(send("GET", "/api/v1/admin/stories/" + id, reader, null).statusCode()).isEqualTo(200);
        // write without read is write only
        assertProblem(send("GET", "/api/v1/admin/stories/" + id, writer, null), 403);
        assertProblem(send("POST", "/api/v1/admin/stories", reader,
                "{\"section\":\"" + section + "\",\"sourceLanguage\":\"uk\"}"), 403);
        assertProblem(send("PUT", "/api/v1/admin/stories/" + id + "/uk", reader,
                "{\"basedOnRevision\":0,\"headline\":\"Ні\",\"body\":[]}"), 403);
        assertProblem(upload(reader, "x.png", Images.png(20, 20)), 403);
        assertProblem(send("POST", "/api/v1/admin/stories/" + id + "/status", writer, "{\"action\":\"submit\"}"), 403);
    }

    @Test
    void unknownRevokedAndDisabledAccountsTokensAreUnauthorized() {
        var member = new Staff(accounts).member(Role.EDITOR);
        var client = member.signIn(port);
        var token = Tokens.issue(client, "Soon revoked", "read");
        var other = Tokens.issue(client, "Account disabled", "read");
        assertThat(send("GET", "/api/v1/admin/stories/1", token, null).statusCode()).isIn(200, 404);

        var none = site.send(HttpRequest.newBuilder(site.uri("/api/v1/admin/stories/1")).GET());
        assertProblem(none, 401);
        assertThat(none.headers().firstValue("WWW-Authenticate").orElseThrow()).startsWith("Bearer");
        assertProblem(send("GET", "/api/v1/admin/stories/1", "mh_" + "A".repeat(43), null), 401);

        var row = java.util.Arrays.stream(client.get("/newsroom/account").body().split("<tr>"))
                .filter(r -> r.contains("Soon revoked")).findFirst().orElseThrow();
        var matcher = Pattern.compile("/newsroom/account/tokens/(\\d+)/revoke").matcher(row);
        assertThat(matcher.find()).isTrue();
        assertThat(client.post("/newsroom/account/tokens/" + matcher.group(1) + "/revoke", java.util.Map.of()).statusCode())
                .isEqualTo(302);
        var revoked = send("GET", "/api/v1/admin/stories/1", token, null);
        assertProblem(revoked, 401);
        assertThat(revoked.headers().firstValue("WWW-Authenticate").orElseThrow()).contains("invalid_token");

        assertThat(send("GET", "/api/v1/admin/stories/1", other, null).statusCode()).isIn(200, 404);
        accounts.setEnabled(member.id(), false, "test");
        assertProblem(send("GET", "/api/v1/admin/stories/1", other, null), 401);
    }

    @Test
    void aContributorsTokenWritesAndSubmitsButCannotPublish() {
        var contributor = new Staff(accounts).member(Role.CONTRIBUTOR);
        var token = Tokens.issue(contributor.signIn(port), "Stringer", "read", "write", "publish");
        long id = read(send("POST", "/api/v1/admin/stories", token,
                "{\"section\":\"" + section + "\",\"sourceLanguage\":\"uk\"}")).path("id").asLong();
        assertThat(send("PUT", "/api/v1/admin/stories/" + id + "/uk", token,
                "{\"basedOnRevision\":0,\"headline\":\"Новина\",\"body\":[{\"type\":\"paragraph\",\"text\":\"Текст.\"}]}")
                .statusCode()).isEqualTo(200);

        assertProblem(send("POST", "/api/v1/admin/stories/" + id + "/status", token, "{\"action\":\"publish\"}"), 403);
        assertThat(stories.details(id).orElseThrow().firstPublishedAt()).isNull();
        var submitted = send("POST", "/api/v1/admin/stories/" + id + "/status", token, "{\"action\":\"submit\"}");
        assertThat(submitted.statusCode()).isEqualTo(200);
        assertThat(read(submitted).path("status").asString()).isEqualTo("in_review");
        assertProblem(send("POST", "/api/v1/admin/stories/" + id + "/status", token, "{\"action\":\"publish\"}"), 403);
    }

    @Test
    void aSaveBasedOnAStaleRevisionIsAConflictNamingTheCurrentOne() {
        var token = Tokens.issue(new Staff(accounts).member(Role.EDITOR).signIn(port), "Desk", "write");
        long id = read(send("POST", "/api/v1/admin/stories", token,
                "{\"section\":\"" + section + "\",\"sourceLanguage\":\"en\"}")).path("id").asLong();
        var body = "{\"basedOnRevision\":0,\"headline\":\"First\",\"body\":[{\"type\":\"paragraph\",\"text\":\"One.\"}]}";
        assertThat(send("PUT", "/api/v1/admin/stories/" + id + "/en", token, body).statusCode()).isEqualTo(200);
        assertThat(send("PUT", "/api/v1/admin/stories/" + id + "/en", token, body.replace(":0", ":1")
                .replace("First", "Second")).statusCode()).isEqualTo(200);

        // a second writer who also started from revision 1 would overwrite "Second"
        var conflict = send("PUT", "/api/v1/admin/stories/" + id + "/en", token, body.replace(":0", ":1"));
        assertProblem(conflict, 409);
        assertThat(read(conflict).path("currentRevision").asInt()).isEqualTo(2);
    }

    @Test
    void badRequestsAreAnsweredWithProblemsNamingWhatToFix() {
        var token = Tokens.issue(new Staff(accounts).member(Role.EDITOR).signIn(port), "Desk", "read", "write", "publish");
        long id = read(send("POST", "/api/v1/admin/stories", token,
                "{\"section\":\"" + section + "\",\"sourceLanguage\":\"en\"}")).path("id").asLong();

        assertProblem(send("POST", "/api/v1/admin/stories", token, "{\"section\": "), 400);
        assertProblem(send("PUT", "/api/v1/admin/stories/" + id + "/en", token,
                "{\"basedOnRevision\":0,\"headline\":\"H\",\"body\":[{\"type\":\"marquee\",\"text\":\"x\"}]}"), 400);
        var language = send("PUT", "/api/v1/admin/stories/" + id + "/de", token,
                "{\"basedOnRevision\":0,\"headline\":\"H\",\"body\":[]}");
        assertProblem(language, 400);
        assertThat(read(language).path("field").asString()).isEqualTo("lang");
        var source = send("POST", "/api/v1/admin/stories", token, "{\"section\":\"" + section + "\",\"sourceLanguage\":\"de\"}");
        assertProblem(source, 400);
        assertThat(read(source).path("errors").get(0).path("field").asString()).isEqualTo("sourceLanguage");
        var missingSection = send("POST", "/api/v1/admin/stories", token, "{\"section\":\"no-such-section-x\",\"sourceLanguage\":\"en\"}");
        assertProblem(missingSection, 400);
        assertThat(read(missingSection).path("field").asString()).isEqualTo("section");
        var embed = send("PUT", "/api/v1/admin/stories/" + id + "/en", token,
                "{\"basedOnRevision\":0,\"headline\":\"H\",\"body\":[{\"type\":\"embed\",\"url\":\"javascript:alert(1)\"}]}");
        assertProblem(embed, 400);
        assertThat(read(embed).path("field").asString()).isEqualTo("body[0].url");
        var schedule = send("POST", "/api/v1/admin/stories/" + id + "/status", token, "{\"action\":\"schedule\"}");
        assertProblem(schedule, 400);
        assertThat(read(schedule).path("field").asString()).isEqualTo("at");
        assertProblem(send("GET", "/api/v1/admin/stories/999999999", token, null), 404);
        assertProblem(upload(token, "notes.png", "not an image at all".getBytes(StandardCharsets.UTF_8)), 422);

        // a body past the admin API's bound is refused unread when it says its length, and as soon as the bound is
        // passed when it comes in chunks; the story is left as it was
        var huge = "{\"basedOnRevision\":0,\"headline\":\"H\",\"body\":[{\"type\":\"paragraph\",\"text\":\""
                + "ж".repeat(RequestBodyLimit.DOCUMENT_BYTES / 2) + "\"}]}";
        var sized = send("PUT", "/api/v1/admin/stories/" + id + "/en", token, huge);
        assertProblem(sized, 413);
        assertThat(read(sized).path("title").asString()).isEqualTo("Request body too large");
        var chunked = site.send(HttpRequest.newBuilder(site.uri("/api/v1/admin/stories/" + id + "/en"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofInputStream(
                        () -> new java.io.ByteArrayInputStream(huge.getBytes(StandardCharsets.UTF_8)))));
        assertProblem(chunked, 413);
        assertThat(read(send("GET", "/api/v1/admin/stories/" + id, token, null)).toString()).doesNotContain("жжж");
    }

    @Test
    void searchFindsPublishedStoriesAndNeverDrafts() {
        var token = Tokens.issue(new Staff(accounts).member(Role.EDITOR).signIn(port), "Desk", "write", "publish");
        var word = "zeppelinword" + Fixtures.unique("").replaceAll("[^a-z0-9]", "");
        var draftWord = "blimpword" + Fixtures.unique("").replaceAll("[^a-z0-9]", "");
        long published = story(token, "Airship " + word, true);
        story(token, "Airship " + draftWord, false);
        relay.drain();

        var found = site.get("/api/v1/search?q=" + word + "&language=en&section=" + section);
        assertThat(found.statusCode()).isEqualTo(200);
        var body = read(found);
        assertThat(body.path("total").asLong()).isEqualTo(1);
        assertThat(body.path("items").get(0).path("id").asLong()).isEqualTo(published);
        assertThat(body.path("items").get(0).path("headline").asString()).contains(word);
        assertThat(read(site.get("/api/v1/search?q=" + draftWord + "&language=en")).path("total").asLong()).isZero();

        assertProblem(site.get("/api/v1/search?language=en"), 400);
        assertProblem(site.get("/api/v1/search?q=x"), 400);
        assertProblem(site.get("/api/v1/search?q=x&language=de"), 400);
        assertProblem(site.get("/api/v1/search?q=x&language=en&page=0"), 400);
        assertProblem(site.get("/api/v1/search?q=x&language=en&page=9999"), 400);
        assertProblem(site.get("/api/v1/search?q=x&language=en&section=no-such-section-x"), 400);
        assertProblem(site.get("/api/v1/search?q=x&language=en&sort=date"), 400);
    }

    @Test
    void adminsAndEditorsManageSectionsTagsAuthorsAndPagesThroughTheApiWithinTheirRoles() {
        var staff = new Staff(accounts);
        var admin = Tokens.issue(staff.member(Role.ADMIN).signIn(port), "Structure", "read", "write");
        var editor = Tokens.issue(staff.member(Role.EDITOR).signIn(port), "Tags", "read", "write");
        var reader = Tokens.issue(staff.member(Role.ADMIN).signIn(port), "Reader", "read");
        var slug = Fixtures.unique("section-api");
        var names = "{\"uk\":\"Наука %1$s\",\"en\":\"Science %1$s\",\"ru\":\"Наука %1$s\"}".formatted(slug);

        assertProblem(send("POST", "/api/v1/admin/sections", editor, "{\"name\":" + names + "}"), 403);
        assertProblem(send("POST", "/api/v1/admin/sections", reader, "{\"name\":" + names + "}"), 403);
        var created = send("POST", "/api/v1/admin/sections", admin, "{\"slug\":\"" + slug + "\",\"name\":" + names
                + ",\"description\":{\"en\":\"Labs and findings.\"}}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        long section = read(created).path("id").asLong();
        assertThat(read(created).path("urls").path("en").asString()).isEqualTo(BASE + "/en/" + slug + "/");
        assertThat(read(send("GET", "/api/v1/admin/sections", reader, null)).findValues("slug").stream()
                .map(JsonNode::asString)).contains(slug);

        var cyrillic = send("POST", "/api/v1/admin/sections", admin, "{\"slug\":\"наука\",\"name\":{\"uk\":\"a\",\"en\":\"b\",\"ru\":\"c\"}}");
        assertProblem(cyrillic, 400);
        assertThat(read(cyrillic).path("field").asString()).isEqualTo("slug");
        assertThat(read(cyrillic).path("detail").asString()).isEqualTo("Addresses are written in Latin letters: for example nauka.");
        var reserved = send("POST", "/api/v1/admin/sections", admin, "{\"slug\":\"newsroom\",\"name\":{\"uk\":\"a\",\"en\":\"b\",\"ru\":\"c\"}}");
        assertThat(read(reserved).path("detail").asString()).contains("site’s own addresses");
        var duplicate = send("POST", "/api/v1/admin/sections", admin, "{\"name\":" + names + "}");
        assertThat(read(duplicate).path("field").asString()).isEqualTo("name.uk");

        var renamed = send("PUT", "/api/v1/admin/sections/" + section, admin, "{\"slug\":\"" + slug + "-lab\",\"name\":"
                + names + "}");
        assertThat(renamed.statusCode()).isEqualTo(200);
        assertThat(site.get("/en/" + slug + "/").headers().firstValue("Location")).hasValue("/en/" + slug + "-lab/");
        new Fixtures(stories, taxonomy).story().inSection(section).in(org.masthead.platform.Language.EN, "Lab news").draft();
        var holding = send("DELETE", "/api/v1/admin/sections/" + section, admin, null);
        assertProblem(holding, 400);
        assertThat(read(holding).path("detail").asString()).contains("still holds 1 stories");

        var tag = send("POST", "/api/v1/admin/tags", editor, "{\"name\":{\"uk\":\"Лабораторії " + slug
                + "\",\"en\":\"Labs " + slug + "\",\"ru\":\"Лаборатории " + slug + "\"}}");
        assertThat(tag.statusCode()).isEqualTo(201);
        long tagId = read(tag).path("id").asLong();
        assertThat(read(tag).path("slug").asString()).isEqualTo("labs-" + slug);
        var self = send("POST", "/api/v1/admin/tags/" + tagId + "/merge", editor, "{\"intoId\":" + tagId + "}");
        assertProblem(self, 400);
        assertThat(read(self).path("field").asString()).isEqualTo("into");
        long survivor = read(send("POST", "/api/v1/admin/tags", editor, "{\"slug\":\"" + slug + "-science\",\"name\":"
                + "{\"uk\":\"Наука і " + slug + "\",\"en\":\"Science and " + slug + "\",\"ru\":\"Наука и " + slug + "\"}}"))
                .path("id").asLong();
        var merged = send("POST", "/api/v1/admin/tags/" + tagId + "/merge", editor, "{\"intoSlug\":\"" + slug + "-science\"}");
        assertThat(read(merged).path("id").asLong()).isEqualTo(survivor);
        assertThat(site.get("/en/tag/labs-" + slug).headers().firstValue("Location")).hasValue("/en/tag/" + slug + "-science");

        var gone = staff.member(Role.CONTRIBUTOR);
        accounts.setEnabled(gone.id(), false, "test");
        var author = "{\"name\":{\"uk\":\"Гість " + slug + "\",\"en\":\"Guest " + slug + "\",\"ru\":\"Гость " + slug
                + "\"},\"jobTitle\":{\"en\":\"Agency\"},\"links\":[\"https://agency.example/" + slug + "\"]";
        var disabled = send("POST", "/api/v1/admin/authors", editor, author + ",\"accountId\":" + gone.id() + "}");
        assertProblem(disabled, 400);
        assertThat(read(disabled).path("field").asString()).isEqualTo("account");
        var guest = send("POST", "/api/v1/admin/authors", editor, author + "}");
        assertThat(guest.statusCode()).isEqualTo(201);
        assertThat(read(guest).path("links").get(0).asString()).isEqualTo("https://agency.example/" + slug);
        assertProblem(send("POST", "/api/v1/admin/pages", editor, "{\"versions\":{}}"), 403);

        var page = send("POST", "/api/v1/admin/pages", admin, """
                {"inFooter": true, "versions": {
                  "en": {"slug": "%1$s-about", "title": "About %1$s", "body": [{"type": "paragraph", "text": "We report."}]},
                  "uk": {"title": "Про нас %1$s", "body": [{"type": "paragraph", "text": "Ми пишемо."}]}}}""".formatted(slug));
        assertThat(page.statusCode()).as(page.body()).isEqualTo(201);
        long pageId = read(page).path("id").asLong();
        assertThat(read(page).path("versions").path("uk").path("slug").asString()).isEqualTo("pro-nas-" + slug);
        assertThat(site.get("/en/" + slug + "-about").body()).contains("We report.");
        var moved = send("PUT", "/api/v1/admin/pages/" + pageId, admin, """
                {"versions": {"en": {"slug": "%1$s-who", "title": "About %1$s", "body": [{"type": "paragraph", "text": "We report."}]}}}"""
                .formatted(slug));
        assertThat(moved.statusCode()).isEqualTo(200);
        assertThat(site.get("/en/" + slug + "-about").headers().firstValue("Location")).hasValue("/en/" + slug + "-who");
        assertProblem(send("PUT", "/api/v1/admin/pages/" + pageId, admin, """
                {"versions": {"en": {"title": "x", "body": [{"type": "paragraph", "text": " "}]}}}"""), 400);
        assertThat(send("DELETE", "/api/v1/admin/pages/" + pageId, admin, null).statusCode()).isEqualTo(204);
        assertThat(site.get("/en/" + slug + "-who").statusCode()).isEqualTo(404);
        assertProblem(send("GET", "/api/v1/admin/pages/" + pageId, admin, null), 404);
        assertThat(audit.recent("tag.merge", null, 10)).extracting(AuditEntry::subject).contains("tag labs-" + slug);
    }

    @Test
    void theOpenApiDocumentDescribesTheAdminApiAndSearch() {
        var document = read(site.get("/api/v1/openapi.json"));
        var paths = document.path("paths");
        assertThat(paths.has("/api/v1/search")).isTrue();
        assertThat(paths.path("/api/v1/admin/stories").has("post")).isTrue();
        assertThat(paths.path("/api/v1/admin/stories/{id}/{lang}").has("put")).isTrue();
        assertThat(paths.path("/api/v1/admin/stories/{id}/status").has("post")).isTrue();
        assertThat(paths.path("/api/v1/admin/media").has("post")).isTrue();
        for (var kind : java.util.List.of("sections", "tags", "authors", "pages")) {
            assertThat(paths.path("/api/v1/admin/" + kind).has("get")).as(kind).isTrue();
            assertThat(paths.path("/api/v1/admin/" + kind).has("post")).as(kind).isTrue();
            assertThat(paths.path("/api/v1/admin/" + kind + "/{id}").has("put")).as(kind).isTrue();
            assertThat(paths.path("/api/v1/admin/" + kind + "/{id}").has("delete")).as(kind).isTrue();
        }
        assertThat(paths.path("/api/v1/admin/tags/{id}/merge").has("post")).isTrue();
        assertThat(paths.path("/api/v1/admin/stories/{id}").path("get").path("security").toString()).contains("token");
        assertThat(document.path("components").path("securitySchemes").path("token").path("scheme").asString())
                .isEqualTo("bearer");
    }

    private long story(String token, String headline, boolean publish) {
        long id = read(send("POST", "/api/v1/admin/stories", token,
                "{\"section\":\"" + section + "\",\"sourceLanguage\":\"en\"}")).path("id").asLong();
        send("PUT", "/api/v1/admin/stories/" + id + "/en", token, "{\"basedOnRevision\":0,\"headline\":\"" + headline
                + "\",\"body\":[{\"type\":\"paragraph\",\"text\":\"About airships.\"}]}");
        if (publish) {
            send("POST", "/api/v1/admin/stories/" + id + "/status", token, "{\"action\":\"submit\"}");
            assertThat(send("POST", "/api/v1/admin/stories/" + id + "/status", token, "{\"action\":\"publish\"}")
                    .statusCode()).isEqualTo(200);
        }
        return id;
    }

    private HttpResponse<String> send(String method, String path, String token, @org.jspecify.annotations.Nullable String body) {
        var request = HttpRequest.newBuilder(site.uri(path)).header("Authorization", "Bearer " + token)
                .header("Accept", "application/json");
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        }
        return site.send(request);
    }

    private HttpResponse<String> upload(String token, String fileName, byte[] bytes, String... fields) {
        return site.upload("/api/v1/admin/media", token, fileName, bytes, fields);
    }

    private JsonNode read(HttpResponse<String> response) {
        return json.readTree(response.body());
    }

    private void assertProblem(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(read(response).path("status").asInt()).isEqualTo(status);
    }
}
