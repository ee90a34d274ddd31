package org.masthead.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.springframework.core.env.Environment;

/**
 * Another Masthead node as a child process of the test (the test's own classes, a JVM of its own) on the database of
 * the test's context, with a data folder (node id, search index) of its own: it can be killed with SIGKILL, as a
 * machine that loses power, and started again on the same folder and port.
 */
public final class ChildNode implements AutoCloseable {

    private final List<String> command;
    private final int port;
    private final Path dataDir;
    private Process process;

    private ChildNode(List<String> command, int port, Path dataDir) {
        this.command = command;
        this.port = port;
        this.dataDir = dataDir;
    }

    public static ChildNode start(Environment environment, List<String> more) throws IOException, InterruptedException {
        int port = VarnishServer.freePort();
        var dataDir = Files.createTempDirectory("masthead-child-node-");
        var command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED", "-Xmx384m", "-XX:TieredStopAtLevel=1", "-Xshare:off",
                "-cp", System.getProperty("java.class.path"), "org.masthead.MastheadApplication",
                "--server.port=" + port,
                "--spring.datasource.url=" + environment.getRequiredProperty("spring.datasource.url"),
                "--spring.datasource.username=", "--spring.datasource.password=",
                "--masthead.data-dir=" + dataDir,
                "--masthead.rate-limits.enabled=false",
                "--masthead.distribution.webhooks.allow-private-targets=true",
                "--logging.structured.format.console=",
                "--" + TestDatabase.REUSE_PROPERTY + "=true"));
        command.addAll(more);
        var node = new ChildNode(List.copyOf(command), port, dataDir);
        node.launch();
        return node;
    }

    private void launch() throws IOException, InterruptedException {
        process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dataDir.resolve("node.log").toFile())).start();
        awaitReady();
    }

    private void awaitReady() throws IOException, InterruptedException {
        var http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("The node stopped: " + log());
            }
            try {
                var response = http.send(HttpRequest.newBuilder(URI.create(url() + "/actuator/health/readiness")).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            process.waitFor(250, TimeUnit.MILLISECONDS);
        }
        throw new IllegalStateException("The node did not become ready: " + log());
    }

    private String log() throws IOException {
        var text = Files.readString(dataDir.resolve("node.log"));
        return text.length() > 4000 ? text.substring(text.length() - 4000) : text;
    }

    public int port() {
        return port;
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    /** SIGKILL: nothing is shut down, nothing flushed. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    /** Starts again on the same data folder (the same node id and search index) and port. */
    public void restart() throws IOException, InterruptedException {
        launch();
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
