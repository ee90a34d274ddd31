package org.masthead.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.AriaRole;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.masthead.identity.Accounts;
import org.masthead.identity.Role;
import org.masthead.support.MastheadTest;
import org.masthead.support.Staff;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * The first hour of a newsroom in a real browser, from an empty install: an admin names the publication,
 * creates three sections with names in three languages, an author and a static page; an editor writes a
 * story in three languages, tags it (creating a tag on the way) and publishes it; a reader finds the
 * navigation, the story, the author's page and the footer's pages in every language. axe checks each page.
 */
@MastheadTest
@TestPropertySource(properties = "masthead.demo.enabled=false")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FirstHourBrowserIT {

    private static final Map<String, List<String>> SECTIONS = Map.of(
            "community", List.of("Громада", "Community", "Община"),
            "rivers", List.of("Річки", "Rivers", "Реки"),
            "schools", List.of("Школи", "Schools", "Школы"));

    @LocalServerPort
    int port;

    @Autowired
    Accounts accounts;

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
    void fromAnEmptyInstallToTheFirstStoryReadInThreeLanguages() {
        var staff = new Staff(accounts);
        var admin = Browsers.signIn(browser, url(""), staff.member(Role.ADMIN), violations);
        assertThat(admin.locator("section.checklist li").count()).isEqualTo(5);
        check(admin);

        // the publication's name in three languages
        admin.locator("section.checklist a[href='/newsroom/admin/settings']").click();
        admin.locator("#name-uk").fill("Вісті над Прип’яттю");
        admin.locator("#name-en").fill("Pripyat Valley News");
        admin.locator("#name-ru").fill("Вести над Припятью");
        check(admin);
        button(admin, "Save").click();
        admin.locator("p.notice").waitFor();

        // three sections, each named in three languages
        admin.navigate(url("/newsroom/admin/sections"));
        for (var section : SECTIONS.entrySet()) {
            admin.locator("#name-uk").fill(section.getValue().get(0));
            admin.locator("#name-en").fill(section.getValue().get(1));
            admin.locator("#name-ru").fill(section.getValue().get(2));
            admin.locator("#slug").fill(section.getKey());
            button(admin, "Create section").click();
            admin.locator("p.notice").waitFor();
        }
        assertThat(admin.locator("table.list tbody tr").count()).isEqualTo(3);
        check(admin);

        // an about page, in the footer
        admin.navigate(url("/newsroom/admin/pages/new?lang=en"));
        admin.locator("#title").fill("About the valley newsroom");
        admin.locator("#summary").fill("Who writes here and why.");
        admin.locator("#purpose").selectOption("about");
        Browsers.richEditor(admin, "#b0-text").fill("Three reporters cover the towns along the river.");
        check(admin);
        button(admin, "Save version").click();
        admin.waitForURL("**/newsroom/admin/pages/*?done=created");
        for (var version : List.of(List.of("uk", "Про редакцію долини", "Троє репортерів пишуть про містечка над рікою."),
                List.of("ru", "О редакции долины", "Трое репортёров пишут о городках над рекой."))) {
            admin.locator("a[href$='/" + version.get(0) + "']").first().click();
            admin.locator("#title").fill(version.get(1));
            Browsers.richEditor(admin, "#b0-text").fill(version.get(2));
            admin.locator("input[name=live]").check();
            button(admin, "Save version").click();
            admin.locator("p.notice").waitFor();
            admin.navigate(url("/newsroom/admin/pages"));
            admin.locator("table.list th a").first().click();
        }

        // an editor creates the author, the spellings of the name suggested from the Ukrainian one
        var editorMember = staff.member(Role.EDITOR);
        var editor = Browsers.signIn(browser, url(""), editorMember, violations);
        editor.navigate(url("/newsroom/authors/new"));
        editor.locator("#name-uk").fill("Оксана Дідух");
        button(editor, "Suggest spellings").click();
        editor.locator("p.notice").waitFor();
        assertThat(editor.locator("#name-en").inputValue()).isEqualTo("Oksana Didukh");
        editor.locator("#jobTitle-en").fill("River correspondent");
        editor.locator("#jobTitle-uk").fill("Кореспондентка");
        editor.locator("#jobTitle-ru").fill("Корреспондент");
        editor.locator("#links").fill("https://social.example/@oksana");
        check(editor);
        button(editor, "Create author").click();
        editor.waitForURL("**/newsroom/authors/*?done=created");

        // the first story, tagged on the way, in three languages
        editor.navigate(url("/newsroom/stories/new"));
        editor.locator("#section").selectOption(new com.microsoft.playwright.options.SelectOption().setLabel("Rivers"));
        editor.locator("#language").selectOption("en");
        editor.locator("input[name=authors]").first().check();
        editor.locator("#newTags").fill("Flood season");
        check(editor);
        button(editor, "Create and write").click();
        editor.waitForURL("**/en/edit");
        var storyUrl = editor.url().replace("/en/edit", "");
        for (var version : List.of(List.of("en", "The river rises early this spring", "Boats are ready in every village."),
                List.of("uk", "Ріка цієї весни піднялася рано", "Човни готові в кожному селі."),
                List.of("ru", "Река этой весной поднялась рано", "Лодки готовы в каждом селе."))) {
            editor.navigate(storyUrl + "/" + version.get(0) + "/edit");
            editor.locator("#headline").fill(version.get(1));
            editor.locator("#standfirst").fill(version.get(2));
            Browsers.richEditor(editor, "#b0-text").fill(version.get(2));
            button(editor, "Save version").first().click();
            editor.locator("p.notice").waitFor();
        }
        editor.navigate(storyUrl);
        button(editor, "Submit for review").click();
        editor.waitForURL("**?done=submit");
        button(editor, "Publish").click();
        editor.waitForURL("**?done=publish");
        check(editor);
        // the rest of the newsroom's structure pages pass axe too
        for (var path : List.of("/newsroom/tags", "/newsroom/authors")) {
            editor.navigate(url(path));
            check(editor);
            editor.locator("table.list th a").first().click();
            check(editor);
        }
        for (var path : List.of("/newsroom/admin/pages", "/newsroom/admin/sections")) {
            admin.navigate(url(path));
            check(admin);
            admin.locator("table.list th a").first().click();
            check(admin);
        }

        // a reader, in every language
        var reader = browser.newContext().newPage();
        for (var language : List.of("uk", "en", "ru")) {
            reader.navigate(url("/" + language + "/"));
            var index = List.of("uk", "en", "ru").indexOf(language);
            for (var section : SECTIONS.values()) {
                assertThat(reader.locator("nav.sections").textContent()).contains(section.get(index));
            }
            assertThat(reader.title()).isEqualTo(List.of("Вісті над Прип’яттю", "Pripyat Valley News",
                    "Вести над Припятью").get(index));
            check(reader);
            reader.locator("ul.footer-pages a").first().click();
            assertThat(reader.locator("h1").textContent()).isEqualTo(List.of("Про редакцію долини",
                    "About the valley newsroom", "О редакции долины").get(index));
            check(reader);
            reader.navigate(url("/" + language + "/rivers/"));
            reader.locator("main h3 a, main h2 a").first().click();
            assertThat(reader.locator("h1").textContent()).isEqualTo(List.of("Ріка цієї весни піднялася рано",
                    "The river rises early this spring", "Река этой весной поднялась рано").get(index));
            assertThat(reader.locator("a[rel=tag]").textContent()).isEqualTo("Flood season");
            check(reader);
            reader.locator("a[rel=author]").click();
            assertThat(reader.locator("h1").textContent()).isEqualTo(List.of("Оксана Дідух", "Oksana Didukh",
                    "Оксана Дидух").get(index));
            assertThat(reader.locator("a[rel='me noopener']").getAttribute("href")).isEqualTo("https://social.example/@oksana");
            check(reader);
        }
        reader.context().close();
        assertThat(violations).isEmpty();
    }

    private String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    private void check(Page page) {
        violations.addAll(Browsers.accessibilityViolations(page));
    }

    private static com.microsoft.playwright.Locator button(Page page, String name) {
        return page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name).setExact(true));
    }
}
