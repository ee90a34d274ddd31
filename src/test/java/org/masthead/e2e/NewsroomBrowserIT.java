package org.masthead.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.FilePayload;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.masthead.content.Stories;
import org.masthead.content.StoryStatus;
import org.masthead.content.Taxonomy;
import org.masthead.identity.Accounts;
import org.masthead.identity.Role;
import org.masthead.platform.Language;
import org.masthead.support.Fixtures;
import org.masthead.support.Images;
import org.masthead.support.MastheadTest;
import org.masthead.support.Staff;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The newsroom in a real browser: write, upload, review, publish, read; refusals and conflicts; accessibility. */
@MastheadTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NewsroomBrowserIT {

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

    private Page signIn(Staff.Member member) {
        return Browsers.signIn(browser, url(""), member, violations);
    }

    private void checkAccessibility(Page page) {
        violations.addAll(Browsers.accessibilityViolations(page));
    }

    @Test
    void contributorWritesAndIllustratesEditorPublishesReaderReads() {
        var staff = new Staff(accounts);
        var section = taxonomy.sections().getFirst();
        var contributor = signIn(staff.member(Role.CONTRIBUTOR));
        checkAccessibility(contributor);

        // upload an image and describe it in Ukrainian
        contributor.navigate(url("/newsroom/media"));
        checkAccessibility(contributor);
        contributor.locator("#file").setInputFiles(
                new FilePayload("harbour.jpg", "image/jpeg", Images.jpegWithMetadata(1200, 800, "gps", "serial")));
        contributor.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                new Page.GetByRoleOptions().setName("Upload").setExact(true)).click();
        contributor.waitForURL("**/newsroom/media/*");
        checkAccessibility(contributor);
        long mediaId = Long.parseLong(contributor.url().replaceAll(".*/media/(\\d+).*", "$1"));
        contributor.locator("#uk-caption").fill("Гавань на світанку");
        contributor.locator("#uk-credit").fill("Фото: редакція");
        contributor.locator("#uk-alt").fill("Кораблі біля причалу");
        contributor.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                new Page.GetByRoleOptions().setName("Save")).click();
        contributor.waitForURL("**saved");

        // open a story in Ukrainian and write it
        contributor.navigate(url("/newsroom/stories/new"));
        checkAccessibility(contributor);
        contributor.locator("#section").selectOption(Long.toString(section.id()));
        contributor.locator("#language").selectOption("uk");
        contributor.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                new Page.GetByRoleOptions().setName("Create and write")).click();
        contributor.waitForURL("**/uk/edit");
        long storyId = Long.parseLong(contributor.url().replaceAll(".*/stories/(\\d+)/uk/edit", "$1"));
        var headline = "Порт відновив роботу " + Fixtures.unique("u");
        contributor.locator("#headline").fill(headline);
        contributor.locator("#standfirst").fill("Перші судна зайшли до гавані після ремонту.");
        Browsers.richEditor(contributor, "#b0-text").fill("Порт прийняв перші судна о сьомій ранку.");
        contributor.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                new Page.GetByRoleOptions().setName("+ image")).click();
        contributor.locator("#b1-media").selectOption(Long.toString(mediaId));
        contributor.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                new Page.GetByRoleOptions().setName("Save version")).first().click();
        contributor.locator("p.notice").waitFor();
        checkAccessibility(contributor);
        assertThat(contributor.locator("#b1-caption").inputValue()).isEqualTo("Гавань на світанку");

        // the draft is found by the newsroom search, from the box on every newsroom page
        var code = headline.substring(headline.lastIndexOf('-') + 1);
        contributor.locator("#nr-search-q").fill(code);
        contributor.locator("form.nr-search button").click();
        contributor.waitForURL("**/newsroom/search**");
        contributor.locator("#search-lang").selectOption("uk");
        contributor.locator("form.filters button").click();
        contributor.waitForURL("**lang=uk**");
        // the index follows saves through the outbox: look again until it has caught up
        for (int tries = 0; contributor.locator("ol.results h3 a").count() == 0 && tries < 50; tries++) {
            contributor.waitForTimeout(200);
            contributor.reload();
        }
        assertThat(contributor.locator("ol.results h3 a").first().textContent()).contains(code);
        checkAccessibility(contributor);

        // submit for review; there is no way to publish
        contributor.navigate(url("/newsroom/stories/" + storyId));
        checkAccessibility(contributor);
        assertThat(contributor.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                new Page.GetByRoleOptions().setName("Publish").setExact(true)).count()).isZero();
        contributor.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                new Page.GetByRoleOptions().setName("Submit for review")).click();
        contributor.waitForURL("**done=submit");
        assertThat(stories.details(storyId).orElseThrow().status()).isEqualTo(StoryStatus.IN_REVIEW);

        // an editor publishes
        var editor = signIn(staff.member(Role.EDITOR));
        editor.navigate(url("/newsroom/stories?status=IN_REVIEW"));
        checkAccessibility(editor);
        editor.getByText(headline).click();
        editor.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                new Page.GetByRoleOptions().setName("Publish").setExact(true)).click();
        editor.waitForURL("**done=publish");
        checkAccessibility(editor);

        // a reader sees it, with the image
        var published = stories.published(storyId, Language.UK).orElseThrow();
        var reader = browser.newContext().newPage();
        reader.navigate(url("/uk/" + published.section().slug() + "/" + published.slug() + "-" + storyId));
        assertThat(reader.locator("h1").textContent()).isEqualTo(headline);
        assertThat(reader.locator(".story-body img").getAttribute("alt")).isEqualTo("Кораблі біля причалу");
        checkAccessibility(reader);
        reader.navigate(url("/uk/"));
        checkAccessibility(reader);

        assertThat(violations).isEmpty();
    }

    @Test
    void staleEditReachesTheConflictScreenAndLosesNothing() {
        var staff = new Staff(accounts);
        var first = signIn(staff.member(Role.EDITOR));
        var second = signIn(staff.member(Role.EDITOR));
        long storyId = new Fixtures(stories, taxonomy).story().in(Language.EN, "Shared headline").draft();

        first.navigate(url("/newsroom/stories/" + storyId + "/en/edit"));
        second.navigate(url("/newsroom/stories/" + storyId + "/en/edit"));
        Browsers.richEditor(first, "#b0-text").fill("The first editor's paragraph.");
        first.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                new Page.GetByRoleOptions().setName("Save version")).first().click();
        first.locator("p.notice").waitFor();

        second.locator("#headline").fill("The second editor's headline");
        Browsers.richEditor(second, "#b0-text").fill("The second editor's paragraph, typed with care.");
        second.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                new Page.GetByRoleOptions().setName("Save version")).first().click();
        second.locator("#conflict").waitFor();

        assertThat(second.locator("#their-text").textContent()).contains("The first editor's paragraph.");
        assertThat(second.locator("#headline").inputValue()).isEqualTo("The second editor's headline");
        assertThat(second.locator("#b0-text").inputValue()).isEqualTo("The second editor's paragraph, typed with care.");
        checkAccessibility(second);

        // saving again keeps the second text as the newest revision; the first stays in the history
        second.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                new Page.GetByRoleOptions().setName("Save version")).first().click();
        second.locator("p.notice").waitFor();
        var working = stories.working(storyId, Language.EN).orElseThrow();
        assertThat(working.headline()).isEqualTo("The second editor's headline");
        assertThat(stories.revision(storyId, Language.EN, 2).orElseThrow().body().toString())
                .contains("The first editor's paragraph.");
        assertThat(violations).isEmpty();
    }
}
