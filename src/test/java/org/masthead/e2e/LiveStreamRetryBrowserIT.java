package org.masthead.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Playwright;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.ByteArrayOutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.masthead.content.Block;
import org.masthead.content.LiveBlog;
import org.masthead.content.LiveBlogs;
import org.masthead.content.LiveEntry;
import org.masthead.content.Stories;
import org.masthead.content.Taxonomy;
import org.masthead.platform.Language;
import org.masthead.platform.outbox.OutboxRelay;
import org.masthead.support.Fixtures;
import org.masthead.support.MastheadTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * A live blog's page on a node that holds all the streams it may: the page reads as ever and says nothing of it,
 * and once a place is free its script opens the stream by itself and shows what was posted meanwhile.
 */
@MastheadTest
@TestPropertySource(properties = "masthead.live-streams.max-open=1")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LiveStreamRetryBrowserIT {

    @LocalServerPort int port;
    @Autowired Stories stories;
    @Autowired Taxonomy taxonomy;
    @Autowired LiveBlogs blogs;
    @Autowired MeterRegistry meters;
    @Autowired OutboxRelay relay;

    private Playwright playwright;
    private Browser browser;

    @BeforeAll
    void startBrowser() {
        playwright = Playwright.create();
        browser = Browsers.chromium(playwright);
    }

    @AfterAll
    void stopBrowser() {
        browser.close();
        playwright.close();
    }

    @Test
    void aPageTurnedAwayByAFullNodeSaysNothingAndFollowsTheBlogOnceAPlaceIsFree() throws Exception {
        long id = new Fixtures(stories, taxonomy).story().in(Language.UK, "Онлайн: повний вузол").published();
        blogs.setState(id, LiveBlog.State.LIVE, true);
        var path = stories.published(id, Language.UK).map(p -> "/uk/" + p.section().slug() + "/" + p.slug() + "-" + id)
                .orElseThrow();
        blogs.post(id, draft("Перший запис"), "test");
        relay.drain();

        try (var occupant = new Socket()) {
            // another reader holds the node's one place
            occupant.connect(new InetSocketAddress("127.0.0.1", port));
            occupant.getOutputStream().write(("GET /live/" + id + "/uk/events HTTP/1.1\r\nHost: localhost\r\n"
                    + "Accept: text/event-stream\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            occupant.setSoTimeout(10_000);
            var head = new ByteArrayOutputStream();
            for (int b; !head.toString(StandardCharsets.UTF_8).contains(":open") && (b = occupant.getInputStream().read()) >= 0; ) {
                head.write(b);
            }
            assertThat(head.toString(StandardCharsets.UTF_8)).startsWith("HTTP/1.1 200");

            var reader = browser.newContext().newPage();
            var refused = meters.counter("masthead.live.streams.refused").count();
            reader.navigate("http://127.0.0.1:" + port + path);
            reader.waitForCondition(() -> meters.counter("masthead.live.streams.refused").count() > refused);
            assertThat(reader.locator(".live-entry").first().textContent()).contains("Перший запис");
            assertThat(reader.locator(".live-reload").isHidden()).isTrue();
            assertThat(reader.locator("section.live[data-connected]").count()).isZero();
            // the language switcher's own "not in this language" aside, the page says nothing of the refused stream
            assertThat(reader.locator("body").innerText()).doesNotContain("503", "Оновлення наживо", "unavailable");
            assertThat(Browsers.accessibilityViolations(reader)).isEmpty();

            // the other reader goes at once (a reset, which the node finds on its next write: the entry's)
            occupant.setSoLinger(true, 0);
            occupant.close();
            blogs.post(id, draft("Запис, поки сторінка чекала"), "test");
            relay.drain();
            reader.waitForCondition(() -> meters.get("masthead.live.streams").gauge().value() == 0);

            // the script comes back by itself within 10 to 20 s, from the entry the page had
            reader.locator("section.live[data-connected]").waitFor(new Locator.WaitForOptions().setTimeout(30_000));
            reader.locator(".live-entries .live-entry").first().locator("text=Запис, поки сторінка чекала")
                    .waitFor(new Locator.WaitForOptions().setTimeout(10_000));
            assertThat(reader.locator(".live-entries .live-entry").allTextContents())
                    .filteredOn(text -> text.contains("Перший запис")).hasSize(1);
        }
    }

    private static LiveEntry.Draft draft(String headline) {
        return new LiveEntry.Draft(Language.UK, "Test desk", headline, List.of(new Block.Paragraph("p1", "Подробиці згодом.")),
                false);
    }
}
