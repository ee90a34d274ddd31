package org.masthead.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.AriaRole;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.masthead.content.Block;
import org.masthead.content.FrontPages;
import org.masthead.content.LiveBlog;
import org.masthead.content.LiveBlogs;
import org.masthead.content.LiveEntry;
import org.masthead.content.Stories;
import org.masthead.content.Taxonomy;
import org.masthead.identity.Accounts;
import org.masthead.identity.Role;
import org.masthead.platform.Language;
import org.masthead.support.Fixtures;
import org.masthead.support.MastheadTest;
import org.masthead.support.Staff;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Live coverage in a real browser: an editor puts a live blog in the lead place of the Ukrainian front page and a
 * reader sees it there at once; an editor posts a key event and the reader's open page shows it without a reload,
 * in the entries and in the summary, announced to screen readers; without JavaScript the page offers the "new
 * entries" link. A translator translates an entry on the translation desk, text by text, and the open page of a
 * reader of the translation's language shows it in its place. axe finds nothing on any of these pages.
 */
@MastheadTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LiveCoverageBrowserIT {

    @LocalServerPort int port;
    @Autowired Accounts accounts;
    @Autowired Stories stories;
    @Autowired Taxonomy taxonomy;
    @Autowired LiveBlogs blogs;
    @Autowired FrontPages fronts;

    private Playwright playwright;
    private Browser browser;
    private final List<String> violations = new ArrayList<>();

    @BeforeAll
    void startBrowser() {
        playwright = Playwright.create();
        browser = Browsers.chromium(playwright);
    }

    @AfterAll
    void stopBrowser() {
        fronts.publish(FrontPages.Front.home(Language.UK), List.of(), "test");
        fronts.clearBanner(Language.UK, "test");
        browser.close();
        playwright.close();
    }

    private String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    @Test
    void anEditorLeadsWithTheLiveBlogAndPostsAnEntryThatReadersSeeWithoutReloading() {
        var fixtures = new Fixtures(stories, taxonomy);
        long id = fixtures.story().in(Language.UK, "Онлайн: ніч атак").published();
        blogs.setState(id, LiveBlog.State.LIVE, true);
        var path = stories.published(id, Language.UK).map(p -> "/uk/" + p.section().slug() + "/" + p.slug() + "-" + id)
                .orElseThrow();
        var editor = Browsers.signIn(browser, url(""), new Staff(accounts).member(Role.EDITOR), violations);

        // the front page: the live blog chosen in place 3, dragged to place 1 (the others close up), published
        editor.navigate(url("/newsroom/front/uk"));
        editor.locator("#front-drag").waitFor();
        violations.addAll(Browsers.accessibilityViolations(editor));
        editor.locator("#slot3-story").selectOption(Long.toString(id));
        // the drag's events as the browser sends them, with one DataTransfer from the pick-up to the drop
        var carried = editor.evaluateHandle("() => new DataTransfer()");
        editor.dispatchEvent("li.slot[data-slot='3']", "dragstart", java.util.Map.of("dataTransfer", carried));
        editor.dispatchEvent("li.slot[data-slot='1']", "dragover", java.util.Map.of("dataTransfer", carried));
        editor.dispatchEvent("li.slot[data-slot='1']", "drop", java.util.Map.of("dataTransfer", carried));
        editor.dispatchEvent("li.slot[data-slot='3']", "dragend", java.util.Map.of("dataTransfer", carried));
        assertThat(editor.locator("#slot1-story").inputValue()).isEqualTo(Long.toString(id));
        assertThat(editor.locator("#slot3-story").inputValue()).isEmpty();
        assertThat(editor.locator("[data-front-announcer]").textContent()).contains("1");
        // and from the keyboard: down to place 2 and back up with the place's buttons
        editor.locator("li.slot[data-slot='1'] [data-move=down]").click();
        assertThat(editor.locator("#slot2-story").inputValue()).isEqualTo(Long.toString(id));
        editor.locator("li.slot[data-slot='2'] [data-move=up]").press("Enter");
        assertThat(editor.locator("#slot1-story").inputValue()).isEqualTo(Long.toString(id));
        editor.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Publish the front page")).click();
        editor.waitForURL("**done=published");
        var reader = browser.newContext().newPage();
        reader.navigate(url("/uk/"));
        assertThat(reader.locator(".lead-story h2 a").getAttribute("href")).isEqualTo(path);
        violations.addAll(Browsers.accessibilityViolations(reader));

        // the reader opens the live blog; the stream is open once the script ran
        reader.navigate(url(path));
        violations.addAll(Browsers.accessibilityViolations(reader));
        assertThat(reader.locator(".live-reload").isHidden()).as("the script hides the reload link").isTrue();
        reader.locator("section.live[data-connected]").waitFor();

        // the editor posts a key event from the composer, with the keyboard
        editor.navigate(url("/newsroom/stories/" + id + "/live"));
        violations.addAll(Browsers.accessibilityViolations(editor));
        editor.locator("#entry-body").fill("Сили ППО збили **більшість** ракет над столицею.");
        editor.keyboard().press("Tab");
        editor.keyboard().press("Space");
        editor.locator("#entry-headline").fill("Нічна атака відбита");
        long posted = System.nanoTime();
        editor.locator("#entry-headline").press("Enter");
        editor.waitForURL("**done=posted");

        Locator entry = reader.locator(".live-entries .live-entry").first();
        entry.locator("text=Нічна атака відбита").waitFor(new Locator.WaitForOptions().setTimeout(5000));
        long shownMillis = (System.nanoTime() - posted) / 1_000_000;
        assertThat(entry.locator("strong").allTextContents()).contains("більшість");
        assertThat(reader.locator(".key-events li").first().textContent()).contains("Нічна атака відбита");
        reader.waitForFunction("() => document.querySelector('[data-live-announcer]').textContent.includes('Нічна атака відбита')");
        assertThat(reader.url()).as("no reload").endsWith(path);
        violations.addAll(Browsers.accessibilityViolations(reader));
        System.out.println("Live entry shown on the reader's open page " + shownMillis + " ms after the editor posted it");

        // a breaking-news banner goes up: the open page shows it without a reload, and takes it down when cleared
        fronts.setBanner(Language.UK, "Повітряна тривога в столиці", id, java.time.Instant.now().plusSeconds(3600), "test");
        reader.locator("aside.breaking a:has-text('Повітряна тривога в столиці')").waitFor(
                new Locator.WaitForOptions().setTimeout(5000));
        assertThat(reader.locator("aside.breaking a").getAttribute("href")).isEqualTo(path);
        violations.addAll(Browsers.accessibilityViolations(reader));
        fronts.clearBanner(Language.UK, "test");
        reader.locator("aside.breaking").waitFor(new Locator.WaitForOptions().setState(
                com.microsoft.playwright.options.WaitForSelectorState.DETACHED).setTimeout(5000));
        assertThat(reader.url()).as("no reload").endsWith(path);

        // without JavaScript the page works on reload and offers the link
        var plain = browser.newContext(new Browser.NewContextOptions().setJavaScriptEnabled(false)).newPage();
        plain.navigate(url(path));
        assertThat(plain.locator(".live-reload a").isVisible()).isTrue();
        // axe runs as a script, so it checks the same markup above, on the page with JavaScript
        assertThat(plain.locator(".live-entry").first().textContent()).contains("Нічна атака відбита");

        assertThat(violations).isEmpty();
    }

    /**
     * The front's grid leaves no column empty beside or under the lead, from a phone to a wide screen: on the home
     * page and on a section's first page with a lead the editors chose.
     */
    @Test
    void noColumnOfAFrontStaysEmpty() {
        var fixtures = new Fixtures(stories, taxonomy);
        long section = fixtures.section();
        long chosen = fixtures.story().inSection(section).in(Language.EN, "Chosen to lead the section").published();
        for (int i = 1; i <= 16; i++) {
            fixtures.story().inSection(section).in(Language.EN, "Section story " + i).published();
        }
        fronts.publish(FrontPages.Front.section(Language.EN, section), List.of(new FrontPages.Slot(1, chosen, null)), "test");
        var slug = taxonomy.sections().stream().filter(s -> s.id() == section).findFirst().orElseThrow().slug();
        var page = browser.newContext().newPage();
        for (var path : List.of("/en/", "/en/" + slug + "/")) {
            for (int width : List.of(320, 600, 900, 1280, 1920)) {
                page.setViewportSize(width, 1000);
                page.navigate(url(path));
                @SuppressWarnings("unchecked")
                var columns = (List<Object>) page.evaluate("""
                        () => {
                          const items = [...document.querySelectorAll('ul.front > li')].map(li => li.getBoundingClientRect());
                          const lefts = [...new Set(items.map(r => Math.round(r.left)))];
                          const lead = items[0];
                          // for each column: how far its last card reaches, against the lead's bottom
                          return lefts.map(left => Math.max(...items.filter(r => Math.round(r.left) <= left
                              && Math.round(r.right) >= left + 10).map(r => r.bottom)) >= lead.bottom - 1);
                        }""");
                assertThat(columns).as("every column of " + path + " reaches at least as far down as the lead at "
                        + width + " px").isNotEmpty().allMatch(Boolean.TRUE::equals);
            }
            assertThat(page.locator(".lead-story h2 a").getAttribute("href")).as(path)
                    .endsWith(path.equals("/en/") ? "" : "-" + chosen);
        }
    }

    @Test
    void aTranslatorTranslatesAnEntryOnTheDeskAndTheReaderOfItsLanguageSeesItInPlace() {
        long id = new Fixtures(stories, taxonomy).story().in(Language.UK, "Онлайн: переговори в Женеві")
                .in(Language.EN, "Live: talks in Geneva").published();
        blogs.setState(id, LiveBlog.State.LIVE, false);
        var older = blogs.post(id, new LiveEntry.Draft(Language.UK, "Test desk", "Делегації прибули", List.of(
                new Block.Paragraph("p1", "Переговори почалися о дев’ятій."),
                new Block.Quote("q2", "Ми готові говорити.", "Олена Петренко", "речниця")), false), "test").entry();
        var newer = blogs.post(id, new LiveEntry.Draft(Language.UK, "Test desk", "Перерва", List.of(
                new Block.Paragraph("p1", "Оголосили перерву.")), false), "test").entry();
        blogs.translate(id, newer.id(), new LiveEntry.TranslationDraft(Language.EN, "A break", List.of(
                new Block.Paragraph("p1", "A break was announced."))), "test");
        var path = stories.published(id, Language.EN).map(p -> "/en/" + p.section().slug() + "/" + p.slug() + "-" + id)
                .orElseThrow();

        // the English reader sees only the translated entry; the stream is open once the script ran
        var reader = browser.newContext().newPage();
        reader.navigate(url(path));
        reader.locator("section.live[data-connected]").waitFor();
        assertThat(entryIds(reader)).containsExactly("entry-" + newer.id());
        violations.addAll(Browsers.accessibilityViolations(reader));

        // the translator finds the live blog on the desk and translates the older entry, text by text
        var translator = Browsers.signIn(browser, url(""), new Staff(accounts).member(Role.TRANSLATOR), violations);
        translator.navigate(url("/newsroom/translations/" + id + "/live"));
        violations.addAll(Browsers.accessibilityViolations(translator));
        var form = translator.locator("#entry-" + older.id() + "-en");
        assertThat(form.locator("[data-state]").getAttribute("data-state")).isEqualTo("missing");
        field(translator, older.id(), "_headline.0").fill("Delegations arrive");
        field(translator, older.id(), "p1.0").fill("The talks began at **nine**.");
        field(translator, older.id(), "q2.0").fill("We are ready to talk.");
        assertThat(field(translator, older.id(), "q2.1").inputValue()).as("a name starts as written").isEqualTo("Олена Петренко");
        field(translator, older.id(), "q2.2").fill("spokeswoman");
        form.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Save the translation")).click();
        translator.waitForURL("**saved**");
        assertThat(translator.locator("#entry-" + older.id() + "-en [data-state]").getAttribute("data-state"))
                .isEqualTo("translated");
        violations.addAll(Browsers.accessibilityViolations(translator));

        // the reader's open page takes the translation in, below the newer entry, in English
        var translated = reader.locator("#entry-" + older.id());
        translated.locator("text=Delegations arrive").waitFor(new Locator.WaitForOptions().setTimeout(5000));
        assertThat(entryIds(reader)).containsExactly("entry-" + newer.id(), "entry-" + older.id());
        assertThat(translated.locator("strong").allTextContents()).contains("nine");
        assertThat(translated.textContent()).contains("We are ready to talk.", "spokeswoman").doesNotContain("Переговори");
        assertThat(reader.url()).as("no reload").endsWith(path);
        violations.addAll(Browsers.accessibilityViolations(reader));

        // and so does the page when it is loaded afresh
        reader.reload();
        assertThat(entryIds(reader)).containsExactly("entry-" + newer.id(), "entry-" + older.id());
        assertThat(reader.locator("#entry-" + older.id()).textContent()).contains("Delegations arrive", "nine");

        assertThat(violations).isEmpty();
    }

    /** The input of text {@code name} ({@code <item>.<index>}) on the English form of entry {@code entry}. */
    private static Locator field(Page page, long entry, String name) {
        return page.locator("[id='entry-" + entry + "-en-t." + name + "']");
    }

    private static List<String> entryIds(Page page) {
        return page.locator(".live-entries .live-entry").all().stream().map(entry -> entry.getAttribute("id")).toList();
    }
}
