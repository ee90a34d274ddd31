package org.masthead.site.web;

import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.masthead.content.LiveBlog;
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
import org.springframework.http.MediaType;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import tools.jackson.databind.json.JsonMapper;

/**
 * The readers following live blogs on this node, each on an open event stream (Server-Sent Events), and the
 * delivery of every change to them. A change reaches every node: the outbox consumer that hears of it (once in
 * the cluster) wakes this node's streams and tells the others through {@link NodeBroadcast}; a poll every two
 * seconds catches what a lost message would miss. Each live blog keeps its recent changes once, rendered once
 * per language, however many readers follow it; a reader whose connection does not take what is sent within
 * {@link #SLOW} is dropped, so a stalled reader holds nothing for long. Event ids are the live blog's change
 * numbers: a reader reconnecting with {@code Last-Event-ID} gets every change after it.
 */
@Component
class LiveStreams implements OutboxConsumer {

    private static final Set<String> EVENTS = OutboxEvent.typesOf(LiveEvent.EntryChanged.class);

    private static final Logger log = LoggerFactory.getLogger(LiveStreams.class);
    static final String CHANNEL = "live_stream";
    /** How long an open stream lasts before the browser reconnects (it resumes from its last event). */
    static final Duration LIFETIME = Duration.ofMinutes(30);
    static final Duration SLOW = Duration.ofSeconds(10);
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
    private final Map<Long, Followed> followed = new ConcurrentHashMap<>();
    private final ExecutorService senders = Executors.newVirtualThreadPerTaskExecutor();
    private final AtomicInteger open = new AtomicInteger();

