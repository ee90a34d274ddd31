package org.masthead.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.AriaRole;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.masthead.identity.Accounts;
import org.masthead.identity.Role;
import org.masthead.imports.GeneratedExport;
import org.masthead.support.MastheadTest;
import org.masthead.support.Staff;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The import page in a real browser: an admin uploads an export, sees the progress bar move while the run is under
 * way and the report when it ends, without reloading; without JavaScript the run page shows the same on reload.
 * axe finds nothing on the form, the progress or the report.
 */
@MastheadTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ImportBrowserIT {

    @LocalServerPort int port;
    @Autowired Accounts accounts;
    @TempDir Path folder;

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

    /** A generated export of a site of its own (the generator's posts under another host). */
    private Path export(String name, int groups, String host) throws IOException {
        var file = folder.resolve(name);
        GeneratedExport.write(file, groups, 0);
        Files.writeString(file, Files.readString(file, StandardCharsets.UTF_8).replace("https://generated.example", host),
                StandardCharsets.UTF_8);
        return file;
    }

    @Test
    void anAdminUploadsAnExportWatchesItsProgressAndReadsTheReport() throws IOException {
        var admin = Browsers.signIn(browser, url(""), new Staff(accounts).member(Role.ADMIN), violations);
        admin.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Imports")).click();
        admin.waitForURL("**/newsroom/admin/imports");
        violations.addAll(Browsers.accessibilityViolations(admin));

        admin.locator("#file").setInputFiles(export("archive.xml", 200, "https://browser-import.example"));
        admin.getByLabel("Dry run: read and check everything, write nothing").check();
        admin.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Upload and import")).click();
        admin.waitForURL("**/newsroom/admin/imports/*");
        var runUrl = admin.url();
        if (admin.locator("[data-import-progress]").count() > 0) {
            // under way: the bar is there and the script moves it, then shows the report without a reload by hand
            // (looked for before the accessibility check, which takes long enough for a short run to end meanwhile)
            assertThat(admin.locator("progress#import-bar").count()).isEqualTo(1);
            violations.addAll(Browsers.accessibilityViolations(admin));
        }
        admin.locator("#import-summary").waitFor(new Locator.WaitForOptions().setTimeout(120_000));
        assertThat(admin.url()).isEqualTo(runUrl);
        assertThat(admin.locator("#import-status").textContent()).isEqualTo("Finished");
        assertThat(admin.locator("table.import-report tbody tr").count()).isEqualTo(200);
        assertThat(admin.locator("a[rel=next]").count()).as("the report goes on on another page").isEqualTo(1);
        assertThat(admin.locator("a[href$='report.csv']").count()).isEqualTo(1);
        violations.addAll(Browsers.accessibilityViolations(admin));

        // without JavaScript: the run page shows how far it is on each reload, then the report
        var signedIn = admin.context().cookies();
        var plainContext = browser.newContext(new Browser.NewContextOptions().setJavaScriptEnabled(false));
        plainContext.addCookies(signedIn.stream().map(c -> new com.microsoft.playwright.options.Cookie(c.name, c.value)
                .setDomain(c.domain).setPath(c.path)).toList());
        var plain = plainContext.newPage();
        plain.navigate(url("/newsroom/admin/imports"));
        plain.locator("#file").setInputFiles(export("small.xml", 5, "https://browser-plain.example"));
        plain.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Upload and import")).click();
        plain.waitForURL("**/newsroom/admin/imports/*");
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            plain.reload();
            return plain.locator("#import-summary").count() > 0;
        });
        assertThat(plain.locator("table.import-report").textContent()).contains("post 1", "imported");

        assertThat(violations).isEmpty();
    }
}
