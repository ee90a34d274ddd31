package org.masthead.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.masthead.platform.Language.EN;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.masthead.content.Block;
import org.masthead.content.RichText;
import org.masthead.content.Stories;
import org.masthead.content.Taxonomy;
import org.masthead.identity.Accounts;
import org.masthead.identity.Role;
import org.masthead.support.Images;
import org.masthead.support.MastheadTest;
import org.masthead.support.Fixtures;
import org.masthead.support.NewsroomClient;
import org.masthead.support.S3Server;
import org.masthead.support.SiteClient;
import org.masthead.support.Staff;
import org.masthead.support.Tokens;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Images in a bucket of a real S3-compatible server (s3proxy, started here): variants made once and stored in the
 * bucket, served streamed with the bucket's entity tag and a year's cache lifetime, crops made once and kept there;
 * while the bucket cannot be reached uploads through the newsroom and the admin API are refused with a clear message
 * and nothing stored, images this node has already served keep being served from its memory, stories and feeds that
 * show images are still published and answer, and everything works again once it is back, with no restart.
 */
@MastheadTest
@ExtendWith(OutputCaptureExtension.class)
class S3MediaStoreIntegrationTest {

    static final S3Server S3 = S3Server.start();
    static final String BUCKET = "masthead-images";

    @DynamicPropertySource
    static void bucket(DynamicPropertyRegistry registry) {
        for (var setting : S3.settings(BUCKET)) {
            var pair = setting.substring(2).split("=", 2);
            registry.add(pair[0], () -> pair[1]);
        }
    }

    @AfterAll
    static void stop() throws Exception {
        S3.close();
    }

    @LocalServerPort int port;
    @Autowired Accounts accounts;
    @Autowired JdbcClient jdbc;
    @Autowired MediaProperties properties;
    @Autowired Stories stories;
    @Autowired Taxonomy taxonomy;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void anUploadIsStoredInTheBucketOnceInEveryWidthAndServedWithTheBucketsEntityTag() throws Exception {
        long id = upload(editor(), 1000, 600);
        assertThat(S3.keys(BUCKET)).contains(id + "/400.jpg", id + "/800.jpg", id + "/1000.jpg");
        publish(id);

        var served = get("/media/" + id + "/800.jpg");
        assertThat(served.statusCode()).isEqualTo(200);
        assertThat(served.headers().firstValue("Content-Type")).hasValue("image/jpeg");
        assertThat(served.headers().firstValue("Cache-Control").orElseThrow()).contains("max-age=31536000", "public", "immutable");
        try (var s3 = S3.client()) {
            var stored = s3.getObjectAsBytes(request -> request.bucket(BUCKET).key(id + "/800.jpg"));
            assertThat(served.body()).isEqualTo(stored.asByteArray());
            assertThat(served.headers().firstValue("ETag")).hasValue(stored.response().eTag());
        }
        var again = get("/media/" + id + "/800.jpg", "If-None-Match", served.headers().firstValue("ETag").orElseThrow());
        assertThat(again.statusCode()).isEqualTo(304);
        assertThat(again.body()).isEmpty();
    }

    @Test
    void aCropIsMadeOnceAndKeptInTheBucket() throws Exception {
        long id = upload(editor(), 1200, 900);
        publish(id);
        assertThat(S3.keys(BUCKET)).doesNotContain(id + "/16x9/800.jpg");

        var first = get("/media/" + id + "/16x9/800.jpg");
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(S3.keys(BUCKET)).contains(id + "/16x9/800.jpg");
        var second = get("/media/" + id + "/16x9/800.jpg");
        assertThat(second.body()).isEqualTo(first.body());
        assertThat(second.headers().firstValue("ETag")).isEqualTo(first.headers().firstValue("ETag"));
    }

