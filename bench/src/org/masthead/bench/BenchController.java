package org.masthead.bench;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Predicate;
import org.masthead.content.Block;
import org.masthead.content.Mark;
import org.masthead.content.NewStory;
import org.masthead.content.RichText;
import org.masthead.content.SaveVersion;
import org.masthead.content.Stories;
import org.masthead.content.StoryCard;
import org.masthead.content.StoryFilter;
import org.masthead.platform.Language;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * Measurements that need the inside of the application, answered as plain text to 127.0.0.1 only.
 * Publishing goes through the Stories front door (Masthead has no write API yet); the change is then
 * looked for over HTTP on the public page, exactly as a reader would see it.
 */
@RestController
class BenchController {

    private static final Duration GIVE_UP = Duration.ofSeconds(10);

    private final StoryGenerator generator;
    private final Stories stories;
    private final JdbcClient jdbc;
    private final HttpClient http;
    private final int port;

    private final io.micrometer.core.instrument.MeterRegistry metrics;

    BenchController(StoryGenerator generator, Stories stories, JdbcClient jdbc, HttpClient http, int port,
            io.micrometer.core.instrument.MeterRegistry metrics) {
        this.metrics = metrics;
        this.generator = generator;
        this.stories = stories;
        this.jdbc = jdbc;
        this.http = http;
        this.port = port;
    }

    /**
     * "ready" once the archive is written and every outbox consumer has caught up: the relay hands
     * events to one consumer after another, so a consumer with a backlog delays the page cache too.
     */
    @GetMapping("/bench/status")
    String status(HttpServletRequest request) {
        loopbackOnly(request);
        long backlog = jdbc.sql("""
                select count(*) from outbox_event
                 where id > coalesce((select min(position) from outbox_cursor), 0)""")
                .query(Long.class).single();
        var state = generator.done() && backlog == 0 ? "ready" : "busy";
        return "%s generated=%d/%d outbox-backlog=%d story=%s%n".formatted(state, generator.written(),
                generator.count(), backlog, generator.done() ? path(newest()) : "");
    }

    /**
     * {@code count} distinct reader addresses, one a line, most visited first: the home page and the section pages
     * of the three languages, then story pages, newest first, in turn in each language, and the older pages of the
     * section listings. The soak run draws from them with a long tail, so most of its requests are hits and a steady
     * share are misses of pages nobody asked for yet.
     */
    @GetMapping("/bench/addresses")
    String addresses(@RequestParam(defaultValue = "10000") int count, HttpServletRequest request) {
        loopbackOnly(request);
        var addresses = new java.util.LinkedHashSet<String>();
        var sections = new java.util.LinkedHashSet<String>();
        for (var language : Language.values()) {
            addresses.add("/" + language.code() + "/");
        }
        int perLanguage = count / Language.values().length + 1;
        var lists = new ArrayList<List<StoryCard>>();
        for (var language : Language.values()) {
            var cards = stories.list(StoryFilter.all(language), 0, perLanguage).stories();
            lists.add(cards);
            for (var card : cards) {
                sections.add("/" + language.code() + "/" + card.section().slug() + "/");
            }
        }
        addresses.addAll(sections);
        for (int i = 0; i < perLanguage && addresses.size() < count * 9 / 10; i++) {
            for (var cards : lists) {
                if (i < cards.size()) {
                    var card = cards.get(i);
                    addresses.add("/" + card.language().code() + "/" + card.section().slug() + "/" + card.slug()
                            + "-" + card.id());
                }
            }
        }
        for (int page = 2; addresses.size() < count && page < 10_000; page++) {
            for (var section : sections) {
                if (addresses.size() < count) {
                    addresses.add(section + "?page=" + page);
                }
            }
        }
        return String.join("\n", addresses) + "\n";
    }

    /** Publishes {@code count} corrections of the newest story and times each until the public page shows it. */
    @GetMapping("/bench/publish-latency")
    String publishLatency(@RequestParam(defaultValue = "100") int count, HttpServletRequest request) {
        loopbackOnly(request);
        var path = path(newest());
        return "publish-to-visible over %d publishes of %s: %s%n".formatted(count, path,
                summary(timePublishes(count, word -> get(path, "").body().contains(word))));
    }

    /**
     * Publishes {@code count} corrections, each with a word never seen before, and times each until the
     * reader search finds the story by that word (the index is fed by the outbox, like the page cache).
     */
    @GetMapping("/bench/search-latency")
    String searchLatency(@RequestParam(defaultValue = "100") int count, HttpServletRequest request) {
        loopbackOnly(request);
        var path = path(newest());
        return "publish-to-searchable over %d publishes of %s: %s%n".formatted(count, path,
                summary(timePublishes(count, word -> get("/en/search?q=" + word, "").body().contains(path))));
    }

