import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

/**
 * A load client for live blogs (run by bench/live-streams.sh; not part of the build): holds STREAMS open event
 * streams of one live blog, posts ENTRIES entries through the admin API at one per INTERVAL ms, and reports how
 * long each entry took from the post to every reader (p50, p99, max), how many deliveries were missed, and the
 * server's resident memory per open stream (from /proc of the server's pid). Prints READY once every stream is
 * open and POSTING while it posts, so the script can measure the story page's throughput meanwhile; QUIET_MS
 * (2000 unless given) apart, so it can also measure it with the streams open and nothing posted.
 *
 *   java LiveLoad.java BASE_URL ADMIN PASSWORD SERVER_PID STREAMS ENTRIES INTERVAL_MS [QUIET_MS]
 */
public class LiveLoad {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final Pattern TOKEN = Pattern.compile("<code class=\"secret\" id=\"new-token\">([^<]+)</code>");
    private static final Pattern LIVE = Pattern.compile("href=\"(/en/[a-z0-9-]+/the-power-grid-in-winter-live-(\\d+))\"");
    private static final Pattern LAST = Pattern.compile("data-last-change=\"(\\d+)\"");
    private static final Pattern BENCH = Pattern.compile("bench-(\\d+)");

    public static void main(String[] args) throws Exception {
        var base = args[0];
        var admin = args[1];
        var password = args[2];
        long serverPid = Long.parseLong(args[3]);
        int streams = Integer.parseInt(args[4]);
        int entries = Integer.parseInt(args[5]);
        long interval = Long.parseLong(args[6]);
        long quiet = args.length > 7 ? Long.parseLong(args[7]) : 2000;

        var token = token(base, admin, password);
        var plain = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        var home = plain.send(HttpRequest.newBuilder(URI.create(base + "/en/")).build(), HttpResponse.BodyHandlers.ofString()).body();
        var live = LIVE.matcher(home);
        if (!live.find()) {
            throw new IllegalStateException("No demo live blog on the home page");
        }
        long storyId = Long.parseLong(live.group(2));
        var page = plain.send(HttpRequest.newBuilder(URI.create(base + live.group(1))).build(), HttpResponse.BodyHandlers.ofString()).body();
        var lastMatcher = LAST.matcher(page);
        lastMatcher.find();
        long last = Long.parseLong(lastMatcher.group(1));

        long rssBefore = rss(serverPid);
        long heapBefore = heap(serverPid);
        var posted = new ConcurrentHashMap<Integer, Long>();
        var latencies = Collections.synchronizedList(new ArrayList<Long>());
        var opened = new CountDownLatch(streams);
        var failed = new AtomicInteger();
        var received = new AtomicInteger();
        // several clients, so the connections spread over more than one selector thread
        var clients = new ArrayList<HttpClient>();
        for (int i = 0; i < 8; i++) {
            clients.add(HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(30)).build());
        }
        for (int i = 0; i < streams; i++) {
            var client = clients.get(i % clients.size());
            Thread.ofVirtual().start(() -> {
                try {
                    var response = client.send(HttpRequest.newBuilder(URI.create(base + "/live/" + storyId + "/en/events?after=" + last))
                            .header("Accept", "text/event-stream").build(), HttpResponse.BodyHandlers.ofLines());
                    if (response.statusCode() != 200) {
                        failed.incrementAndGet();
                        opened.countDown();
                        return;
                    }
                    var lines = response.body().iterator();
                    boolean counted = false;
                    while (lines.hasNext()) {
                        var line = lines.next();
                        if (!counted && line.startsWith(":open")) {
                            counted = true;
                            opened.countDown();
                        } else if (line.startsWith("data:")) {
                            var bench = BENCH.matcher(line);
                            if (bench.find()) {
                                var at = posted.get(Integer.parseInt(bench.group(1)));
                                if (at != null) {
                                    latencies.add(System.nanoTime() - at);
                                    received.incrementAndGet();
                                }
                            }
                        }
                    }
                } catch (IOException | InterruptedException | RuntimeException e) {
                    failed.incrementAndGet();
                    opened.countDown();
                }
            });
            if (i % 500 == 499) {
                Thread.sleep(200);   // do not overrun the server's accept queue
            }
        }
        if (!opened.await(180, TimeUnit.SECONDS)) {
            System.out.println("not every stream opened: " + opened.getCount() + " missing");
        }
        Thread.sleep(3000);
        long rssOpen = rss(serverPid);
        long heapOpen = heap(serverPid);
        int held = Math.max(1, streams - failed.get());
        System.out.printf("streams open: %d (failed %d); server RSS %d MB before, %d MB with the streams: %.1f KB per stream%n",
                streams - failed.get(), failed.get(), rssBefore / 1024, rssOpen / 1024, (rssOpen - rssBefore) / (double) held);
        System.out.printf("server heap after a full GC: %d MB before, %d MB with the streams: %.1f KB per stream%n",
                heapBefore / 1024, heapOpen / 1024, (heapOpen - heapBefore) / (double) held);
        System.out.println("READY");
        System.out.flush();
        Thread.sleep(quiet);
        System.out.println("POSTING");
        System.out.flush();
        for (int n = 1; n <= entries; n++) {
            var body = "{\"language\":\"en\",\"author\":\"Bench desk\",\"headline\":\"bench-" + n + "\",\"body\":[{\"type\":\"paragraph\","
                    + "\"id\":\"p1\",\"text\":{\"text\":\"Entry " + n + " of the load run.\",\"marks\":[]}}]}";
            posted.put(n, System.nanoTime());
            var answer = plain.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/admin/stories/" + storyId + "/live/entries"))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() != 201) {
                System.out.println("post " + n + ": " + answer.statusCode() + " " + answer.body());
            }
            Thread.sleep(interval);
        }
        Thread.sleep(5000);
        var sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        int expected = entries * (streams - failed.get());
        System.out.printf("entry to reader: %d deliveries of %d expected (%d missed); p50 %.0f ms, p99 %.0f ms, max %.0f ms%n",
                sorted.size(), expected, expected - sorted.size(), ms(sorted, 0.50), ms(sorted, 0.99),
                sorted.isEmpty() ? 0.0 : sorted.getLast() / 1e6);
        System.out.println("DONE");
        System.exit(0);
    }

    private static double ms(List<Long> sorted, double q) {
        if (sorted.isEmpty()) {
            return 0;
        }
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(q * sorted.size()) - 1)) / 1e6;
    }

    /** The server's live heap in KB after a full collection, by the JDK's own jcmd (0 when it cannot be asked). */
    private static long heap(long pid) {
        try {
            var java = ProcessHandle.current().info().command().orElse("java");
            var jcmd = Path.of(java).resolveSibling("jcmd").toString();
            new ProcessBuilder(jcmd, Long.toString(pid), "GC.run").redirectErrorStream(true).start().waitFor();
            var info = new ProcessBuilder(jcmd, Long.toString(pid), "GC.heap_info").redirectErrorStream(true).start();
            var text = new String(info.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            info.waitFor();
            var used = Pattern.compile("used (\\d+)K").matcher(text);
            return used.find() ? Long.parseLong(used.group(1)) : 0;
        } catch (IOException | InterruptedException e) {
            return 0;
        }
    }

    private static long rss(long pid) throws IOException {
        for (var line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        return 0;
    }

    /** Signs in through the newsroom's form and makes a personal access token with the publish scope. */
    private static String token(String base, String user, String password) throws Exception {
        var client = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        var login = client.send(HttpRequest.newBuilder(URI.create(base + "/newsroom/login?lang=en")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        var csrf = first(CSRF, login);
        client.send(form(base + "/newsroom/login", Map.of("username", user, "password", password, "_csrf", csrf)),
                HttpResponse.BodyHandlers.ofString());
        var account = client.send(HttpRequest.newBuilder(URI.create(base + "/newsroom/account")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        var made = client.send(HttpRequest.newBuilder(URI.create(base + "/newsroom/account/tokens"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("name=bench&scopes=read&scopes=write&scopes=publish&_csrf="
                        + URLEncoder.encode(first(CSRF, account), StandardCharsets.UTF_8))).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        return first(TOKEN, made);
    }

    private static HttpRequest form(String url, Map<String, String> fields) {
        var body = new StringBuilder();
        fields.forEach((k, v) -> body.append(body.isEmpty() ? "" : "&").append(URLEncoder.encode(k, StandardCharsets.UTF_8))
                .append('=').append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build();
    }

    private static String first(Pattern pattern, String text) {
        var m = pattern.matcher(text);
        if (!m.find()) {
            throw new IllegalStateException("Not found: " + pattern + " in " + text.substring(0, Math.min(400, text.length())));
        }
        return m.group(1);
    }
}