    @Test
    void whileTheBucketCannotBeReachedUploadsAreRefusedAndServedImagesStayUntilItIsBackWithoutARestart(CapturedOutput output)
            throws Exception {
        var editor = editor();
        long id = upload(editor, 900, 600);
        publish(id);
        var before = get("/media/" + id + "/400.jpg");
        assertThat(before.statusCode()).isEqualTo(200);
        var token = Tokens.issue(editor, "wire", "write");
        int assets = jdbc.sql("select count(*) from media_asset").query(Integer.class).single();
        int variants = jdbc.sql("select count(*) from media_variant").query(Integer.class).single();
        var keys = S3.keys(BUCKET);

        S3.stop();
        try {
            var refused = editor.upload("/newsroom/media", "photo.png", Images.png(640, 480));
            assertThat(refused.statusCode()).isEqualTo(503);
            assertThat(refused.body()).contains("the image store cannot be reached. Nothing was kept");
            var api = new SiteClient(port).upload("/api/v1/admin/media", token, "photo.png", Images.png(640, 480),
                    "en.caption", "Never kept");
            assertThat(api.statusCode()).as(api.body()).isEqualTo(503);
            assertThat(api.headers().firstValue("Retry-After")).isPresent();
            assertThat(api.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                    assertThat(type).startsWith("application/problem+json"));
            assertThat(api.body()).contains("\"status\":503", "Image store unavailable", "Nothing was kept");
            assertThat(jdbc.sql("select count(*) from media_asset").query(Integer.class).single()).isEqualTo(assets);
            assertThat(jdbc.sql("select count(*) from media_variant").query(Integer.class).single()).isEqualTo(variants);
            assertThat(jdbc.sql("select count(*) from media_text where caption = 'Never kept'").query(Integer.class)
                    .single()).isZero();

            // a story showing the image is published, and its page and the feed are made, without the bucket
            var headline = Fixtures.unique("Harbour pictured");
            long story = new Fixtures(stories, taxonomy).story().in(EN, headline).body(
                    new Block.Paragraph("b1", "The harbour at dawn."),
                    new Block.Image("b2", id, RichText.EMPTY, "Wire Photo", "Boats in a harbour")).published();
            var site = new SiteClient(port);
            var moved = site.get("/en/any/any-" + story);
            assertThat(moved.statusCode()).isEqualTo(301);
            var page = site.get(URI.create(moved.headers().firstValue("Location").orElseThrow()).getPath());
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).contains(headline, "/media/" + id + "/");
            var feed = site.get("/en/feed/rss-full.xml");
            assertThat(feed.statusCode()).isEqualTo(200);
            assertThat(feed.body()).contains(headline, "/media/" + id + "/");

            var cached = get("/media/" + id + "/400.jpg");
            assertThat(cached.statusCode()).isEqualTo(200);
            assertThat(cached.body()).isEqualTo(before.body());
            var notYetMade = get("/media/" + id + "/1x1/400.jpg");
            assertThat(notYetMade.statusCode()).isEqualTo(503);
            assertThat(notYetMade.headers().firstValue("Retry-After")).isPresent();
            assertThat(notYetMade.headers().firstValue("Cache-Control")).hasValue("no-store");
        } finally {
            S3.restart();
        }
        assertThat(S3.keys(BUCKET)).containsExactlyInAnyOrderElementsOf(keys);

        long next = upload(editor, 640, 480);
        assertThat(S3.keys(BUCKET)).contains(next + "/400.jpg", next + "/640.jpg");
        assertThat(get("/media/" + id + "/1x1/400.jpg").statusCode()).isEqualTo(200);
        assertThat(output.getAll()).as("the secret key is never logged").doesNotContain(S3.secretKey())
                .contains("Cannot store ", "in the bucket " + BUCKET + " at " + S3.endpoint());
        assertThat(properties.s3().toString()).doesNotContain(S3.secretKey());
    }

    private NewsroomClient editor() {
        var client = new Staff(accounts).member(Role.EDITOR).signIn(port);
        client.get("/newsroom/media");
        return client;
    }

    private static long upload(NewsroomClient client, int width, int height) {
        var response = client.upload("/newsroom/media", "photo.png", Images.png(width, height));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(302);
        return Long.parseLong(response.headers().firstValue("Location").orElseThrow().replaceAll(".*/media/", ""));
    }

    /** As a published story showing it would: from then on anyone may load it. */
    private void publish(long id) {
        jdbc.sql("update media_asset set published_at = 1 where id = :id").param("id", id).update();
    }

    private HttpResponse<byte[]> get(String path, String... headers) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET();
        if (headers.length > 0) {
            request.headers(headers);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }
}
