package org.masthead.support;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Debian's varnishd (with varnish-modules' xkey) as a child process on a port of 127.0.0.1, running the VCL that
 * Masthead ships (deploy/varnish/masthead.vcl) in front of a Masthead on {@code backendPort}. scripts/test-needs.sh
 * installs it or says what to install; {@code MASTHEAD_VARNISHD} names another binary.
 */
public final class VarnishServer implements AutoCloseable {

    private final Process process;
    private final int port;
    private final Path workDir;

    private VarnishServer(Process process, int port, Path workDir) {
        this.process = process;
        this.port = port;
        this.workDir = workDir;
    }

    /** The port a server started next may listen on. */
    public static int freePort() {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public static VarnishServer start(int port, int backendPort) throws IOException, InterruptedException {
        var vcl = Files.readString(Path.of("deploy/varnish/masthead.vcl"))
                .replace(".port = \"8080\";", ".port = \"" + backendPort + "\";");
        var dir = Files.createTempDirectory("masthead-varnish-");
        var vclFile = dir.resolve("masthead.vcl");
        Files.writeString(vclFile, vcl);
        dir.toFile().setReadable(true, false);
        dir.toFile().setExecutable(true, false);
        vclFile.toFile().setReadable(true, false);
        var binary = System.getenv().getOrDefault("MASTHEAD_VARNISHD", "/usr/sbin/varnishd");
        var process = new ProcessBuilder(List.of(binary, "-F", "-f", vclFile.toString(), "-a", "127.0.0.1:" + port,
                "-T", "127.0.0.1:0", "-n", dir.resolve("work").toString(), "-s", "malloc,32m",
                "-p", "default_grace=0s"))
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("varnishd.log").toFile())
                .start();
        var server = new VarnishServer(process, port, dir);
        server.awaitAnswer();
        return server;
    }

    private void awaitAnswer() throws IOException, InterruptedException {
        var http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("varnishd stopped: " + Files.readString(workDir.resolve("varnishd.log")));
            }
            try {
                http.send(HttpRequest.newBuilder(URI.create(url() + "/actuator/health")).build(),
                        HttpResponse.BodyHandlers.discarding());
                return;
            } catch (IOException notYet) {
                process.waitFor(100, java.util.concurrent.TimeUnit.MILLISECONDS);
            }
        }
        throw new IllegalStateException("varnishd did not answer on port " + port);
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
