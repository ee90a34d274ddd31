package org.masthead.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
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
import org.masthead.content.Mark;
import org.masthead.content.RichText;
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
 * The toolbar editor for texts with marks in Debian's Chromium: keyboard shortcuts, the link and story-link
 * panels, paste from another page cleaned to the marks of the model, a refused oversized paste, marks kept
 * across the form's own steps, and axe finding nothing on the way.
 */
@MastheadTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RichTextEditorBrowserIT {

    @LocalServerPort
    int port;

    @Autowired
    Accounts accounts;

    @Autowired
    Stories stories;

    @Autowired
    Taxonomy taxonomy;

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
        browser.close();
        playwright.close();
    }

    private String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    @Test
    void anEditorMarksTextWithTheToolbarAndTheKeyboardAndPastesOnlyWhatTheModelKeeps() {
        var fixtures = new Fixtures(stories, taxonomy);
        var code = Fixtures.unique("harbour");
        long target = fixtures.story().in(Language.EN, "Harbour reopens " + code).published();
        long storyId = fixtures.story().in(Language.EN, "Toolbar story").draft();
        var page = Browsers.signIn(browser, url(""), new Staff(accounts).member(Role.EDITOR), violations);
        // the newsroom's Content-Security-Policy allows no inline script or style: the editor must need none
        var console = new ArrayList<String>();
        page.onConsoleMessage(message -> console.add(message.type() + ": " + message.text()));
        page.navigate(url("/newsroom/stories/" + storyId + "/en/edit"));

        var editor = Browsers.richEditor(page, "#b0-text");
        editor.waitFor();
        assertThat(page.locator("#b0-text").isHidden()).isTrue();
        assertThat(page.getByRole(AriaRole.TOOLBAR).first().getAttribute("aria-label")).startsWith("Formatting");
        violations.addAll(Browsers.accessibilityViolations(page));

        editor.click();
        page.keyboard().press("Control+A");
        page.keyboard().type("Talks resume today and more");
        // "more": link to a story found by its headline
        select(editor, "more");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Link to a story")).first().click();
        page.getByLabel("Find a story by its headline").fill(code);
        page.locator(".rich-results button", new Page.LocatorOptions().setHasText(code)).click();
        // "today": bold with the shortcut
        select(editor, "today");
        page.keyboard().press("Control+B");
        assertThat(page.locator(".rich-bold").first().getAttribute("aria-pressed")).isEqualTo("true");
        // "Talks": italic
        select(editor, "Talks");
        page.keyboard().press("Control+I");
        // "resume": an outside link with rel nofollow, from Ctrl+K
        select(editor, "resume");
        page.keyboard().press("Control+K");
        var address = page.getByLabel("Address (https://…, mailto:…, tel:…)");
        address.fill("javascript:alert(1)");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Apply")).click();
        assertThat(page.locator(".rich-panel .field-error").textContent()).contains("in full");
        violations.addAll(Browsers.accessibilityViolations(page));
        address.fill("https://example.org/talks");
        page.getByLabel("nofollow").check();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Apply")).click();

        // a second paragraph through the form's own step: the first keeps its marks across the reload
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("+ paragraph")).click();
        var second = Browsers.richEditor(page, "#b1-text");
        second.waitFor();
        assertThat(editor.innerHTML()).contains("<strong>today</strong>", "<em>Talks</em>",
                "href=\"https://example.org/talks\"", "data-story=\"" + target + "\"");
        second.click();
        // everything up to here is the editor's own work; what follows parses hostile pasted markup, whose inline
        // styles and handlers the policy blocks (reported in the console) before the sanitizer drops them
        var beforePaste = List.copyOf(console);
        paste(page, "#b1-text", "<meta charset=utf-8><style>p{color:red}</style><p style=\"font-family:Comic Sans\">Pasted "
                + "<b>bold</b>, <span style=\"font-style:italic\">italic</span>, <a href=\"javascript:alert(1)\">bad</a> "
                + "and <a href=\"https://source.example/report\" onclick=\"steal()\">good</a><script>alert(1)</script>"
                + "<img src=\"x\" onerror=\"alert(1)\"><!-- comment --></p><p>second block</p>");
        assertThat(second.innerHTML()).doesNotContain("script", "img", "onclick", "javascript", "comment", "style");
        // a page of megabytes is refused whole, with a message, and nothing is lost
        var before = second.textContent();
        paste(page, "#b1-text", "<p>" + "x".repeat(2_000_000) + "</p>");
        assertThat(page.locator("#b1-text + .rich-field .rich-status").textContent()).contains("too much");
        assertThat(second.textContent()).isEqualTo(before);
        violations.addAll(Browsers.accessibilityViolations(page));

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save version")).first().click();
        page.locator("p.notice").waitFor();
        violations.addAll(Browsers.accessibilityViolations(page));

        var body = stories.working(storyId, Language.EN).orElseThrow().body();
        var first = ((Block.Paragraph) body.get(0)).text();
        assertThat(first.text()).isEqualTo("Talks resume today and more");
        assertThat(first.marks()).containsExactlyInAnyOrder(new Mark.Italic(0, 5),
                new Mark.Link(6, 12, "https://example.org/talks", List.of("nofollow")), new Mark.Bold(13, 18),
                new Mark.StoryLink(23, 27, target));
        RichText pasted = ((Block.Paragraph) body.get(1)).text();
        assertThat(pasted.text()).isEqualTo("Pasted bold, italic, bad and good\nsecond block");
        assertThat(pasted.marks()).containsExactlyInAnyOrder(new Mark.Bold(7, 11), new Mark.Italic(13, 19),
                new Mark.Link(29, 33, "https://source.example/report", List.of()));
        assertThat(violations).isEmpty();
        assertThat(beforePaste).noneMatch(line -> line.contains("Content Security Policy") || line.startsWith("error"));
        assertThat(console).noneMatch(line -> line.contains("Content Security Policy") && !line.contains("inline"));
    }

    /** Selects the first {@code text} in the editor as a reader's mouse would, and waits for the editor to see it. */
    private static void select(com.microsoft.playwright.Locator editor, String text) {
        editor.evaluate("""
                (root, text) => {
                  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
                  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
                    const at = node.data.indexOf(text);
                    if (at >= 0) {
                      const range = document.createRange();
                      range.setStart(node, at);
                      range.setEnd(node, at + text.length);
                      root.focus();
                      const selection = window.getSelection();
                      selection.removeAllRanges();
                      selection.addRange(range);
                      return;
                    }
                  }
                  throw new Error('no ' + text + ' in ' + root.textContent);
                }""", text);
        // the editor takes the selection on its next selectionchange event; its host says how much it holds
        editor.page().waitForFunction("length => document.activeElement.closest('.rich-host').dataset.selected === length",
                String.valueOf(text.length()));
    }

    /** Pastes {@code html} into the editor of a field as a browser does when copying from another page. */
    private static void paste(Page page, String fieldSelector, String html) {
        page.locator(fieldSelector + " + .rich-field [role=textbox]").evaluate("""
                (editor, html) => {
                  const data = new DataTransfer();
                  data.setData('text/html', html);
                  data.setData('text/plain', html.replace(/<[^>]*>/g, ''));
                  editor.dispatchEvent(new ClipboardEvent('paste', {clipboardData: data, bubbles: true, cancelable: true}));
                }""", html);
    }
}
