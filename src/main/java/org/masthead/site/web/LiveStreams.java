package org.masthead.site.web;

import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PreDestroy;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.masthead.content.FrontPages;
import org.masthead.content.LiveBlog;
import org.masthead.content.SiteEvent;
import org.masthead.content.LiveBlogs;
import org.masthead.content.LiveEntry;
import org.masthead.content.LiveEvent;
import org.masthead.content.Stories;
import org.masthead.platform.Language;
import org.masthead.platform.db.NodeBroadcast;
import org.masthead.platform.outbox.OutboxConsumer;
import org.masthead.platform.outbox.OutboxEvent;
import org.masthead.site.PublicUrls;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The readers following live blogs on this node, each on an open event stream (Server-Sent Events), and the
 * delivery of every change to them. A change reaches every node: the outbox consumer that hears of it (once in
 * the cluster) wakes this node's streams and tells the others through {@link NodeBroadcast}; a poll every two
 * seconds catches what a lost message would miss. Each live blog keeps its recent changes once, each rendered
 * once per language as the bytes of its whole event, however many readers follow it, in an array that is
 * replaced, never changed, so readers look their next change up without a lock. A change costs each reader a
 * look-up and a copy of those same bytes into its connection, with one flush for whatever it had waiting: one
 * entry costs work in proportion to the readers, never to their square, and a reader joining wakes only itself. A
 * reader whose connection is still busy when more than {@link LiveStreamProperties#readerQueue()} changes wait
 * for it, or takes nothing for {@link LiveStreamProperties#slowReader()}, is dropped: what waits for it is only a
 * place in the shared list, so a stalled reader holds no memory of its own. Event ids are the live blog's change
 * numbers: a reader reconnecting with {@code Last-Event-ID} gets every change after it. A node holds at most
 * {@link LiveStreamProperties#maxOpen()} streams: past that a new one is answered 503 with {@code Retry-After}, so
 * a crowd reconnecting at once gets a short answer each instead of the memory the readers already served need.
 */
@Component
class LiveStreams implements OutboxConsumer, SmartLifecycle {

    private static final Set<String> EVENTS = OutboxEvent.typesOf(LiveEvent.EntryChanged.class, SiteEvent.BannerChanged.class);
    private static final Set<String> BANNER_EVENTS = OutboxEvent.typesOf(SiteEvent.BannerChanged.class);
    /** The message that tells the other nodes a language's banner changed: {@code banner:uk}. */
    private static final String BANNER = "banner:";

    private static final Logger log = LoggerFactory.getLogger(LiveStreams.class);
    static final String CHANNEL = "live_stream";
    /** How long an open stream lasts before the browser reconnects (it resumes from its last event). */
    static final Duration LIFETIME = Duration.ofMinutes(30);
    /** Changes each live blog keeps for readers that are a little behind; further back they are read again. */
    private static final int RECENT = 256;
    private static final int BATCH = 100;

    private final LiveBlogs blogs;
    private final Stories stories;
    private final LiveViews views;
    private final SitePages pages;
    private final PublicUrls urls;
    private final TemplateEngine templates;
    private final JsonMapper json;
    private final NodeBroadcast broadcast;
    private final LiveStreamProperties properties;
    private final FrontPages fronts;
    private final Map<Long, Followed> followed = new ConcurrentHashMap<>();
    /** The readers of each language's banner on pages that are no live blog. */
    private final Map<Language, Followed> banners = new EnumMap<>(Language.class);
    /** Each language's banner event as readers get it now, encoded once per change. */
    private final Map<Language, byte[]> bannerNow = new ConcurrentHashMap<>();
    private final ExecutorService senders = Executors.newVirtualThreadPerTaskExecutor();
    private final AtomicInteger open = new AtomicInteger();
    private final Counter dropped;
    private final Counter refused;
    private volatile boolean stopped;

    LiveStreams(LiveBlogs blogs, FrontPages fronts, Stories stories, LiveViews views, SitePages pages, PublicUrls urls,
            TemplateEngine templates, JsonMapper json, NodeBroadcast broadcast, LiveStreamProperties properties,
            MeterRegistry registry) {
        this.properties = properties;
        this.fronts = fronts;
        Language.all().forEach(language -> banners.put(language, new Followed(-1)));
        this.blogs = blogs;
        this.stories = stories;
        this.views = views;
        this.pages = pages;
        this.urls = urls;
        this.templates = templates;
        this.json = json;
        this.broadcast = broadcast;
        Gauge.builder("masthead.live.streams", open, AtomicInteger::get)
                .description("Event streams of live blogs open on this node").register(registry);
        this.dropped = Counter.builder("masthead.live.streams.dropped")
                .description("Readers dropped for falling behind").register(registry);
        this.refused = Counter.builder("masthead.live.streams.refused")
                .description("Streams answered 503 because the node held as many as it may").register(registry);
        broadcast.listen(CHANNEL, new NodeBroadcast.Listener() {
            @Override
            public void received(String message) {
                if (message.startsWith(BANNER)) {
                    Language.fromCode(message.substring(BANNER.length())).ifPresent(LiveStreams.this::bannerChanged);
                    return;
                }
                try {
                    wake(Long.parseLong(message));
                } catch (NumberFormatException ignored) {
                    // not ours
                }
            }

            @Override
            public void missedMessages() {
                followed.keySet().forEach(LiveStreams.this::wake);
                Language.all().forEach(LiveStreams.this::bannerChanged);
            }
        });
    }

    @Override
    public String name() {
        return "live-streams";
    }

    @Override
    public Set<String> eventTypes() {
        return EVENTS;
    }

    @Override
    public void handle(List<OutboxEvent> events) {
        // a batch of entries to one live blog wakes its readers once; a banner's changes once per language
        events.stream().filter(event -> BANNER_EVENTS.contains(event.type()))
                .map(event -> event.payload(SiteEvent.BannerChanged.class).language()).distinct().forEach(language -> {
                    bannerChanged(language);
                    broadcast.send(CHANNEL, BANNER + language.code());
                });
        events.stream().filter(event -> !BANNER_EVENTS.contains(event.type()))
                .map(event -> event.payload(LiveEvent.class).storyId()).distinct().forEach(storyId -> {
                    wake(storyId);
                    broadcast.send(CHANNEL, Long.toString(storyId));
                });
    }

    /**
     * Opens a stream of {@code language}'s breaking-news banner, for a reader page that is no live blog (a live blog's
     * own stream carries the banner too): the banner as it is now, at once, then each change.
     */
    void followBanner(Language language, HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!reserve(request, response)) {
            return;
        }
        var group = banners.get(language);
        var reader = new Reader(language, Long.MAX_VALUE);
        group.readers.add(reader);
        opened(group, reader, request, response);
    }

    /** Sends {@code language}'s banner as it is now to every reader of that language, live blogs' readers too. */
    void bannerChanged(Language language) {
        var event = readBanner(language);
        for (var group : groups()) {
            for (var reader : group.readers) {
                if (reader.language == language) {
                    send(group, reader, event);
                }
            }
        }
    }

    /** The banner event readers of {@code language} get now: read once per change, not per reader. */
    private byte[] bannerEvent(Language language) {
        var known = bannerNow.get(language);
        return known != null ? known : readBanner(language);
    }

    /** Reads {@code language}'s banner again, as its whole event: its data is {@code {}} when none is up. */
    private byte[] readBanner(Language language) {
        var now = java.time.Instant.now();
        var banner = fronts.banner(language).filter(b -> b.shownAt(now)).orElse(null);
        var data = new java.util.LinkedHashMap<String, Object>();
        if (banner != null) {
            var card = stories.cards(List.of(banner.storyId()), language).stream().findFirst();
            if (card.isPresent()) {
                data.put("label", pages.messages(language).get("banner.label"));
                data.put("text", banner.text());
                data.put("url", urls.story(card.get()));
                data.put("expiresAt", banner.expiresAt().toString());
            }
        }
        var event = EventStream.event(null, "banner", json.writeValueAsString(data));
        bannerNow.put(language, event);
        return event;
    }

    /** How many streams are open on this node. */
    int open() {
        return open.get();
    }

    /** Opens a stream of the live blog's changes after {@code after}, in {@code language}. */
    void follow(long storyId, Language language, long after, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        if (!reserve(request, response)) {
            return;
        }
        var reader = new Reader(language, after);
        // joined atomically, so the poll that forgets a live blog nobody follows cannot forget this reader
        var group = followed.compute(storyId, (id, existing) -> {
            var joined = existing == null ? new Followed(id) : existing;
            joined.readers.add(reader);
            return joined;
        });
        try {
            if (group.newest.get() < 0) {
                group.refresh();
            }
        } catch (RuntimeException e) {
            drop(group, reader, "failed");
            throw e;
        }
        opened(group, reader, request, response);
    }

    /**
     * Counts one more stream as open, or answers 503 with {@code Retry-After} when the node holds as many as it may:
     * the wait is spread over twice the setting, so a crowd turned away does not come back all at once.
     */
    private boolean reserve(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (open.incrementAndGet() <= properties.maxOpen() && !stopped) {
            return true;
        }
        open.decrementAndGet();
        refused.increment();
        long wait = Math.max(1, properties.retryAfter().toSeconds());
        // named in full: OutboxConsumer has an Unavailable of its own
        org.masthead.platform.web.Unavailable.answer(request, response, (int) (wait + ThreadLocalRandom.current().nextLong(wait + 1)),
                "This node follows as many live streams as it may; try again in a moment.",
                "Оновлення наживо ненадовго недоступні", "Live updates are briefly unavailable",
                "Обновления в реальном времени ненадолго недоступны");
        return false;
    }

    /**
     * Starts the stream of a reader that has joined {@code group}, counted as open (see {@link #reserve}) until it
     * ends, and sends it the opening at once, on the request's own thread, so the response is under way before the
     * request returns: the time the browser waits before reconnecting after the stream ends, and the banner as it is
     * now. The reader is busy meanwhile, so what comes for it waits; the pass that follows sends that and what the
     * reader missed: a reader joining wakes only itself.
     */
    private void opened(Followed group, Reader reader, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        try {
            reader.stream = EventStream.open(request, response, LIFETIME, () -> {
                if (group.readers.remove(reader)) {
                    open.decrementAndGet();
                }
            });
            reader.stream.write(EventStream.OPENING);
            reader.stream.write(bannerEvent(reader.language));
            reader.stream.flush();
        } catch (IOException gone) {
            drop(group, reader, "gone");   // the reader left before its stream began: nobody to answer
            return;
        } catch (RuntimeException e) {
            drop(group, reader, "failed");
            throw e;
        } finally {
            reader.busy.set(false);
        }
        kick(group, reader);
    }

    /** Reads the live blog's new changes once and hands them to every reader that has not had them. */
    void wake(long storyId) {
        var group = followed.get(storyId);
        if (group == null) {
            return;
        }
        group.refresh();
        int queue = properties.readerQueue();
        for (var reader : group.readers) {
            // one write still under way since the last wake, and more changes came meanwhile than a reader may have
            // waiting: it does not read (a reader that reads finishes a write long before the next wake)
            long writing = reader.writingSince;
            boolean stuck = writing != 0 && writing == reader.seenWriting;
            reader.seenWriting = writing;
            if (stuck && group.waiting(reader.newestAtWrite) > queue) {
                drop(group, reader, "behind");
            } else {
                kick(group, reader);
            }
        }
    }

    /** Every group of readers: each live blog's, and each language's banner readers'. */
    private List<Followed> groups() {
        var groups = new ArrayList<Followed>(followed.values());
        groups.addAll(banners.values());
        return groups;
    }

    /** Catches changes whose message another node never got, and notices stalled readers. */
    @Scheduled(fixedDelay = 2000)
    void poll() {
        for (var group : groups()) {
            if (group.storyId < 0) {
                dropStalled(group);
                continue;
            }
            if (group.readers.isEmpty()) {
                followed.computeIfPresent(group.storyId, (id, existing) -> existing.readers.isEmpty() ? null : existing);
                continue;
            }
            if (blogs.lastChange(group.storyId) > group.newest.get()) {
                wake(group.storyId);
            }
            dropStalled(group);
        }
    }

    private void dropStalled(Followed group) {
        long now = System.nanoTime();
        for (var reader : group.readers) {
            long since = reader.writingSince;
            if (since != 0 && now - since > properties.slowReader().toNanos()) {
                drop(group, reader, "slow");
            }
        }
    }

    /** A comment now and then keeps proxies from closing quiet streams and finds readers that went away. */
    @Scheduled(fixedDelay = 25_000)
    void heartbeat() {
        for (var group : groups()) {
            for (var reader : group.readers) {
                send(group, reader, EventStream.HEARTBEAT);
            }
        }
    }

    /**
     * Sends the reader what is waiting (comments and banners, then every change it has not had) on a virtual thread
     * of its own, one pass at a time per reader, with one flush for all of it; a call during a pass makes the pass go
     * round once more.
     */
    private void kick(Followed group, Reader reader) {
        reader.again.set(true);
        if (!reader.busy.compareAndSet(false, true)) {
            return;
        }
        senders.execute(() -> {
            try {
                while (reader.again.getAndSet(false)) {
                    boolean wrote = false;
                    byte[] extra;
                    while ((extra = reader.extras.poll()) != null) {
                        reader.writing(group.newest.get());
                        reader.stream.write(extra);
                        wrote = true;
                    }
                    var pending = group.after(reader.last);
                    while (!pending.isEmpty()) {
                        for (var change : pending) {
                            if (change.shownTo(reader.language)) {
                                reader.writing(group.newest.get());
                                reader.stream.write(change.event(reader.language));
                                wrote = true;
                            }
                            reader.last = change.changeId;
                        }
                        pending = group.after(reader.last);
                    }
                    if (wrote) {
                        reader.stream.flush();
                    }
                    reader.written();
                }
            } catch (IOException | IllegalStateException e) {
                drop(group, reader, "gone");
            } catch (RuntimeException e) {
                log.warn("Could not send live blog {} to a reader", group.storyId, e);
                drop(group, reader, "failed");
            } finally {
                reader.written();
                reader.busy.set(false);
            }
            // a call that came between the last check and the release
            if (reader.again.get() && group.readers.contains(reader)) {
                kick(group, reader);
            }
        });
    }

    /** Queues {@code event} (a comment or a banner) for the reader's next pass. */
    private void send(Followed group, Reader reader, byte[] event) {
        reader.extras.add(event);
        kick(group, reader);
    }

    private void drop(Followed group, Reader reader, String why) {
        if (group.readers.remove(reader)) {
            open.decrementAndGet();
            if (!"shutdown".equals(why) && !"gone".equals(why)) {
                dropped.increment();
                log.debug("Dropped a reader of live blog {}: {}", group.storyId, why);
            }
            // a stalled connection may block the one who closes it: never the caller's thread
            var stream = reader.stream;
            if (stream != null) {
                senders.execute(stream::close);
            }
        }
    }

    @Override
    public void start() {
        stopped = false;
    }

    /**
     * Ends every stream as the application stops, before the web server's graceful shutdown waits for the requests
     * under way, which a stream never stops being; the browsers come back from their last event.
     */
    @Override
    public void stop() {
        stopped = true;
        groups().forEach(group -> group.readers.forEach(reader -> drop(group, reader, "shutdown")));
    }

    @Override
    public boolean isRunning() {
        return !stopped;
    }

    @PreDestroy
    void close() {
        stop();
        senders.shutdown();
    }

    private static final class Reader {
        final Language language;
        /** Set once the stream has started, before any pass runs: the reader is busy until then. */
        volatile EventStream stream;
        volatile long last;
        final AtomicBoolean busy = new AtomicBoolean(true);
        final AtomicBoolean again = new AtomicBoolean();
        final ConcurrentLinkedQueue<byte[]> extras = new ConcurrentLinkedQueue<>();
        /** When the write now under way began (0: none is), and the live blog's newest change then. */
        volatile long writingSince;
        volatile long newestAtWrite;
        /** The write the last wake found under way. */
        volatile long seenWriting;

        Reader(Language language, long last) {
            this.language = language;
            this.last = last;
        }

        void writing(long newest) {
            newestAtWrite = newest;
            writingSince = System.nanoTime();
        }

        void written() {
            writingSince = 0;
        }
    }

    /**
     * One change as readers get it: its whole event rendered once per language, when a reader of that language first
     * needs it, and read without a lock from then on.
     */
    private final class Change {
        final long changeId;
        final LiveEntry.Changed changed;
        final LiveBlog blog;
        private final AtomicReferenceArray<byte[]> events = new AtomicReferenceArray<>(Language.values().length);

        Change(LiveEntry.Changed changed, LiveBlog blog) {
            this.changeId = changed.changeId();
            this.changed = changed;
            this.blog = blog;
        }

        /** A translation reaches the readers of its language; any other change every reader who sees the entry. */
        boolean shownTo(Language language) {
            if (changed.kind() == LiveEntry.Change.TRANSLATED) {
                return changed.language() == language;
            }
            return changed.entry().shownTo(language, blog.showUntranslated());
        }

        byte[] event(Language language) {
            var event = events.get(language.ordinal());
            if (event == null) {
                synchronized (this) {
                    event = events.get(language.ordinal());
                    if (event == null) {
                        event = EventStream.event(changeId, "entry", render(language));
                        events.set(language.ordinal(), event);
                    }
                }
            }
            return event;
        }

        private String render(Language language) {
            var entry = changed.entry();
            var view = views.entry(entry, language, views.pageUrls(entry.storyId()));
            var output = new StringOutput();
            templates.render("site/live-entry.jte", Map.of("entry", view, "t", pages.messages(language)), output);
            var data = new java.util.LinkedHashMap<String, Object>();
            data.put("change", changeId);
            data.put("kind", changed.kind().key());
            data.put("entry", entry.id());
            data.put("keyEvent", entry.keyEvent());
            var reading = entry.in(language);
            data.put("headline", entry.withdrawn() ? "" : reading.headline().isBlank()
                    ? org.masthead.site.seo.StoryMetadata.plainTextStart(reading.body()) : reading.headline());
            data.put("html", output.toString());
            return json.writeValueAsString(data);
        }
    }

    /** Recent changes in order, and the change after which every one is among them (-1 before the first read). */
    private record Window(Change[] changes, long coveredFrom) {
    }

    /** The readers of one live blog and its recent changes, newest last; with no story (-1), a banner's readers. */
    private final class Followed {
        final long storyId;
        final Set<Reader> readers = ConcurrentHashMap.newKeySet();
        /** The recent changes, replaced as a whole on each refresh: readers search it without a lock. */
        private volatile Window window = new Window(new Change[0], -1);
        final AtomicLong newest = new AtomicLong(-1);

        Followed(long storyId) {
            this.storyId = storyId;
        }

        synchronized void refresh() {
            var blog = blogs.find(storyId).orElse(null);
            if (blog == null) {
                return;
            }
            long from = newest.get() < 0 ? Math.max(0, blogs.lastChange(storyId) - RECENT) : newest.get();
            var old = window;
            long covered = old.coveredFrom() < 0 ? from : old.coveredFrom();
            var next = old.changes();
            var fresh = new ArrayList<Change>();
            while (true) {
                var changes = blogs.changesSince(storyId, from, BATCH);
                for (var changed : changes) {
                    fresh.add(new Change(changed, blog));
                    from = changed.changeId();
                }
                if (changes.size() < BATCH) {
                    break;
                }
            }
            if (!fresh.isEmpty()) {
                var before = old.changes();
                int keep = Math.max(0, Math.min(before.length, RECENT - fresh.size()));
                next = new Change[keep + Math.min(fresh.size(), RECENT)];
                System.arraycopy(before, before.length - keep, next, 0, keep);
                var tail = fresh.subList(Math.max(0, fresh.size() - RECENT), fresh.size());
                for (int i = 0; i < tail.size(); i++) {
                    next[keep + i] = tail.get(i);
                }
                // what fell off the front is no longer covered: readers behind it read the database
                if (before.length - keep > 0) {
                    covered = before[before.length - keep - 1].changeId;
                }
                if (fresh.size() > RECENT) {
                    covered = fresh.get(fresh.size() - RECENT - 1).changeId;
                }
            }
            window = new Window(next, covered);
            newest.set(Math.max(from, newest.get()));
        }

        /** Where the first change after {@code last} is in {@code changes}. */
        private static int firstAfter(Change[] changes, long last) {
            int low = 0;
            int high = changes.length;
            while (low < high) {
                int middle = (low + high) >>> 1;
                if (changes[middle].changeId <= last) {
                    low = middle + 1;
                } else {
                    high = middle;
                }
            }
            return low;
        }

        /** How many recent changes come after {@code last}: how far behind a reader there is. */
        int waiting(long last) {
            var changes = window.changes();
            return changes.length - firstAfter(changes, last);
        }

        /** The changes after {@code last}: from memory, or from the database for a reader further behind. */
        List<Change> after(long last) {
            if (storyId < 0) {
                return List.of();   // a banner's readers: no entries
            }
            long newestNow = newest.get();
            if (newestNow >= 0 && last >= newestNow) {
                return List.of();
            }
            var current = window;
            var changes = current.changes();
            if (current.coveredFrom() >= 0 && last >= current.coveredFrom()) {
                int first = firstAfter(changes, last);
                return first == changes.length ? List.of() : Arrays.asList(changes).subList(first, changes.length);
            }
            var blog = blogs.find(storyId).orElse(null);
            if (blog == null) {
                return List.of();
            }
            return blogs.changesSince(storyId, last, BATCH).stream().map(c -> new Change(c, blog)).toList();
        }
    }
}
