package org.masthead;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The set-up of {@code ./masthead test} (scripts/test-needs.sh), run for real by bash on a PATH made for
 * each case: without a Chromium and without the right to install one it stops with one line saying what
 * to install; it never lets the browser tests go on without one.
 */
class TestNeedsTest {

    @TempDir Path bin;

    @Test
    void withoutChromiumAndWithoutInstallingItStopsWithOneLineSayingWhatToInstall() throws Exception {
        var run = needs(Map.of("MASTHEAD_TEST_INSTALL", "no"), "check_test_needs");

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.errors()).hasSize(1);
        assertThat(run.errors().getFirst()).startsWith("./masthead test: the browser tests need Chromium")
                .contains("apt-get install chromium chromium-driver", "MASTHEAD_CHROMIUM");
    }

    @Test
    void aChromiumOnThePathIsFoundAndHandedToTheTests() throws Exception {
        var chromium = executable("chromium");

        var run = needs(Map.of("MASTHEAD_TEST_INSTALL", "no", "MASTHEAD_FEEDPARSER_PYTHON", executable("python3").toString()),
                "check_test_needs && echo \"$MASTHEAD_CHROMIUM\"");

        assertThat(run.exit()).isZero();
        assertThat(run.output()).containsExactly(chromium.toString());
        assertThat(run.errors()).containsExactly("./masthead test: MASTHEAD_TEST_POSTGRES_URL=off: the tests run on SQLite only.");
    }

    @Test
    void aFileThatIsNotExecutableIsNoChromium() throws Exception {
        Files.writeString(bin.resolve("chromium"), "");

        assertThat(needs(Map.of("MASTHEAD_TEST_INSTALL", "no"), "need_chromium").exit()).isEqualTo(1);
        assertThat(needs(Map.of("MASTHEAD_CHROMIUM", bin.resolve("chromium").toString()), "need_chromium").errors())
                .singleElement().asString().contains("is not an executable file");
    }

    @Test
    void mavenArgumentsThatLeaveOutTheBrowserTestsNeedNoChromium() throws Exception {
        var run = needs(Map.of("MASTHEAD_TEST_INSTALL", "no", "MASTHEAD_FEEDPARSER_PYTHON", executable("python3").toString()),
                "check_test_needs -Dtest=SlugsTest -Dit.test=None");

        assertThat(run.exit()).isZero();
    }

    @Test
    void aPythonWithoutFeedparserStopsTheRunSayingWhatToInstall() throws Exception {
        executable("chromium");
        var python = bin.resolve("python3");
        Files.writeString(python, "#!/bin/sh\nexit 1\n");
        Files.setPosixFilePermissions(python, PosixFilePermissions.fromString("rwxr-xr-x"));

        var run = needs(Map.of("MASTHEAD_TEST_INSTALL", "no", "MASTHEAD_FEEDPARSER_PYTHON", python.toString()),
                "check_test_needs");

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.errors()).singleElement().asString()
                .startsWith("./masthead test: the feed tests read feeds back with feedparser")
                .contains("apt-get install python3-feedparser");
    }

    @Test
    void aVarnishdThatIsNotExecutableStopsTheRunSayingSo() throws Exception {
        Files.writeString(bin.resolve("varnishd"), "");

        var run = needs(Map.of("MASTHEAD_TEST_INSTALL", "no", "MASTHEAD_VARNISHD", bin.resolve("varnishd").toString()),
                "need_varnish");

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.errors()).singleElement().asString().contains("MASTHEAD_VARNISHD", "is not an executable file");
    }

    private Path executable(String name) throws IOException {
        var file = bin.resolve(name);
        Files.writeString(file, "#!/bin/sh\nexit 0\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
        return file;
    }

    /** Runs {@code script} after sourcing the needs, with only {@link #bin} on the PATH. */
    private Run needs(Map<String, String> environment, String script) throws Exception {
        var process = new ProcessBuilder("/bin/bash", "-c", "source scripts/test-needs.sh && " + script);
        process.environment().clear();
        process.environment().put("PATH", bin.toString());
        process.environment().put("MASTHEAD_TEST_POSTGRES_URL", "off");
        process.environment().putAll(environment);
        var started = process.start();
        started.getOutputStream().close();
        if (!started.waitFor(30, TimeUnit.SECONDS)) {
            started.destroyForcibly();
            throw new AssertionError("the needs script did not finish");
        }
        return new Run(started.exitValue(), lines(started.getInputStream().readAllBytes()),
                lines(started.getErrorStream().readAllBytes()));
    }

    private static List<String> lines(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8).lines().toList();
    }

    private record Run(int exit, List<String> output, List<String> errors) {
    }
}
