package org.masthead.site.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.masthead.platform.Language.EN;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.masthead.content.Block;
import org.masthead.content.LiveBlog;
import org.masthead.content.LiveBlogs;
import org.masthead.content.LiveEntry;
import org.masthead.content.Stories;
import org.masthead.content.Taxonomy;
import org.masthead.platform.outbox.OutboxRelay;
import org.masthead.support.EventStreamReader;
import org.masthead.support.Fixtures;
import org.masthead.support.MastheadTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * A node holds a bounded number of event streams: past the bound a new stream is answered 503 with a
 * {@code Retry-After}, the readers already in go on getting every entry, and a crowd reconnecting at once with
 * {@code Last-Event-ID} gets, reader by reader, either its stream with every entry it missed or that answer.
 */
@MastheadTest
@TestPropertySource(properties = {"masthead.live-streams.max-open=4", "masthead.live-streams.retry-after=5s"})
class LiveStreamLimitIntegrationTest {

    @LocalServerPort int port;
    @Autowired Stories stories;
    @Autowired Taxonomy taxonomy;
    @Autowired LiveBlogs blogs;
    @Autowired OutboxRelay relay;
    @Autowired LiveStreams liveStreams;
    @Autowired io.micrometer.core.instrument.MeterRegistry meters;
    final List<EventStreamReader> streams = new ArrayList<>();
    long id;

    @BeforeEach
    void setUp() {
        id = new Fixtures(stories, taxonomy).story().in(EN, "Live: a crowd at the door").published();
        blogs.setState(id, LiveBlog.State.LIVE, true);
        relay.drain();
    }

    @AfterEach
    void closeStreams() throws Exception {
        streams.forEach(EventStreamReader::close);
        waitUntilOpen(0);
    }

    @Test
    void pastItsBoundANodeTurnsANewStreamAwayAndTheReadersInGoOn() throws Exception {
        long start = blogs.lastChange(id);
        for (int i = 0; i < 4; i++) {
            open(Long.toString(start));
        }
        double refused = meters.counter("masthead.live.streams.refused").count();

        var answer = request(Long.toString(start));
        assertThat(answer.statusCode()).isEqualTo(503);
        assertThat(Integer.parseInt(answer.headers().firstValue("Retry-After").orElseThrow())).isBetween(5, 10);
        assertThat(answer.body()).contains("Live updates are briefly unavailable");
        assertThat(meters.counter("masthead.live.streams.refused").count()).isEqualTo(refused + 1);
        assertThat(liveStreams.open()).isEqualTo(4);

        var posted = post("After the refusal");
        for (var stream : streams) {
            assertThat(stream.next().id()).isEqualTo(posted);
        }

        // a reader goes; once its node finds the stream closed, a reader gets in again and resumes without a gap
        streams.removeFirst().close();
        waitUntilOpen(3);
        var missed = post("While the door was shut");
        var resumed = open(Long.toString(posted));
        assertThat(resumed.next().id()).isEqualTo(missed);
    }

    @Test
    void aCrowdReconnectingAtOnceGetsEachItsStreamWithEverythingOrAnAnswerToComeBack() throws Exception {
        long start = blogs.lastChange(id);
        var staying = open(Long.toString(start));
        var first = post("Before the crowd");
        var second = post("Also before the crowd");
        assertThat(staying.next().id()).isEqualTo(first);
        assertThat(staying.next().id()).isEqualTo(second);

        // ten browsers come back at once, each from the first entry: three places are left
        var answers = new ArrayList<Object>();
        try (var crowd = Executors.newVirtualThreadPerTaskExecutor()) {
            var calls = new ArrayList<Callable<Object>>();
            for (int i = 0; i < 10; i++) {
                calls.add(() -> {
                    try {
                        return EventStreamReader.open(port, LiveViews.stream(id, EN), Long.toString(first));
                    } catch (AssertionError turnedAway) {
                        return request(Long.toString(first));
                    }
                });
            }
            for (var future : crowd.invokeAll(calls)) {
                answers.add(future.get());
            }
        }
        var admitted = answers.stream().filter(EventStreamReader.class::isInstance).map(EventStreamReader.class::cast).toList();
        streams.addAll(admitted);
        assertThat(admitted).hasSize(3);
        assertThat(answers.stream().filter(HttpResponse.class::isInstance).map(HttpResponse.class::cast))
                .hasSize(7).allSatisfy(answer -> {
                    assertThat(answer.statusCode()).isEqualTo(503);
                    assertThat(answer.headers().firstValue("Retry-After")).isPresent();
                });

        var third = post("After the crowd");
        for (var stream : admitted) {
            assertThat(stream.next().id()).as("what the reader missed").isEqualTo(second);
            assertThat(stream.next().id()).isEqualTo(third);
        }
        assertThat(staying.next().id()).as("the reader who stayed").isEqualTo(third);
    }

    private EventStreamReader open(String lastEventId) throws Exception {
        var stream = EventStreamReader.open(port, LiveViews.stream(id, EN), lastEventId);
        streams.add(stream);
        return stream;
    }

    private HttpResponse<String> request(String lastEventId) throws Exception {
        try (var client = HttpClient.newHttpClient()) {
            return client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + LiveViews.stream(id, EN)))
                    .header("Accept", "text/event-stream").header("Last-Event-ID", lastEventId).build(),
                    HttpResponse.BodyHandlers.ofString());
        }
    }

    private long post(String headline) {
        var posted = blogs.post(id, new LiveEntry.Draft(EN, "Test desk", headline,
                List.of(new Block.Paragraph("p1", "Text of " + headline)), false), "test");
        relay.drain();
        return posted.changeId();
    }

    /** Closed streams are found on the next write: comments are sent until the node counts {@code streams}. */
    private void waitUntilOpen(int count) throws InterruptedException {
        for (int i = 0; i < 200 && liveStreams.open() != count; i++) {
            liveStreams.heartbeat();
            Thread.sleep(50);
        }
        assertThat(liveStreams.open()).as("streams open").isEqualTo(count);
    }
}
