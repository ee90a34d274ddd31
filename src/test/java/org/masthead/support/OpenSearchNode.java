package org.masthead.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.lucene.util.IOUtils;

/**
 * One real OpenSearch node for every test of a test JVM that needs it, started at first use as a child JVM
 * (src/test/opensearch: Maven Central's {@code org.opensearch:opensearch} with the Netty transport and the common
 * analysis module, single-node, no security, on 127.0.0.1:{@value #HTTP_PORT}) and stopped when the test JVM ends.
 * Tests keep apart by index names of their own.
 */
public final class OpenSearchNode {

    public static final int HTTP_PORT = 8190;
    static final int TRANSPORT_PORT = 8191;
    private static final Duration START = Duration.ofMinutes(3);
    private static OpenSearchNode running;

    private final Process process;

    private OpenSearchNode(Process process) {
        this.process = process;
    }

    /** The address of the running node, started on first call. */
    public static synchronized URI url() {
        if (running == null) {
            running = start();
            Runtime.getRuntime().addShutdownHook(new Thread(running::stop, "opensearch-stop"));
        }
        return URI.create("http://127.0.0.1:" + HTTP_PORT);
    }

    private static OpenSearchNode start() {
        var project = Path.of("").toAbsolutePath();
        var sources = project.resolve("src/test/opensearch");
        var work = project.resolve("target/opensearch");
        try {
            Files.createDirectories(work);
            var classpath = classpath(sources, work);
            var home = work.resolve("node");
            if (Files.exists(home)) {
                IOUtils.rm(home);
            }
            var java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            var command = List.of(java, "-Xms256m", "-Xmx512m", "-XX:+UseSerialGC", "--enable-native-access=ALL-UNNAMED",
                    "-Dlog4j2.disable.jmx=true", "-cp", classpath, sources.resolve("OpenSearchNode.java").toString(),
                    home.toString(), Integer.toString(HTTP_PORT), Integer.toString(TRANSPORT_PORT));
            var process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(work.resolve("node.log").toFile()).start();
            var node = new OpenSearchNode(process);
            node.awaitStarted(work.resolve("node.log"));
            return node;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start the OpenSearch node of the tests", e);
        }
    }

    /** The node's classpath, resolved once by Maven from the pom beside its source and kept under target/. */
    private static String classpath(Path sources, Path work) throws IOException {
        var file = work.resolve("classpath.txt");
        var pom = sources.resolve("pom.xml");
        if (Files.exists(file) && Files.getLastModifiedTime(file).compareTo(Files.getLastModifiedTime(pom)) > 0) {
            return Files.readString(file).strip();
        }
        var mavenHome = System.getProperty("masthead.test.maven-home", "");
        var mvn = mavenHome.isEmpty() ? "mvn" : Path.of(mavenHome, "bin", "mvn").toString();
        var command = new ArrayList<>(List.of(mvn, "-B", "-ntp", "-q", "-f", pom.toString(),
                "dependency:build-classpath", "-Dmdep.outputFile=" + file));
        var maven = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(work.resolve("classpath.log").toFile());
        maven.environment().put("JAVA_HOME", System.getProperty("java.home"));
        try {
            var process = maven.start();
            if (!process.waitFor(5, TimeUnit.MINUTES) || process.exitValue() != 0) {
                process.destroyForcibly();
                throw new IllegalStateException("Maven could not resolve the OpenSearch node's classpath: see "
                        + work.resolve("classpath.log"));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return Files.readString(file).strip();
    }

    private void awaitStarted(Path log) throws IOException {
        var http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + HTTP_PORT + "/_cluster/health?wait_for_status=yellow&timeout=5s"))
                .timeout(Duration.ofSeconds(10)).build();
        long deadline = System.nanoTime() + START.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("The OpenSearch node of the tests stopped at start-up:\n" + tail(log));
            }
            try {
                var answer = http.send(request, HttpResponse.BodyHandlers.ofString());
                if (answer.statusCode() == 200 && answer.body().contains("masthead-test")) {
                    return;
                }
                if (answer.statusCode() == 200) {
                    throw new IllegalStateException("Port " + HTTP_PORT + " is taken by another OpenSearch: "
                            + answer.body());
                }
            } catch (IOException notYet) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        stop();
        throw new IllegalStateException("The OpenSearch node of the tests did not start in " + START + ":\n" + tail(log));
    }

    private static String tail(Path log) throws IOException {
        var lines = Files.readAllLines(log, StandardCharsets.UTF_8);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }

    private void stop() {
        try {
            process.getOutputStream().close();   // the node stops when its standard input closes
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (IOException | InterruptedException e) {
            process.destroyForcibly();
        }
    }
}