    /**
     * Times {@code count} corrections of the newest story until {@code visible} holds for the word each one
     * brings: a made-up word of letters only, so that every analyzer keeps it whole.
     */
    private List<Double> timePublishes(int count, Predicate<String> visible) {
        var story = newest();
        var millis = new ArrayList<Double>();
        for (int i = 0; i < count; i++) {
            var current = stories.working(story.id(), Language.EN).orElseThrow();
            var word = "zq" + letters(System.nanoTime());
            long started = System.nanoTime();
            stories.save(new SaveVersion(story.id(), Language.EN, current.revision(), current.headline(),
                    "Correction " + i + " " + word, current.seoTitle(), current.seoDescription(),
                    current.leadImageCaption(), current.leadImageCredit(), current.leadImageAlt(), current.body(),
                    "bench"));
            stories.publish(story.id());
            while (!visible.test(word)) {
                if (System.nanoTime() - started > GIVE_UP.toNanos()) {
                    throw new IllegalStateException("Publish " + i + " not visible after " + GIVE_UP);
                }
                LockSupport.parkNanos(Duration.ofMillis(1).toNanos());
            }
            millis.add((System.nanoTime() - started) / 1e6);
        }
        return millis;
    }

    /**
     * Breaking news: publishes a correction of the newest story every {@code intervalMillis} ms, {@code count}
     * times (each evicts the story page, its section, the home page and the feeds), and reports how many pages
     * were rendered meanwhile, from the page cache's own meters.
     */
    @GetMapping("/bench/publish-every")
    String publishEvery(@RequestParam(defaultValue = "60") int count,
            @RequestParam(defaultValue = "1000") long intervalMillis, HttpServletRequest request) {
        loopbackOnly(request);
        var story = newest();
        double rendersBefore = renders();
        long next = System.nanoTime();
        for (int i = 0; i < count; i++) {
            var current = stories.working(story.id(), Language.EN).orElseThrow();
            stories.save(new SaveVersion(story.id(), Language.EN, current.revision(), current.headline(),
                    "Breaking correction " + i + " " + letters(System.nanoTime()), current.seoTitle(),
                    current.seoDescription(), current.leadImageCaption(), current.leadImageCredit(),
                    current.leadImageAlt(), current.body(), "bench"));
            stories.publish(story.id());
            next += Duration.ofMillis(intervalMillis).toNanos();
            LockSupport.parkNanos(Math.max(0, next - System.nanoTime()));
        }
        double rendered = renders() - rendersBefore;
        return String.format(Locale.ROOT, "published %d corrections of %s, one every %d ms: %.0f pages rendered"
                + " meanwhile, %.2f renders per publication%n", count, path(story), intervalMillis, rendered,
                rendered / count);
    }

    private double renders() {
        var timer = metrics.find("masthead.page.render").timer();
        return timer == null ? 0 : timer.count();
    }

    /**
     * Renders {@code count} distinct story pages past the cache (as a signed-in user) after
     * {@code warmup} others, and reports the Server-Timing render durations.
     */
    @GetMapping("/bench/render-timing")
    String renderTiming(@RequestParam(defaultValue = "1000") int count, @RequestParam(defaultValue = "2000") int warmup,
            HttpServletRequest request) {
        loopbackOnly(request);
        var cards = new ArrayList<StoryCard>();
        for (int offset = 0; cards.size() < count + warmup; offset += 100) {
            var page = stories.list(StoryFilter.all(Language.EN), offset, 100).stories();
            if (page.isEmpty()) {
                break;
            }
            cards.addAll(page);
        }
        var millis = new ArrayList<Double>();
        for (int i = 0; i < cards.size(); i++) {
            var response = get(path(cards.get(i)), "JSESSIONID=bench-render-timing");
            var timing = response.headers().firstValue("Server-Timing").orElseThrow();
            if (response.statusCode() != 200 || !response.headers().firstValue("X-Page-Cache").orElse("").equals("bypass")) {
                throw new IllegalStateException("Not an uncached render: " + response.statusCode() + " " + timing);
            }
            if (i >= warmup) {
                millis.add(Double.parseDouble(timing.substring(timing.indexOf("dur=") + 4)));
            }
        }
        return "uncached story render (Server-Timing app;dur) over %d pages after %d warm-up renders: %s%n"
                .formatted(millis.size(), Math.min(warmup, cards.size()), summary(millis));
    }

