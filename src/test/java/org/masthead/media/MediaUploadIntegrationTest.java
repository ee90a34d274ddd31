package org.masthead.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.masthead.identity.Accounts;
import org.masthead.identity.Role;
import org.masthead.platform.Language;
import org.masthead.support.Fixtures;
import org.masthead.support.HtmlValidator;
import org.masthead.support.Images;
import org.masthead.support.MastheadTest;
import org.masthead.support.Staff;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

@MastheadTest
class MediaUploadIntegrationTest {

    @LocalServerPort
    int port;

    @Autowired
    Accounts accounts;

    @Autowired
    MediaLibrary media;

    @Autowired
    javax.sql.DataSource dataSource;

    @Test
    void uploadedJpegLosesItsExifGpsAndCommentInEveryStoredVariant() throws IOException {
        var client = new Staff(accounts).member(Role.CONTRIBUTOR).signIn(port);
        client.get("/newsroom/media");
        var gps = Fixtures.unique("gps");
        var serial = Fixtures.unique("serial");
        var response = client.upload("/newsroom/media", "photo.jpg", Images.jpegWithMetadata(1000, 600, gps, serial));

        assertThat(response.statusCode()).isEqualTo(302);
        long id = Long.parseLong(response.headers().firstValue("Location").orElseThrow().replaceAll(".*/media/", ""));
        var asset = media.find(id).orElseThrow();
        assertThat(asset.variants()).extracting(MediaAsset.Variant::width).contains(400, 800, 1000);
        for (var variant : asset.variants()) {
            byte[] bytes;
            try (var in = media.image(id, variant.width()).orElseThrow().open()) {
                bytes = in.readAllBytes();
            }
            var stored = new String(bytes, StandardCharsets.ISO_8859_1);
            assertThat(stored).doesNotContain("Exif", gps, serial);
        }
        var page = client.get("/newsroom/media/" + id);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(HtmlValidator.errors(page.body())).isEmpty();
    }

    @Test
    void renamedFileIsRefusedWithTheReasonNextToTheField() {
        var client = new Staff(accounts).member(Role.EDITOR).signIn(port);
        client.get("/newsroom/media");
        var response = client.upload("/newsroom/media", "photo.jpg", Images.png(50, 50));
        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(response.body()).contains("id=\"file-error\"");
        assertThat(HtmlValidator.errors(response.body())).isEmpty();
    }

    @Test
    void webpUploadIsDecodedAndStoredAsJpeg() {
        var client = new Staff(accounts).member(Role.TRANSLATOR).signIn(port);
        client.get("/newsroom/media");
        var response = client.upload("/newsroom/media", "pixel.webp", Images.WEBP);
        assertThat(response.statusCode()).isEqualTo(302);
        long id = Long.parseLong(response.headers().firstValue("Location").orElseThrow().replaceAll(".*/media/", ""));
        assertThat(media.find(id).orElseThrow().contentType()).isEqualTo("image/jpeg");
    }

    @Test
    void textsPerLanguageAreSavedAndSearchable() {
        var client = new Staff(accounts).member(Role.EDITOR).signIn(port);
        var item = media.upload(Images.png(60, 40), "chart.png", "test");
        var caption = Fixtures.unique("Caption");
        client.get("/newsroom/media/" + item.id());
        var ukrainian = Fixtures.unique("Підпис");
        var saved = client.post("/newsroom/media/" + item.id(), Map.of("uk.caption", ukrainian, "uk.credit", "Фото: редакція",
                "uk.alt", "Графік", "en.caption", caption, "en.credit", "Photo: newsroom", "en.alt", "A chart"));
        assertThat(saved.statusCode()).isEqualTo(302);
        assertThat(media.item(item.id()).orElseThrow().text(Language.EN).complete()).isTrue();
        assertThat(media.search(caption.toLowerCase(), 0, 10)).extracting(MediaItem::id).containsExactly(item.id());
        // case folding works in every script, not only in ASCII
        assertThat(media.search(ukrainian.toUpperCase(), 0, 10)).extracting(MediaItem::id).containsExactly(item.id());
        var library = client.get("/newsroom/media?q=" + caption);
        assertThat(library.body()).contains(caption);
        assertThat(HtmlValidator.errors(library.body())).isEmpty();
    }

    @Test
    void adminWithoutAWritingRoleCannotUpload() {
        var client = new Staff(accounts).member(Role.ADMIN).signIn(port);
        client.get("/newsroom/media");
        assertThat(client.upload("/newsroom/media", "photo.png", Images.png(20, 20)).statusCode()).isEqualTo(403);
    }

    @Test
    void aMediaDiskThatCannotBeWrittenGivesAClearErrorAndLeavesNothingBehind(@org.springframework.beans.factory.annotation.Value("${masthead.media.directory}") java.nio.file.Path root)
            throws IOException {
        var aside = root.resolveSibling(root.getFileName() + "-aside");
        var jdbc = org.springframework.jdbc.core.simple.JdbcClient.create(dataSource);
        int before = jdbc.sql("select count(*) from media_asset").query(Integer.class).single();
        java.nio.file.Files.createDirectories(root);
        java.nio.file.Files.move(root, aside);
        java.nio.file.Files.writeString(root, "a file where the media folder should be: every write fails");
        try {
            var client = new Staff(accounts).member(Role.EDITOR).signIn(port);
            client.get("/newsroom/media");
            var refused = client.upload("/newsroom/media", "photo.png", Images.png(640, 480));
            assertThat(refused.statusCode()).isEqualTo(422);
            assertThat(refused.body()).contains("media disk is full or cannot be written");
            assertThat(jdbc.sql("select count(*) from media_asset").query(Integer.class).single()).isEqualTo(before);
        } finally {
            java.nio.file.Files.delete(root);
            java.nio.file.Files.move(aside, root);
        }
        try (var left = java.nio.file.Files.walk(root)) {
            assertThat(left.filter(p -> p.toString().endsWith(".part"))).isEmpty();
        }
    }

    @Test
    void anUploadWhoseFileNameCannotBeReadIsTheClientsMistakeNotAServerError() {
        var client = new Staff(accounts).member(Role.EDITOR).signIn(port);
        client.get("/newsroom/media");
        var refused = client.upload("/newsroom/media", "photo\u0000.png", Images.png(20, 20));
        assertThat(refused.statusCode()).isEqualTo(400);
    }
}
