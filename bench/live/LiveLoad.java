import java.io.IOException;
import java.net.CookieManager;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.regex.Pattern;

/**
 * A load client for live blogs (run by bench/live-streams.sh; not part of the build): holds STREAMS open event
 * streams of one live blog, posts ENTRIES entries through the admin API at one per INTERVAL ms, and reports how
 * long each entry took from the post to every reader (p50, p99, max), how many deliveries were missed, and the
 * server's resident memory per open stream (from /proc of the server's pid). Prints READY once every stream is
 * open and POSTING while it posts, so the script can measure the story page's throughput meanwhile; QUIET_MS
 * (2000 unless given) apart, so it can also measure it with the streams open and nothing posted.
 *
 * Then a reconnect storm: nine streams in ten drop their connections and come back all at once with
 * Last-Event-ID, as every browser does after a restart, while STORM_ENTRIES more entries (25 unless given) are
 * posted at the same pace; those turned away with 503 come back after the Retry-After they were given, and a
 * stream the server ends comes back after 2 s, as EventSource does. It reports how many were turned away, how long
 * until every stream was back, the latency of the entries posted meanwhile for the streams that came back and for
 * the tenth that stayed, and whether every stream got every entry of the run.
 *
 * Every stream is measured, each on one selector thread that reads with non-blocking sockets and scans the bytes
 * as they come (HTTP/1.1 chunks, then the events' lines): the client costs a read per delivery and little else, so
 * on a machine it shares with the server it takes little of what it measures.
 *
 *   java LiveLoad.java BASE_URL ADMIN PASSWORD SERVER_PID STREAMS ENTRIES INTERVAL_MS [QUIET_MS [STORM_ENTRIES]]
 */
public class LiveLoad {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final Pattern TOKEN = Pattern.compile("<code class=\"secret\" id=\"new-token\">([^<]+)</code>");
    private static final Pattern LIVE = Pattern.compile("href=\"(/en/[a-z0-9-]+/the-power-grid-in-winter-live-(\\d+))\"");
    private static final Pattern LAST = Pattern.compile("data-last-change=\"(\\d+)\"");
    private static final byte[] BENCH = "bench-".getBytes(StandardCharsets.US_ASCII);
    /** How long a browser waits before reconnecting to a stream the server ended (the stream's retry). */
    private static final long RECONNECT_NANOS = 2_000_000_000L;

