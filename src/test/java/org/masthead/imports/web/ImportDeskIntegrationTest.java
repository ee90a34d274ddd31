package org.masthead.imports.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.masthead.content.Stories;
import org.masthead.identity.Accounts;
import org.masthead.identity.Role;
import org.masthead.imports.ImportsProperties;
import org.masthead.support.MastheadTest;
import org.masthead.support.NewsroomClient;
import org.masthead.support.Staff;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

@MastheadTest
class ImportDeskIntegrationTest {

    private static final Pattern RUN = Pattern.compile("/newsroom/admin/imports/(\\d+)$");

    @LocalServerPort int port;
    @Autowired Accounts accounts;
    @Autowired Stories stories;
    @Autowired JdbcClient jdbc;
    @Autowired ImportsProperties properties;
    @Autowired JsonMapper json;

    private NewsroomClient admin() {
        var client = new Staff(accounts).member(Role.ADMIN).signIn(port);
        client.get("/newsroom/admin/imports");
        return client;
    }

    /** The fixture export with its site's host replaced, so that each test imports a site of its own. */
    private byte[] fixture(String host) throws IOException {
        try (var in = getClass().getResourceAsStream("/imports/wordpress-wpml.xml")) {
            // its pages' slugs too: a page's slug is the newsroom's one address for it
            var own = host.replaceAll("[^a-z0-9]", "");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("https://ledger.example", host)
                    .replace("about-the-ledger", "about-" + own).replace("pro-ledger", "pro-" + own)
                    .getBytes(StandardCharsets.UTF_8);
        }
    }