    LiveStreams(LiveBlogs blogs, Stories stories, LiveViews views, SitePages pages, PublicUrls urls,
            TemplateEngine templates, JsonMapper json, NodeBroadcast broadcast, MeterRegistry registry) {
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
        broadcast.listen(CHANNEL, new NodeBroadcast.Listener() {
            @Override
            public void received(String message) {
                try {
                    wake(Long.parseLong(message));
                } catch (NumberFormatException ignored) {
                    // not ours
                }
            }

            @Override
            public void missedMessages() {
                followed.keySet().forEach(LiveStreams.this::wake);
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
        // a batch of entries to one live blog wakes its readers once
        events.stream().map(event -> event.payload(LiveEvent.class).storyId()).distinct().forEach(storyId -> {
            wake(storyId);
            broadcast.send(CHANNEL, Long.toString(storyId));
        });
    }

    /** How many streams are open on this node. */
    int open() {
        return open.get();
    }

    /** Opens a stream of the live blog's changes after {@code after}, in {@code language}. */
    SseEmitter follow(long storyId, Language language, long after) {
        var emitter = new SseEmitter(LIFETIME.toMillis());
        var group = followed.computeIfAbsent(storyId, Followed::new);
        var reader = new Reader(emitter, language, after);
        group.readers.add(reader);
        open.incrementAndGet();
        Runnable gone = () -> {
            if (group.readers.remove(reader)) {
                open.decrementAndGet();
            }
        };
        emitter.onCompletion(gone);
        emitter.onTimeout(gone);
        emitter.onError(error -> gone.run());
        // the browser waits this long before reconnecting after the stream ends
        send(group, reader, () -> emitter.send(SseEmitter.event().reconnectTime(2000).comment("open")));
        wake(storyId);
        return emitter;
    }

    /** Reads the live blog's new changes once and hands them to every reader that has not had them. */
    void wake(long storyId) {
        var group = followed.get(storyId);
        if (group == null) {
            return;
        }
        group.refresh();
        for (var reader : group.readers) {
            deliver(group, reader);
        }
    }

    /** Catches changes whose message another node never got, and notices stalled readers. */
    @Scheduled(fixedDelay = 2000)
    void poll() {
        for (var group : followed.values()) {
            if (group.readers.isEmpty()) {
                followed.remove(group.storyId, group);
                continue;
            }
            if (blogs.lastChange(group.storyId) > group.newest.get()) {
                wake(group.storyId);
            }
            long now = System.nanoTime();
            for (var reader : group.readers) {
                long since = reader.busySince;
                if (reader.busy.get() && since != 0 && now - since > SLOW.toNanos()) {
                    drop(group, reader, "slow");
                }
            }
        }
    }

    /** A comment now and then keeps proxies from closing quiet streams and finds readers that went away. */
    @Scheduled(fixedDelay = 25_000)
    void heartbeat() {
        for (var group : followed.values()) {
            for (var reader : group.readers) {
                send(group, reader, () -> reader.emitter.send(SseEmitter.event().comment("")));
            }
        }
    }

    private void deliver(Followed group, Reader reader) {
        kick(group, reader);
    }

    /**
     * Sends the reader what is waiting (comments, then every change it has not had) on a virtual thread of its
     * own, one pass at a time per reader; a call during a pass makes the pass go round once more.
     */
    private void kick(Followed group, Reader reader) {
        reader.again.set(true);
        if (!reader.busy.compareAndSet(false, true)) {
            return;
        }
        senders.execute(() -> {
            reader.busySince = System.nanoTime();
            try {
                while (reader.again.getAndSet(false)) {
                    Sending extra;
                    while ((extra = reader.extras.poll()) != null) {
                        extra.run();
                    }
                    var pending = group.after(reader.last);
                    while (!pending.isEmpty()) {
                        for (var change : pending) {
                            if (change.shownTo(reader.language)) {
                                reader.emitter.send(SseEmitter.event().id(Long.toString(change.changeId)).name("entry")
                                        .data(change.json(reader.language), MediaType.APPLICATION_JSON));
                            }
                            reader.last = change.changeId;
                        }
                        pending = group.after(reader.last);
                    }
                }
            } catch (IOException | IllegalStateException e) {
                drop(group, reader, "gone");
            } catch (RuntimeException e) {
                log.warn("Could not send live blog {} to a reader", group.storyId, e);
                drop(group, reader, "failed");
            } finally {
                reader.busySince = 0;
                reader.busy.set(false);
            }
            // a call that came between the last check and the release
            if (reader.again.get() && group.readers.contains(reader)) {
                kick(group, reader);
            }
        });
    }

    /** Queues {@code work} (a comment) for the reader's next pass. */
    private void send(Followed group, Reader reader, Sending work) {
        reader.extras.add(work);
        kick(group, reader);
    }

    private void drop(Followed group, Reader reader, String why) {
        if (group.readers.remove(reader)) {
            open.decrementAndGet();
            // a stalled connection may block the one who closes it: never the caller's thread
            senders.execute(() -> {
                try {
                    reader.emitter.complete();
                } catch (RuntimeException ignored) {
                    // already closed
                }
            });
        }
    }

    @PreDestroy
    void close() {
        followed.values().forEach(group -> group.readers.forEach(reader -> drop(group, reader, "shutdown")));
        senders.shutdown();
    }

    private interface Sending {
        void run() throws IOException;
    }

    private static final class Reader {
        final SseEmitter emitter;
        final Language language;
        volatile long last;
        final AtomicBoolean busy = new AtomicBoolean();
        final AtomicBoolean again = new AtomicBoolean();
        final java.util.concurrent.ConcurrentLinkedQueue<Sending> extras = new java.util.concurrent.ConcurrentLinkedQueue<>();
        volatile long busySince;

        Reader(SseEmitter emitter, Language language, long last) {
            this.emitter = emitter;
            this.language = language;
            this.last = last;
        }
    }

    /** One change as readers get it: rendered once per language, when a reader of that language first needs it. */
    private final class Change {
        final long changeId;
        final LiveEntry.Changed changed;
        final LiveBlog blog;
        private final Map<Language, String> rendered = new EnumMap<>(Language.class);

        Change(LiveEntry.Changed changed, LiveBlog blog) {
            this.changeId = changed.changeId();
            this.changed = changed;
            this.blog = blog;
        }

        boolean shownTo(Language language) {
            return LiveViews.shown(blog, changed.entry(), language);
        }

        synchronized String json(Language language) {
            return rendered.computeIfAbsent(language, this::render);
        }

        private String render(Language language) {
            var entry = changed.entry();
            var story = stories.cards(List.of(entry.storyId()), language).stream().findFirst();
            var storyUrl = story.map(urls::story).orElse("");
            var view = views.entry(entry, language, storyUrl);
            var output = new StringOutput();
            templates.render("site/live-entry.jte", Map.of("entry", view, "t", pages.messages(language)), output);
            var data = new java.util.LinkedHashMap<String, Object>();
            data.put("change", changeId);
            data.put("kind", changed.kind().key());
            data.put("entry", entry.id());
            data.put("keyEvent", entry.keyEvent());
            data.put("headline", entry.withdrawn() ? "" : entry.headline().isBlank()
                    ? org.masthead.site.seo.StoryMetadata.plainTextStart(entry.body()) : entry.headline());
            data.put("html", output.toString());
            return json.writeValueAsString(data);
        }
    }

    /** The readers of one live blog and its recent changes, newest last. */
    private final class Followed {
        final long storyId;
        final List<Reader> readers = new CopyOnWriteArrayList<>();
        private final ArrayDeque<Change> recent = new ArrayDeque<>();
        final AtomicLong newest = new AtomicLong(-1);
        /** Every change of this live blog after this one is in {@code recent}; -1 until the first read. */
        private long coveredFrom = -1;

        Followed(long storyId) {
            this.storyId = storyId;
        }

        synchronized void refresh() {
            var blog = blogs.find(storyId).orElse(null);
            if (blog == null) {
                return;
            }
            long from = newest.get() < 0 ? Math.max(0, blogs.lastChange(storyId) - RECENT) : newest.get();
            if (coveredFrom < 0) {
                coveredFrom = from;
            }
            while (true) {
                var changes = blogs.changesSince(storyId, from, BATCH);
                for (var changed : changes) {
                    recent.addLast(new Change(changed, blog));
                    from = changed.changeId();
                }
                while (recent.size() > RECENT) {
                    coveredFrom = recent.removeFirst().changeId;
                }
                if (changes.size() < BATCH) {
                    break;
                }
            }
            newest.set(Math.max(from, newest.get()));
        }

        /** The changes after {@code last}: from memory, or from the database for a reader further behind. */
        List<Change> after(long last) {
            synchronized (this) {
                if (newest.get() >= 0 && last >= newest.get()) {
                    return List.of();
                }
                if (coveredFrom >= 0 && last >= coveredFrom) {
                    var pending = new ArrayList<Change>();
                    for (var change : recent) {
                        if (change.changeId > last) {
                            pending.add(change);
                        }
                    }
                    return pending;
                }
            }
            var blog = blogs.find(storyId).orElse(null);
            if (blog == null) {
                return List.of();
            }
            return blogs.changesSince(storyId, last, BATCH).stream().map(c -> new Change(c, blog)).toList();
        }
    }
}