    public static void main(String[] args) throws Exception {
        var base = URI.create(args[0]);
        var admin = args[1];
        var password = args[2];
        long serverPid = Long.parseLong(args[3]);
        int streams = Integer.parseInt(args[4]);
        int entries = Integer.parseInt(args[5]);
        long interval = Long.parseLong(args[6]);
        long quiet = args.length > 7 ? Long.parseLong(args[7]) : 2000;
        int stormEntries = args.length > 8 ? Integer.parseInt(args[8]) : 25;

        var token = token(args[0], admin, password);
        var plain = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        var home = plain.send(HttpRequest.newBuilder(base.resolve("/en/")).build(), HttpResponse.BodyHandlers.ofString()).body();
        var live = LIVE.matcher(home);
        if (!live.find()) {
            throw new IllegalStateException("No demo live blog on the home page");
        }
        long storyId = Long.parseLong(live.group(2));
        var page = plain.send(HttpRequest.newBuilder(base.resolve(live.group(1))).build(), HttpResponse.BodyHandlers.ofString()).body();
        long last = Long.parseLong(first(LAST, page));

        long rssBefore = rss(serverPid);
        long heapBefore = heap(serverPid);
        var readers = new Readers(new InetSocketAddress(base.getHost(), base.getPort()), base.getHost() + ":" + base.getPort(),
                "/live/" + storyId + "/en/events", streams, entries, entries + stormEntries);
        var selecting = Thread.ofPlatform().name("streams").start(readers::run);
        readers.openAll(last);
        long deadline = System.nanoTime() + 180_000_000_000L;
        while (readers.opened.get() < streams - readers.failed.get() && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        int open = readers.opened.get();
        if (open < streams) {
            System.out.println("not every stream opened: " + (streams - open) + " missing");
        }
        Thread.sleep(3000);
        long rssOpen = rss(serverPid);
        long heapOpen = heap(serverPid);
        int held = Math.max(1, open);
        System.out.printf("streams open: %d (failed %d); server RSS %d MB before, %d MB with the streams: %.1f KB per stream%n",
                open, streams - open, rssBefore / 1024, rssOpen / 1024, (rssOpen - rssBefore) / (double) held);
        System.out.printf("server heap after a full GC: %d MB before, %d MB with the streams: %.1f KB per stream%n",
                heapBefore / 1024, heapOpen / 1024, (heapOpen - heapBefore) / (double) held);
        System.out.println("READY");
        System.out.flush();
        Thread.sleep(quiet);
        System.out.println("POSTING");
        System.out.flush();
        for (int n = 1; n <= entries; n++) {
            post(plain, base, storyId, token, readers, n);
            Thread.sleep(interval);
        }
        Thread.sleep(5000);

        // the storm: every stream but each tenth drops its connection, and all come back at once
        readers.storm();
        for (int n = entries + 1; n <= entries + stormEntries; n++) {
            post(plain, base, storyId, token, readers, n);
            Thread.sleep(interval);
        }
        deadline = System.nanoTime() + 60_000_000_000L;
        while (!readers.complete() && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        Thread.sleep(1000);
        readers.stop();
        selecting.join();
        readers.report(open);
        System.out.println("DONE");
        System.exit(0);
    }

    private static void post(HttpClient client, URI base, long storyId, String token, Readers readers, int n) throws Exception {
        var body = "{\"language\":\"en\",\"author\":\"Bench desk\",\"headline\":\"bench-" + n + "\",\"body\":[{\"type\":\"paragraph\","
                + "\"id\":\"p1\",\"text\":{\"text\":\"Entry " + n + " of the load run.\",\"marks\":[]}}]}";
        readers.posted.set(n, System.nanoTime());
        var answer = client.send(HttpRequest.newBuilder(base.resolve("/api/v1/admin/stories/" + storyId + "/live/entries"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 201) {
            System.out.println("post " + n + ": " + answer.statusCode() + " " + answer.body());
        }
    }

    /**
     * Every stream, on one selector thread: it connects them, reads them and reconnects them; other threads only ask
     * it to, through volatile flags and a wake-up of the selector.
     */
    static final class Readers {
        final InetSocketAddress address;
        final String host;
        final String path;
        final Stream[] streams;
        final int entries;
        final int total;
        /** When each entry was posted (System.nanoTime), by its number. */
        final AtomicLongArray posted;
        final AtomicInteger opened = new AtomicInteger();
        final AtomicInteger failed = new AtomicInteger();
        private final Selector selector;
        private final ByteBuffer buffer = ByteBuffer.allocateDirect(256 * 1024);
        private final PriorityQueue<Stream> due = new PriorityQueue<>((a, b) -> Long.compare(a.dueAt, b.dueAt));
        private volatile long openAfter = -1;
        private volatile boolean stormAsked;
        private volatile boolean running = true;
        // read and written by the selector thread only, reported after it ended
        private final Latencies main = new Latencies();
        private final Latencies stormBack = new Latencies();
        private final Latencies stormStayed = new Latencies();
        private long stormAt;
        private long lastBack;
        private int turnedAway;
        private int endedByServer;
        private int refusedOther;
        private int duplicates;
        private volatile int back;

        Readers(InetSocketAddress address, String host, String path, int count, int entries, int total) throws IOException {
            this.address = address;
            this.host = host;
            this.path = path;
            this.entries = entries;
            this.total = total;
            this.posted = new AtomicLongArray(total + 1);
            this.selector = Selector.open();
            this.streams = new Stream[count];
            for (int i = 0; i < count; i++) {
                streams[i] = new Stream(this, i, (total + 64) / 64);
            }
        }

        void openAll(long after) {
            openAfter = after;
            selector.wakeup();
        }

        void storm() {
            stormAsked = true;
            selector.wakeup();
        }

        void stop() {
            running = false;
            selector.wakeup();
        }

        /** Whether every stream has had every entry posted so far. */
        boolean complete() {
            for (var stream : streams) {
                if (stream.everOpened && stream.received < stream.expected()) {
                    return false;
                }
            }
            return true;
        }

        void run() {
            try {
                while (running) {
                    long now = System.nanoTime();
                    long wait = due.isEmpty() ? 100 : Math.max(1, (due.peek().dueAt - now) / 1_000_000);
                    selector.select(this::ready, wait);
                    if (openAfter >= 0) {
                        // paced as a crowd of browsers arriving, so the server's accept queue is not overrun
                        long start = System.nanoTime();
                        for (var stream : streams) {
                            stream.last = openAfter;
                            stream.dueAt = start + (stream.index / 500) * 200_000_000L;
                            due.add(stream);
                        }
                        openAfter = -1;
                    }
                    if (stormAsked) {
                        stormAsked = false;
                        stormAt = System.nanoTime();
                        for (var stream : streams) {
                            if (stream.index % 10 != 0) {
                                stream.close();
                                stream.resume = true;
                                connect(stream);
                            }
                        }
                    }
                    now = System.nanoTime();
                    while (!due.isEmpty() && due.peek().dueAt <= now) {
                        var stream = due.poll();
                        if (stream.channel == null) {   // not connected meanwhile, as the storm does
                            connect(stream);
                        }
                    }
                }
            } catch (IOException e) {
                throw new RuntimeException(e);
            }
        }

        private void connect(Stream stream) {
            try {
                stream.connect();
            } catch (IOException e) {
                stream.close();
                refusedOther++;
                again(stream, RECONNECT_NANOS);
            }
        }

        private void ready(SelectionKey key) {
            var stream = (Stream) key.attachment();
            try {
                if (key.isConnectable()) {
                    stream.connected(key);
                } else if (key.isReadable()) {
                    while (true) {
                        buffer.clear();
                        int read = stream.channel.read(buffer);
                        if (read < 0) {
                            stream.endedByServer();
                            return;
                        }
                        buffer.flip();
                        stream.parse(buffer);
                        if (read < buffer.capacity() || stream.channel == null) {
                            return;
                        }
                    }
                }
            } catch (IOException e) {
                stream.endedByServer();
            }
        }

        void again(Stream stream, long afterNanos) {
            stream.dueAt = System.nanoTime() + afterNanos;
            due.add(stream);
        }

        void delivered(Stream stream, int number) {
            if (number > total) {
                return;
            }
            long at = posted.get(number);
            if (at == 0) {
                return;
            }
            if (!stream.mark(number)) {
                duplicates++;
                return;
            }
            long latency = System.nanoTime() - at;
            if (number <= entries) {
                main.add(latency);
            } else if (stream.index % 10 == 0) {
                stormStayed.add(latency);
            } else {
                stormBack.add(latency);
            }
        }

        void report(int open) {
            long expected = (long) entries * open;
            System.out.printf(Locale.ROOT, "entry to reader: %d deliveries of %d expected (%d missed); p50 %.0f ms, p99 %.0f ms, max %.0f ms%n",
                    main.size, expected, expected - main.size, main.ms(0.50), main.ms(0.99), main.max());
            int stormed = (int) Arrays.stream(streams).filter(s -> s.index % 10 != 0).count();
            System.out.printf(Locale.ROOT, "reconnect storm: %d streams back at once with Last-Event-ID, %d turned away with 503 (then back after "
                    + "Retry-After), %d ended by the server, %d other answers; all back after %.1f s%n",
                    stormed, turnedAway, endedByServer, refusedOther, back >= stormed ? (lastBack - stormAt) / 1e9 : Double.NaN);
            System.out.printf(Locale.ROOT, "storm entries to the streams that came back: %d deliveries; p50 %.0f ms, p99 %.0f ms, max %.0f ms%n",
                    stormBack.size, stormBack.ms(0.50), stormBack.ms(0.99), stormBack.max());
            System.out.printf(Locale.ROOT, "storm entries to the streams that stayed: %d deliveries; p50 %.0f ms, p99 %.0f ms, max %.0f ms%n",
                    stormStayed.size, stormStayed.ms(0.50), stormStayed.ms(0.99), stormStayed.max());
            long missing = 0;
            int shortStreams = 0;
            for (var stream : streams) {
                long gap = stream.everOpened ? stream.expected() - stream.received : 0;
                if (gap > 0) {
                    missing += gap;
                    shortStreams++;
                }
            }
            System.out.printf(Locale.ROOT, "storm: every entry of the run (%d) to every stream: %d deliveries missing, on %d streams; %d duplicates%n",
                    total, missing, shortStreams, duplicates);
        }
    }

    /** Delivery latencies in nanoseconds, kept unboxed. */
    static final class Latencies {
        long[] values = new long[1 << 16];
        int size;

        void add(long value) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = value;
        }

        double ms(double q) {
            if (size == 0) {
                return 0;
            }
            var sorted = Arrays.copyOf(values, size);
            Arrays.sort(sorted);
            return sorted[Math.min(size - 1, (int) Math.ceil(q * size) - 1)] / 1e6;
        }

        double max() {
            return size == 0 ? 0 : Arrays.stream(values, 0, size).max().orElse(0) / 1e6;
        }
    }

    /**
     * One event stream: its connection and where its reader is in the bytes, an HTTP/1.1 response (the status line and
     * headers, then chunks) carrying the events' lines, scanned byte by byte without copying them.
     */
    static final class Stream {
        private static final int HEADERS = 0;
        private static final int CHUNK_SIZE = 1;
        private static final int CHUNK_DATA = 2;
        private static final int CHUNK_END = 3;
        private static final int PLAIN = 4;
        private static final int LINE_OTHER = 0;
        private static final int LINE_ID = 1;
        private static final int LINE_DATA = 2;
        private static final int LINE_COMMENT = 3;

        final Readers readers;
        final int index;
        final long[] seen;
        SocketChannel channel;
        long dueAt;
        /** The last event id it had, and whether the next connection resumes from it with Last-Event-ID. */
        long last;
        boolean resume;
        boolean everOpened;
        /** Whether it came back after the storm. */
        boolean back;
        /** Entries it had, each once (read by the main thread too). */
        volatile int received;
        // the response
        private int phase;
        private final StringBuilder headers = new StringBuilder();
        private long chunkLeft;
        // the current line of the events
        private int column;
        private int line;
        private long number;
        private boolean open;
        private int benchMatched;
        private int bench;
        private boolean benchDone;

        Stream(Readers readers, int index, int words) {
            this.readers = readers;
            this.index = index;
            this.seen = new long[words];
        }

        /** How many entries it should have had by now: every one posted, but those of the storm only once posted. */
        int expected() {
            int count = 0;
            for (int n = 1; n <= readers.total; n++) {
                if (readers.posted.get(n) != 0) {
                    count++;
                }
            }
            return count;
        }

        boolean mark(int n) {
            long bit = 1L << (n & 63);
            if ((seen[n >>> 6] & bit) != 0) {
                return false;
            }
            seen[n >>> 6] |= bit;
            received++;
            return true;
        }

        void connect() throws IOException {
            phase = HEADERS;
            headers.setLength(0);
            column = 0;
            line = LINE_OTHER;
            benchMatched = 0;
            bench = 0;
            benchDone = false;
            channel = SocketChannel.open();
            channel.configureBlocking(false);
            if (channel.connect(readers.address)) {
                sendRequest();
                channel.register(readers.selector, SelectionKey.OP_READ, this);
            } else {
                channel.register(readers.selector, SelectionKey.OP_CONNECT, this);
            }
        }

        void connected(SelectionKey key) throws IOException {
            if (channel.finishConnect()) {
                sendRequest();
                key.interestOps(SelectionKey.OP_READ);
            }
        }

        private void sendRequest() throws IOException {
            var request = "GET " + readers.path + (resume ? "" : "?after=" + last) + " HTTP/1.1\r\nHost: " + readers.host
                    + "\r\nAccept: text/event-stream\r\n" + (resume ? "Last-Event-ID: " + last + "\r\n" : "") + "\r\n";
            var bytes = ByteBuffer.wrap(request.getBytes(StandardCharsets.US_ASCII));
            channel.write(bytes);
            if (bytes.hasRemaining()) {
                throw new IOException("The request did not go out whole");
            }
        }

        void close() {
            if (channel != null) {
                try {
                    channel.close();
                } catch (IOException ignored) {
                    // closed anyway
                }
                channel = null;
            }
        }

        /** The server ended the stream or the connection broke: back after the stream's retry, as a browser is. */
        void endedByServer() {
            if (channel == null) {
                return;
            }
            close();
            if (!everOpened && readers.stormAt == 0) {
                readers.failed.incrementAndGet();
                return;
            }
            readers.endedByServer++;
            resume = true;
            readers.again(this, RECONNECT_NANOS);
        }

        void parse(ByteBuffer bytes) {
            while (bytes.hasRemaining() && channel != null) {
                switch (phase) {
                    case HEADERS -> {
                        char c = (char) bytes.get();
                        headers.append(c);
                        if (c == '\n' && headers.length() >= 4 && headers.charAt(headers.length() - 3) == '\n') {
                            headersDone();
                        }
                    }
                    case CHUNK_SIZE -> {
                        byte b = bytes.get();
                        if (b == '\n') {
                            if (chunkLeft == 0) {
                                endedByServer();   // the last chunk: the server ended the stream
                                return;
                            }
                            phase = CHUNK_DATA;
                        } else if (Character.digit(b, 16) >= 0) {
                            chunkLeft = chunkLeft * 16 + Character.digit(b, 16);
                        }
                    }
                    case CHUNK_DATA -> {
                        int take = (int) Math.min(chunkLeft, bytes.remaining());
                        for (int i = 0; i < take; i++) {
                            event(bytes.get());
                        }
                        chunkLeft -= take;
                        if (chunkLeft == 0) {
                            phase = CHUNK_END;
                        }
                    }
                    case CHUNK_END -> {
                        if (bytes.get() == '\n') {
                            phase = CHUNK_SIZE;
                        }
                    }
                    default -> event(bytes.get());
                }
            }
        }

        private void headersDone() {
            var text = headers.toString().toLowerCase(Locale.ROOT);
            headers.setLength(0);
            int status = Integer.parseInt(text.substring(9, 12));
            if (status != 200) {
                close();
                var retry = Pattern.compile("\r\nretry-after: *(\\d+)").matcher(text);
                if (status == 503 && retry.find()) {
                    readers.turnedAway++;
                    readers.again(this, Long.parseLong(retry.group(1)) * 1_000_000_000L);
                } else {
                    readers.refusedOther++;
                    if (readers.refusedOther == 1) {
                        System.out.println("stream answered " + text.lines().findFirst().orElse(""));
                    }
                    readers.again(this, RECONNECT_NANOS);
                }
                return;
            }
            phase = text.contains("\r\ntransfer-encoding: chunked") ? CHUNK_SIZE : PLAIN;
            chunkLeft = 0;
        }

        /** One byte of the events: what matters is each event's id, the opening comment and the entry's number. */
        private void event(byte b) {
            if (b == '\n') {
                lineDone();
                return;
            }
            switch (column++) {
                case 0 -> {
                    line = b == 'i' ? LINE_ID : b == 'd' ? LINE_DATA : b == ':' ? LINE_COMMENT : LINE_OTHER;
                    number = 0;
                    open = false;
                }
                case 1 -> {
                    if (line == LINE_ID && b != 'd') {
                        line = LINE_OTHER;
                    }
                    open = line == LINE_COMMENT && b == 'o';
                }
                case 2 -> {
                    if (line == LINE_ID && b != ':') {
                        line = LINE_OTHER;
                    }
                    open = open && b == 'p';
                }
                default -> {
                    if (line == LINE_ID && b >= '0' && b <= '9') {
                        number = number * 10 + (b - '0');
                    } else if (line == LINE_DATA && !benchDone) {
                        bench(b);
                    }
                }
            }
        }

        /** Finds the first "bench-N" of an event's data: the headline of the entry the client posted. */
        private void bench(byte b) {
            if (benchMatched < BENCH.length) {
                benchMatched = b == BENCH[benchMatched] ? benchMatched + 1 : b == BENCH[0] ? 1 : 0;
            } else if (b >= '0' && b <= '9') {
                bench = bench * 10 + (b - '0');
            } else {
                benchDone = bench > 0;
                benchMatched = 0;
            }
        }

        private void lineDone() {
            if (column == 0) {
                // the blank line that ends an event
                if (benchDone) {
                    readers.delivered(this, bench);
                }
                benchMatched = 0;
                bench = 0;
                benchDone = false;
            } else if (line == LINE_ID) {
                last = number;
            } else if (line == LINE_COMMENT && open) {
                opened();
            }
            column = 0;
            line = LINE_OTHER;
        }

        private void opened() {
            if (!everOpened) {
                everOpened = true;
                readers.opened.incrementAndGet();
            } else if (readers.stormAt != 0 && index % 10 != 0 && !back) {
                back = true;
                readers.back++;
                readers.lastBack = System.nanoTime();
            }
        }
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
