package org.masthead.e2e;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.nio.file.Path;
import java.util.List;

/** Debian's Chromium at /usr/bin/chromium, driven by Playwright; no browser is downloaded. */
final class Browsers {

    private Browsers() {
    }

    static Browser chromium(Playwright playwright) {
        return playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(Path.of("/usr/bin/chromium"))
                .setHeadless(true)
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking",
                        "--disable-component-update", "--disable-sync", "--no-first-run")));
    }

    /** The axe-core violations of the page as it is now, each as "rule: target" lines. */
    static List<String> accessibilityViolations(Page page) {
        return new AxeBuilder(page).analyze().getViolations().stream()
                .flatMap(v -> v.getNodes().stream().map(n -> v.getId() + " on " + page.url() + ": " + n.getTarget()))
                .toList();
    }
}
