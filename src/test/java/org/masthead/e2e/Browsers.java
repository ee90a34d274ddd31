package org.masthead.e2e;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.TimeoutError;
import com.microsoft.playwright.options.AriaRole;
import java.nio.file.Path;
import java.util.List;
import org.masthead.support.Staff;

/**
 * A Chromium from the machine (Debian's, found by {@code ./masthead test}: {@code MASTHEAD_CHROMIUM}, else
 * {@code chromium} on the PATH), driven by Playwright; no browser is downloaded. Without one the browser
 * tests fail with what to install: they are never skipped.
 */
final class Browsers {

    private Browsers() {
    }

    static Browser chromium(Playwright playwright) {
        return playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(executable())
                .setHeadless(true)
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking",
                        "--disable-component-update", "--disable-sync", "--no-first-run")));
    }

    static Path executable() {
        var configured = System.getenv("MASTHEAD_CHROMIUM");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        var path = System.getenv().getOrDefault("PATH", "");
        for (var name : List.of("chromium", "chromium-browser")) {
            for (var folder : path.split(java.io.File.pathSeparator)) {
                var candidate = Path.of(folder.isEmpty() ? "." : folder, name);
                if (java.nio.file.Files.isExecutable(candidate)) {
                    return candidate;
                }
            }
        }
        throw new IllegalStateException("The browser tests need Chromium: install Debian's chromium and chromium-driver "
                + "(./masthead test does it as root), or set MASTHEAD_CHROMIUM to a Chromium binary.");
    }

    /**
     * Signs {@code member} in through the form at {@code baseUrl} in a fresh browser context and returns the page
     * on the story desk; the axe-core violations of the sign-in page go to {@code violations}.
     */
    static Page signIn(Browser browser, String baseUrl, Staff.Member member, List<String> violations) {
        var page = browser.newContext().newPage();
        page.navigate(baseUrl + "/newsroom/login?lang=en");
        violations.addAll(accessibilityViolations(page));
        page.locator("#username").fill(member.username());
        page.locator("#password").fill(member.password());
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
        try {
            page.waitForURL("**/newsroom/stories**");
        } catch (TimeoutError e) {
            throw new AssertionError("Sign-in ended at " + page.url() + ": " + page.content(), e);
        }
        return page;
    }

    /**
     * The toolbar editor that stands in for the markup field {@code fieldSelector} once the editor script ran
     * (the field itself is then hidden, and posted only as the fallback).
     */
    static com.microsoft.playwright.Locator richEditor(Page page, String fieldSelector) {
        return page.locator(fieldSelector + " + .rich-field [role=textbox]");
    }

    /** The axe-core violations of the page as it is now, each as "rule: target" lines. */
    static List<String> accessibilityViolations(Page page) {
        return new AxeBuilder(page).analyze().getViolations().stream()
                .flatMap(v -> v.getNodes().stream().map(n -> v.getId() + " on " + page.url() + ": " + n.getTarget()))
                .toList();
    }
}