    /** Posts the import form as a browser does: the token and options first, then the file. */
    private static HttpResponse<String> upload(NewsroomClient client, List<Map.Entry<String, String>> fields, String fileName,
            InputStream file) {
        var boundary = "----import" + System.nanoTime();
        var head = new StringBuilder();
        for (var field : fields) {
            head.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"").append(field.getKey())
                    .append("\"\r\n\r\n").append(field.getValue()).append("\r\n");
        }
        head.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"file\"; filename=\"")
                .append(fileName).append("\"\r\nContent-Type: text/xml\r\n\r\n");
        var tail = "\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"after\"\r\n\r\nignored\r\n--" + boundary + "--\r\n";
        var body = new SequenceInputStream(Collections.enumeration(List.of(
                new java.io.ByteArrayInputStream(head.toString().getBytes(StandardCharsets.UTF_8)), file,
                new java.io.ByteArrayInputStream(tail.getBytes(StandardCharsets.UTF_8)))));
        return client.send(HttpRequest.newBuilder(client.uri("/newsroom/admin/imports"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> body)));
    }

    private static List<Map.Entry<String, String>> form(NewsroomClient client, String... more) {
        var fields = new ArrayList<Map.Entry<String, String>>();
        fields.add(Map.entry("_csrf", client.csrf()));
        fields.add(Map.entry("source", "wordpress"));
        for (int i = 0; i < more.length; i += 2) {
            fields.add(Map.entry(more[i], more[i + 1]));
        }
        return fields;
    }

    private int runs() {
        return jdbc.sql("select count(*) from import_run").query(Integer.class).single();
    }

    private List<String> uploadsLeft() throws IOException {
        if (!Files.isDirectory(properties.directory())) {
            return List.of();
        }
        try (var files = Files.list(properties.directory())) {
            return files.map(f -> f.getFileName().toString()).toList();
        }
    }

    private Map<?, ?> progress(NewsroomClient client, long run) {
        var response = client.get("/newsroom/admin/imports/" + run + "/progress");
        assertThat(response.statusCode()).isEqualTo(200);
        return json.readValue(response.body(), Map.class);
    }

    private long started(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(303);
        var m = RUN.matcher(response.headers().firstValue("Location").orElseThrow());
        assertThat(m.find()).isTrue();
        return Long.parseLong(m.group(1));
    }

    private void awaitEnd(NewsroomClient client, long run) {
        await().atMost(Duration.ofSeconds(60)).until(() -> Boolean.TRUE.equals(progress(client, run).get("ended")));
    }

    @Test
    void anAdminUploadsAnExportFollowsItsProgressAndReadsAndDownloadsTheReport() throws IOException {
        var client = admin();
        assertThat(client.get("/newsroom/admin/imports").body()).contains("enctype=\"multipart/form-data\"", "name=\"dryRun\"");
        int before = stories.count();

        long run = started(upload(client, form(client, "permalinks", "/%year%/%monthnum%/%day%/%postname%/"),
                "ledger.xml", new java.io.ByteArrayInputStream(fixture("https://desk-a.example"))));
        var first = progress(client, run);
        assertThat(first.keySet().stream().map(String::valueOf).toList()).contains("status", "total", "done", "percent", "itemsPerSecond", "secondsLeft", "text");
        awaitEnd(client, run);

        var ended = progress(client, run);
        assertThat(ended.get("status")).isEqualTo("finished");
        assertThat(ended.get("percent")).isEqualTo(100);
        assertThat((Integer) ended.get("done")).isEqualTo((Integer) ended.get("total")).isPositive();
        assertThat(stories.count()).isGreaterThan(before);
        assertThat(uploadsLeft()).as("the upload is deleted once imported").isEmpty();

        var page = client.get("/newsroom/admin/imports/" + run);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("ledger.xml", "post 101", "report.csv", "report.json").doesNotContain("data-import-progress");
        var failedOnly = client.get("/newsroom/admin/imports/" + run + "?outcome=skipped");
        assertThat(failedOnly.body()).contains("comments are not brought in").doesNotContain("post 101");

        var csv = client.get("/newsroom/admin/imports/" + run + "/report.csv");
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
        assertThat(csv.headers().firstValue("Content-Disposition").orElseThrow()).contains("attachment");
        var rows = csv.body().split("\r\n");
        assertThat(rows[0]).isEqualTo("source_id,type,outcome,target,reason");
        assertThat(rows).anySatisfy(row -> assertThat(row).startsWith("post 101,post,imported,story "));

        var report = json.readValue(client.get("/newsroom/admin/imports/" + run + "/report.json").body(), Map.class);
        var counts = (Map<?, ?>) report.get("counts");
        var items = (List<?>) report.get("items");
        assertThat(items).hasSize(rows.length - 1);
        assertThat((Integer) counts.get("IMPORTED")).isPositive();
        assertThat(items).anySatisfy(item -> assertThat(((Map<?, ?>) item).get("sourceId")).isEqualTo("post 101"));

        // the same file again: nothing twice
        long again = started(upload(client, form(client), "ledger.xml", new java.io.ByteArrayInputStream(fixture("https://desk-a.example"))));
        awaitEnd(client, again);
        int storiesAfter = stories.count();
        var second = json.readValue(client.get("/newsroom/admin/imports/" + again + "/report.json").body(), Map.class);
        assertThat(((Map<?, ?>) second.get("counts")).get("IMPORTED")).isEqualTo(0);
        assertThat(stories.count()).isEqualTo(storiesAfter);
        assertThat(client.get("/newsroom/admin/imports").body()).contains("/newsroom/admin/imports/" + again);
    }

    @Test
    void aDryRunFromThePageWritesNothing() throws IOException {
        var client = admin();
        int before = stories.count();
        long run = started(upload(client, form(client, "dryRun", "on"), "dry.xml",
                new java.io.ByteArrayInputStream(fixture("https://desk-dry.example"))));
        awaitEnd(client, run);
        assertThat(progress(client, run).get("status")).isEqualTo("finished");
        assertThat(stories.count()).isEqualTo(before);
        assertThat(jdbc.sql("select count(*) from import_item where site = 'https://desk-dry.example'").query(Integer.class)
                .single()).isZero();
        assertThat(client.get("/newsroom/admin/imports/" + run).body()).contains("post 101");
    }

    @Test
    void aFileThatIsNotAnExportEndsAsAFailedRunSayingWhere() throws IOException {
        var client = admin();
        var broken = new String(fixture("https://desk-broken.example"), StandardCharsets.UTF_8)
                .replace("<wp:post_id>107</wp:post_id>", "<wp:post_id>107</wp:postid>");
        long run = started(upload(client, form(client), "broken.xml",
                new java.io.ByteArrayInputStream(broken.getBytes(StandardCharsets.UTF_8))));
        awaitEnd(client, run);
        assertThat(progress(client, run).get("status")).isEqualTo("failed");
        assertThat(client.get("/newsroom/admin/imports/" + run).body()).containsPattern("Not well-formed XML at line \\d+, column \\d+");
        assertThat(client.get("/newsroom/admin/imports/" + run + "/report.csv").body()).isEqualTo("source_id,type,outcome,target,reason\r\n");
        assertThat(uploadsLeft()).isEmpty();
    }

    @Test
    void anUploadPastTheLimitIsRefusedAndNothingOfItIsKept() throws IOException {
        var client = admin();
        int before = runs();
        long limit = properties.maxUploadSize().toBytes();
        var huge = new InputStream() {
            long left = limit + 1;

            @Override
            public int read() {
                return left-- > 0 ? 'x' : -1;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (left <= 0) {
                    return -1;
                }
                int n = (int) Math.min(len, left);
                java.util.Arrays.fill(b, off, off + n, (byte) 'x');
                left -= n;
                return n;
            }
        };
        var response = upload(client, form(client), "huge.xml", huge);
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.body()).contains("8 MB");
        assertThat(runs()).isEqualTo(before);
        assertThat(uploadsLeft()).isEmpty();
    }

    @Test
    void onlyAnAdminWithTheFormsTokenCanUpload() throws IOException {
        int before = runs();
        var editor = new Staff(accounts).member(Role.EDITOR).signIn(port);
        editor.get("/newsroom");
        assertThat(upload(editor, form(editor), "x.xml", new java.io.ByteArrayInputStream(fixture("https://desk-editor.example")))
                .statusCode()).isEqualTo(403);
        var admin = admin();
        var noToken = form(admin);
        noToken.removeFirst();
        assertThat(upload(admin, noToken, "x.xml", new java.io.ByteArrayInputStream(fixture("https://desk-token.example")))
                .statusCode()).isEqualTo(403);
        var wrongToken = form(admin);
        wrongToken.set(0, Map.entry("_csrf", "not-the-token"));
        assertThat(upload(admin, wrongToken, "x.xml", new java.io.ByteArrayInputStream(fixture("https://desk-token.example")))
                .statusCode()).isEqualTo(403);
        assertThat(editor.get("/newsroom/admin/imports").statusCode()).isEqualTo(403);
        assertThat(runs()).isEqualTo(before);
        assertThat(uploadsLeft()).isEmpty();
    }

    /** The fixture's images in a folder {@code name} under the allowed media root. */
    private java.nio.file.Path mediaFolder(String name) throws IOException {
        var folder = properties.mediaRoots().getFirst().resolve(name);
        Files.createDirectories(folder.resolve("2025/10"));
        Files.write(folder.resolve("2025/10/kaniv-lock-night.jpg"), org.masthead.support.Images.jpeg(64, 48));
        Files.write(folder.resolve("2025/10/silo.png"), org.masthead.support.Images.png(40, 30));
        Files.createDirectories(folder.resolve("2019/06"));
        Files.write(folder.resolve("2019/06/hoverla-trail.jpg"), org.masthead.support.Images.jpeg(80, 60));
        return folder;
    }

    @Test
    void imagesComeFromAFolderOfTheServerUnderAnAllowedRoot() throws IOException {
        var client = admin();
        assertThat(client.get("/newsroom/admin/imports").body()).contains("name=\"media\"",
                properties.mediaRoots().getFirst().toString());
        var folder = mediaFolder("desk-media");

        // named with a detour that resolves inside the root
        long run = started(upload(client, form(client, "media", folder.resolve("2025/..").toString()), "media.xml",
                new java.io.ByteArrayInputStream(fixture("https://desk-media.example"))));
        awaitEnd(client, run);

        var report = json.readValue(client.get("/newsroom/admin/imports/" + run + "/report.json").body(), Map.class);
        var images = ((List<?>) report.get("items")).stream().map(Map.class::cast).filter(i -> i.get("type").equals("image")).toList();
        assertThat(images).isNotEmpty().allSatisfy(i -> assertThat(i.get("outcome")).as(String.valueOf(i)).isEqualTo("IMPORTED"));
    }

    @Test
    void aMediaFolderOutsideTheAllowedRootsIsRefusedWithItsErrorAndNothingStarts() throws IOException {
        var client = admin();
        var root = properties.mediaRoots().getFirst();
        var outside = Files.createTempDirectory("outside-media");
        Files.createDirectories(root);
        var link = root.resolve("link-out");
        Files.deleteIfExists(link);
        Files.createSymbolicLink(link, outside);
        int before = runs();
        for (var path : List.of(outside.toString(), root.resolve("../..").toString(), link.toString(), "relative/uploads",
                root.resolve("no-such-folder").toString())) {
            var response = upload(client, form(client, "media", path), "refused.xml",
                    new java.io.ByteArrayInputStream(fixture("https://desk-refused.example")));
            assertThat(response.statusCode()).as(path).isEqualTo(400);
            assertThat(response.body()).as(path).contains("media-error", "aria-invalid=\"true\"");
        }
        assertThat(runs()).isEqualTo(before);
        assertThat(jdbc.sql("select count(*) from import_item where site = 'https://desk-refused.example'").query(Integer.class)
                .single()).isZero();
    }

    @Test
    void aFormWithoutAFileIsShownAgainWithItsError() {
        var client = admin();
        var response = client.post("/newsroom/admin/imports", List.of(Map.entry("source", "ghost"), Map.entry("language", "xx")));
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("file-error", "language-error");
    }
}