    /**
     * Inline marks' cost: two stories of {@code paragraphs} paragraphs with the same words, one plain and one
     * with marks in every paragraph (bold, italic, a link with rel, a link to another story, a superscript),
     * rendered past the cache {@code count} times each, alternating, after {@code warmup} renders of each;
     * reports the Server-Timing medians, their ratio and the stored body sizes.
     */
    @GetMapping("/bench/rich-text")
    String richText(@RequestParam(defaultValue = "200") int paragraphs, @RequestParam(defaultValue = "1000") int count,
            @RequestParam(defaultValue = "200") int warmup, HttpServletRequest request) {
        loopbackOnly(request);
        var other = newest();
        var plain = new ArrayList<Block>();
        var marked = new ArrayList<Block>();
        var random = new java.util.Random(12);
        for (int p = 0; p < paragraphs; p++) {
            var text = new StringBuilder();
            while (text.length() < 300) {
                text.append(letters(1 + random.nextInt(20_000))).append(' ');
            }
            text.append("m2 end.");
            var words = text.toString();
            int third = words.indexOf(' ', 100);
            int half = words.indexOf(' ', 150);
            int late = words.indexOf(' ', 220);
            var marks = List.<Mark>of(new Mark.Bold(0, words.indexOf(' ')), new Mark.Italic(40, third),
                    new Mark.Bold(60, half), new Mark.Link(third + 1, half, "https://example.org/source/" + p,
                            List.of("nofollow")),
                    new Mark.StoryLink(half + 1, late, other.id()),
                    new Mark.Superscript(words.length() - 5, words.length() - 4));
            plain.add(new Block.Paragraph("p" + p, words));
            marked.add(new Block.Paragraph("p" + p, new RichText(words, marks)));
        }
        var ids = new ArrayList<Long>();
        for (var body : List.of(plain, marked)) {
            long id = stories.create(new NewStory(other.section().id(), Language.EN, List.of(), List.of(), null));
            stories.save(new SaveVersion(id, Language.EN, 0, "Rich text bench " + id, "Standfirst", "", "", "", "", "",
                    body, "bench"));
            stories.publish(id);
            ids.add(id);
        }
        var paths = ids.stream().map(id -> path(stories.published(id, Language.EN).orElseThrow().card())).toList();
        var millis = List.of(new ArrayList<Double>(), new ArrayList<Double>());
        for (int i = 0; i < warmup + count; i++) {
            for (int k = 0; k < 2; k++) {
                var response = get(paths.get(k), "JSESSIONID=bench-rich-text");
                var timing = response.headers().firstValue("Server-Timing").orElseThrow();
                if (response.statusCode() != 200) {
                    throw new IllegalStateException("GET " + paths.get(k) + ": " + response.statusCode());
                }
                if (i >= warmup) {
                    millis.get(k).add(Double.parseDouble(timing.substring(timing.indexOf("dur=") + 4)));
                }
            }
        }
        var sizes = ids.stream().map(id -> jdbc.sql("select length(body) from revision where story_id = :id")
                .param("id", id).query(Long.class).single()).toList();
        double plainMedian = percentile(millis.get(0).stream().sorted().toList(), 50);
        double markedMedian = percentile(millis.get(1).stream().sorted().toList(), 50);
        return String.format(Locale.ROOT, "story of %d paragraphs, uncached render (Server-Timing app;dur), %d renders each"
                + " after %d warm-up, alternating:%n  without marks: %s%n  with marks (6 per paragraph, %d marks): %s%n"
                + "  median ratio with/without: %.3f%nstored body: without marks %d bytes, with marks %d bytes (ratio %.3f)%n",
                paragraphs, count, warmup, summary(millis.get(0)), 6 * paragraphs, summary(millis.get(1)),
                markedMedian / plainMedian, sizes.get(0), sizes.get(1), (double) sizes.get(1) / sizes.get(0));
    }

    private static String letters(long number) {
        var word = new StringBuilder();
        for (long rest = number; rest > 0; rest /= 26) {
            word.append((char) ('a' + rest % 26));
        }
        return word.toString();
    }

    private StoryCard newest() {
        return stories.list(StoryFilter.all(Language.EN), 0, 1).stories().getFirst();
    }

    private static String path(StoryCard card) {
        return "/en/" + card.section().slug() + "/" + card.slug() + "-" + card.id();
    }

    private HttpResponse<String> get(String path, String cookie) {
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET();
        if (!cookie.isEmpty()) {
            request.header("Cookie", cookie);
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("GET " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String summary(List<Double> millis) {
        var sorted = millis.stream().sorted().toList();
        return String.format(Locale.ROOT, "median %.2f ms, p90 %.2f ms, p99 %.2f ms, max %.2f ms",
                percentile(sorted, 50), percentile(sorted, 90), percentile(sorted, 99), sorted.getLast());
    }

    /** Nearest-rank percentile. */
    private static double percentile(List<Double> sorted, int percent) {
        int rank = (int) Math.ceil(percent / 100.0 * sorted.size());
        return sorted.get(Math.max(0, rank - 1));
    }

    private static void loopbackOnly(HttpServletRequest request) {
        var address = request.getRemoteAddr();
        if (!address.equals("127.0.0.1") && !address.equals("0:0:0:0:0:0:0:1")) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN);
        }
    }
}
