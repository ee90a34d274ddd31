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
import org.masthead.content.NewStory;
import org.masthead.content.SaveVersion;
import org.masthead.content.Stories;
import org.masthead.content.Taxonomy;
import org.masthead.identity.Accounts;
import org.masthead.identity.Role;
import org.masthead.platform.Language;
import org.masthead.platform.outbox.OutboxRelay;
import org.masthead.support.Fixtures;
import org.masthead.support.MastheadTest;
import org.masthead.support.Staff;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Queue → translate → publish in a real browser: a translator translates, an editor publishes, a reader reads. */
@MastheadTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TranslationBrowserIT {

    @LocalServerPort int port;
    @Autowired Accounts accounts;
    @Autowired Stories stories;
    @Autowired Taxonomy taxonomy;
    @Autowired OutboxRelay relay;

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

    @Test
    void aTranslatorTranslatesFromTheQueueAndAnEditorPublishes() {
        var headline = "Міст через Дніпро відкрили " + Fixtures.unique("m");
        long storyId = stories.create(new NewStory(taxonomy.sections().getFirst().id(), Language.UK, List.of(), List.of(),
                null));
        stories.save(new SaveVersion(storyId, Language.UK, 0, headline, "Рух відновили вранці.", "", "", "", "", "",
                List.of(new Block.Paragraph("b1", "Перші автомобілі проїхали мостом о сьомій ранку.")), "writer"));
        stories.publish(storyId);
        relay.drain();
        var staff = new Staff(accounts);

        var translator = signIn(staff.member(Role.TRANSLATOR));
        translator.navigate(url("/newsroom/translations"));
        translator.locator("#from").selectOption("uk");
        translator.locator("#to").selectOption("en");
        translator.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Show")).click();
        translator.waitForURL("**from=uk&to=en");
        violations.addAll(Browsers.accessibilityViolations(translator));
        translator.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(headline)).click();
        translator.waitForURL("**/newsroom/translations/" + storyId + "/en");
        violations.addAll(Browsers.accessibilityViolations(translator));

        translator.locator("[id='t._headline.0']").fill("Dnipro bridge reopens");
        translator.locator("[id='t._standfirst.0']").fill("Traffic resumed in the morning.");
        Browsers.richEditor(translator, "[id='t.b1.0']").fill("The first cars crossed the bridge at seven in the morning.");
        translator.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save").setExact(true)).click();
        translator.waitForURL("**?saved");
        assertThat(translator.locator(".notice").textContent()).contains("Translation saved");
        assertThat(translator.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Publish this translation"))
                .count()).isZero();

        relay.drain();
        var editor = signIn(staff.member(Role.EDITOR));
        editor.navigate(url("/newsroom/translations/" + storyId + "/en"));
        violations.addAll(Browsers.accessibilityViolations(editor));
        editor.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Publish this translation")).click();
        editor.waitForURL("**?saved");

        var reader = browser.newContext().newPage();
        var section = stories.published(storyId, Language.EN).orElseThrow().section().slug();
        reader.navigate(url("/en/" + section + "/dnipro-bridge-reopens-" + storyId));
        assertThat(reader.locator("h1").textContent()).isEqualTo("Dnipro bridge reopens");
        assertThat(reader.locator(".story-body").textContent()).contains("seven in the morning");
        violations.addAll(Browsers.accessibilityViolations(reader));

        assertThat(violations).isEmpty();
    }

    private String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    private Page signIn(Staff.Member member) {
        return Browsers.signIn(browser, url(""), member, violations);
    }
}
