package org.masthead.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Debian's HAProxy as a child process on a port of 127.0.0.1, with the configuration Masthead ships
 * (deploy/haproxy/haproxy.cfg) pointed at the given nodes. {@code MASTHEAD_HAPROXY} names another binary.
 */
public final class HaproxyServer implements AutoCloseable {

    private final Process process;
    private final int port;

    private HaproxyServer(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    public static HaproxyServer start(List<Integer> nodePorts) throws IOException, InterruptedException {
        int port = VarnishServer.freePort();
        var servers = new StringBuilder();
        for (int i = 0; i < nodePorts.size(); i++) {
            servers.append("    server masthead").append(i + 1).append(" 127.0.0.1:").append(nodePorts.get(i))
                    .append(" check\n");
        }
        var shipped = Files.readString(Path.of("deploy/haproxy/haproxy.cfg"));
        var config = shipped.lines().filter(line -> !line.strip().startsWith("server "))
                .map(line -> line.strip().equals("bind :80") ? "    bind 127.0.0.1:" + port : line)
                .collect(Collectors.joining("\n", "", "\n")) + servers;
        var dir = Files.createTempDirectory("masthead-haproxy-");
        var file = dir.resolve("haproxy.cfg");
        Files.writeString(file, config);
        var binary = System.getenv().getOrDefault("MASTHEAD_HAPROXY", "/usr/sbin/haproxy");
        // -n takes precedence over the shipped maxconn, whose descriptors a test machine may not allow
        var process = new ProcessBuilder(binary, "-db", "-n", "1000", "-f", file.toString()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("haproxy.log").toFile()).start();
        var server = new HaproxyServer(process, port);
        server.awaitEveryNode(nodePorts.size(), dir);
        return server;
    }

    /** Waits until as many requests in a row as there are nodes are answered 200, one by each node in turn. */
    private void awaitEveryNode(int nodes, Path dir) throws IOException, InterruptedException {
        var http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        int answered = 0;
        while (System.nanoTime() < deadline && answered < nodes * 2) {
            if (!process.isAlive()) {
                throw new IllegalStateException("haproxy stopped: " + Files.readString(dir.resolve("haproxy.log")));
            }
            try {
                var response = http.send(HttpRequest.newBuilder(URI.create(url() + "/actuator/health/readiness")).build(),
                        HttpResponse.BodyHandlers.discarding());
                answered = response.statusCode() == 200 ? answered + 1 : 0;
            } catch (IOException notYet) {
                answered = 0;
            }
            if (answered < nodes * 2) {
                process.waitFor(200, TimeUnit.MILLISECONDS);
            }
        }
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
