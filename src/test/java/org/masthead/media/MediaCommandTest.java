package org.masthead.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.masthead.support.S3Server;
import software.amazon.awssdk.core.sync.RequestBody;

/**
 * {@code ./masthead media migrate} against a real S3-compatible server: every file of a disk store ends up in the
 * bucket under the same key with the same bytes, a second run sends only what changed, and a bucket that cannot
 * be reached fails the command with nothing claimed as verified.
 */
class MediaCommandTest {

    static final S3Server S3 = S3Server.start();

    @AfterAll
    static void stop() throws Exception {
        S3.close();
    }

    @TempDir Path media;

    @Test
    void copiesEveryFileOfTheDiskStoreIntoTheBucketAndVerifiesIt() throws Exception {
        var bucket = "migrated";
        write("46/400.jpg", "variant 400");
        write("46/1200.jpg", "original");
        write("46/16x9/400.jpg", "crop");
        write("47/400.jpg", "another");
        Files.writeString(media.resolve("47/upload123.part"), "half written");

        var first = migrate(bucket);
        assertThat(first.exit()).as(first.err()).isZero();
        assertThat(first.out()).contains("Copied 4, already there 0, verified 4 of 4", "masthead.media.store=s3");
        assertThat(S3.keys(bucket)).containsExactlyInAnyOrder("46/400.jpg", "46/1200.jpg", "46/16x9/400.jpg", "47/400.jpg");
        try (var s3 = S3.client()) {
            assertThat(s3.getObjectAsBytes(r -> r.bucket(bucket).key("46/16x9/400.jpg")).asUtf8String()).isEqualTo("crop");
            // an object that differs from the disk, and a file added since the first run
            s3.putObject(r -> r.bucket(bucket).key("47/400.jpg"), RequestBody.fromString("damaged"));
        }
        write("48/400.jpg", "new since");

        var second = migrate(bucket);
        assertThat(second.exit()).as(second.err()).isZero();
        assertThat(second.out()).contains("Copied 2, already there 3, verified 5 of 5");
        try (var s3 = S3.client()) {
            assertThat(s3.getObjectAsBytes(r -> r.bucket(bucket).key("47/400.jpg")).asUtf8String()).isEqualTo("another");
        }
        assertThat(first.out() + first.err() + second.out() + second.err()).doesNotContain(S3.secretKey());
    }

    @Test
    void aBucketThatCannotBeReachedFailsTheCommand() throws Exception {
        write("46/400.jpg", "variant");
        var settings = new ArrayList<>(S3.settings("unreachable"));
        settings.replaceAll(setting -> setting.replace(S3.endpoint(), "http://127.0.0.1:9"));

        var run = run(settings);

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err()).contains("Not migrated: 46/400.jpg", "1 files are not in the bucket");
        assertThat(run.out()).doesNotContain("Every file is in the bucket");
    }

    @Test
    void anUnknownCommandIsAUsageError() {
        var run = run(List.of(), "media", "copy");
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("usage: ./masthead media migrate");
    }

    private record Run(int exit, String out, String err) {
    }

    private Run migrate(String bucket) {
        return run(S3.settings(bucket));
    }

    private Run run(List<String> settings) {
        return run(settings, "media", "migrate");
    }

    private Run run(List<String> settings, String... command) {
        var args = new ArrayList<>(List.of(command));
        args.add("--masthead.media.directory=" + media);
        args.addAll(settings);
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        int exit = MediaCommand.run(args.toArray(String[]::new), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private void write(String key, String content) throws Exception {
        var file = media.resolve(key);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
    }
}
