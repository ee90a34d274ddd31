package org.masthead;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.masthead.content.Block;
import org.masthead.content.PageDraft;
import org.masthead.content.PagePurpose;
import org.masthead.content.PageSettings;
import org.masthead.content.Stories;
import org.masthead.platform.Language;
import org.masthead.content.Taxonomy;
import org.masthead.identity.AdminCommand;
import org.masthead.identity.Accounts;
import org.masthead.identity.Role;
import org.masthead.platform.outbox.OutboxRelay;
import org.masthead.support.FieldErrors;
import org.masthead.support.HtmlValidator;
import org.masthead.support.MastheadTest;
import org.masthead.support.NewsroomClient;
import org.masthead.support.SiteClient;
import org.masthead.support.Staff;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;
import org.springframework.test.context.TestPropertySource;

/**
 * A newsroom moving into an empty install: the first admin under the name the operator chose, the first
 * steps shown on the newsroom's home until they are done, settings that apply at once, the last section
 * kept, contributors who may not create tags when the configuration says so, and an admin opened from the
 * command line while Masthead runs. The steps build on each other, in order, as in a real first hour.
 */
@MastheadTest
@TestPropertySource(properties = {"masthead.demo.enabled=false", "masthead.identity.first-admin=chief",
        "masthead.editorial.contributors-create-tags=false", "masthead.cache.enabled=true"})
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FirstHourIntegrationTest {


    @LocalServerPort int port;
    @Autowired Accounts accounts;
    @Autowired Taxonomy taxonomy;
    @Autowired Stories stories;
    @Autowired OutboxRelay relay;
    @Autowired Environment environment;
    @Autowired org.masthead.media.MediaLibrary media;
    @Autowired org.masthead.content.Pages pages;

    @Test
    @Order(1)
    void anEmptyInstallHasTheFirstAdminUnderTheChosenNameAndAnEmptyButValidSite() {
        assertThat(accounts.all()).singleElement().satisfies(account -> {
            assertThat(account.username()).isEqualTo("chief");
            assertThat(account.roles()).contains(Role.ADMIN);
        });
        var home = new SiteClient(port).get("/uk/");
        assertThat(home.statusCode()).isEqualTo(200);
        assertThat(HtmlValidator.errors(home.body())).isEmpty();
        assertThat(stories.count()).isZero();
    }

    @Test
    @Order(2)
    void theNewsroomHomeListsTheFirstStepsUntilEachIsDone() {
        var admin = new Staff(accounts).member(Role.ADMIN, Role.EDITOR).signIn(port);
        var steps = steps(admin);
        assertThat(steps).containsExactly("[ ] /newsroom/admin/settings", "[ ] /newsroom/admin/sections", "[x] people",
                "[ ] /newsroom/authors/new", "[ ] /newsroom/stories/new");

        admin.get("/newsroom/admin/settings");
        assertThat(admin.post("/newsroom/admin/settings", Map.of("name.uk", "Вісті Полісся", "name.en", "Polissia News",
                "name.ru", "Вести Полесья", "defaultLanguage", "en", "timeZone", "Europe/London",
                "socialLinks", "https://x.com/polissianews\nhttps://video.example/polissia")).statusCode()).isEqualTo(302);
        admin.get("/newsroom/admin/sections");
        admin.post("/newsroom/admin/sections", Map.of("name.uk", "Громада", "name.en", "Community", "name.ru", "Община"));
        admin.get("/newsroom/authors/new");
        admin.post("/newsroom/authors", Map.of("op", "save", "name.uk", "Ганна Коваль", "name.en", "Hanna Koval",
                "name.ru", "Анна Коваль"));
        assertThat(steps(admin)).containsExactly("[x] settings", "[x] sections", "[x] people", "[x] authors",
                "[ ] /newsroom/stories/new");

        long section = taxonomy.sections().getFirst().id();
        admin.get("/newsroom/stories/new");
        admin.post("/newsroom/stories", Map.of("section", Long.toString(section), "language", "en"));
        assertThat(admin.get("/newsroom/stories").body()).doesNotContain("checklist");
    }

    @Test
    @Order(3)
    void theSettingsApplyAtOnceToEveryPageWithoutARestart() {
        relay.drain();
        var site = new SiteClient(port);
        assertThat(site.get("/", "Accept-Language", "de").headers().firstValue("Location").orElseThrow()).endsWith("/en/");
        var home = site.get("/uk/");
        assertThat(home.body()).contains("<title>Вісті Полісся</title>")
                .contains("<a href=\"https://x.com/polissianews\" rel=\"me noopener\">x.com</a>");
        assertThat(site.get("/uk/").headers().firstValue("X-Page-Cache")).hasValue("hit");

        var admin = new Staff(accounts).member(Role.ADMIN).signIn(port);
        long logo = media.upload(org.masthead.support.Images.png(640, 120), "logo.png", "test").id();
        admin.get("/newsroom/admin/settings");
        admin.post("/newsroom/admin/settings", Map.of("name.uk", "Поліські вісті", "name.en", "Polissia News",
                "name.ru", "Вести Полесья", "defaultLanguage", "en", "timeZone", "Europe/London",
                "socialLinks", "https://x.com/polissianews", "logo", Long.toString(logo)));
        relay.drain();
        var renamed = site.get("/uk/");
        assertThat(renamed.headers().firstValue("X-Page-Cache")).as("every cached page went").hasValue("miss");
        assertThat(renamed.body()).contains("<title>Поліські вісті</title>").contains("<img src=\"/media/" + logo + "/");
        assertThat(HtmlValidator.errors(renamed.body())).isEmpty();

        var page = pages.create(new PageSettings(true, PagePurpose.CORRECTIONS_POLICY), new PageDraft(Language.EN,
                "corrections", "Corrections", "", "", "", List.of(new Block.Paragraph("p", "We correct.")), true), "test");
        relay.drain();
        var jsonLd = site.get("/en/corrections").body();
        assertThat(jsonLd).contains("\"publisher\":{\"@type\":\"NewsMediaOrganization\",\"name\":\"Polissia News\"")
                .contains("\"logo\":{\"@type\":\"ImageObject\",\"url\":\"http://localhost:8080/media/" + logo + "/")
                .contains("\"sameAs\":[\"https://x.com/polissianews\"]")
                .contains("\"correctionsPolicy\":\"http://localhost:8080/en/corrections\"");
        assertThat(pages.find(page)).isPresent();
    }

    @Test
    @Order(4)
    void badSettingsAndTheLastSectionAreRefusedBesideTheirFields() {
        var admin = new Staff(accounts).member(Role.ADMIN).signIn(port);
        admin.get("/newsroom/admin/settings");
        var refused = admin.post("/newsroom/admin/settings", Map.of("name.uk", "Поліські вісті", "name.en", "",
                "name.ru", "Вести Полесья", "defaultLanguage", "en", "timeZone", "Europe/London", "socialLinks", ""));
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(FieldErrors.of(refused)).containsEntry("name-en", "Give the name in this language.");
        assertThat(refused.body()).contains("value=\"Поліські вісті\"");
        var zone = admin.post("/newsroom/admin/settings", Map.of("name.uk", "Поліські вісті", "name.en", "Polissia News",
                "name.ru", "Вести Полесья", "defaultLanguage", "en", "timeZone", "Polissia/Sarny",
                "socialLinks", "javascript:alert(1)"));
        assertThat(FieldErrors.of(zone)).containsEntry("timeZone", "“Polissia/Sarny” is not a time zone; use one such as Europe/Kyiv.");

        long empty = taxonomy.createSection(org.masthead.content.SectionDraft.named("", new org.masthead.platform.Localized(
                "Порожній", "Empty", "Пустой")));
        admin.get("/newsroom/admin/sections/" + empty);
        assertThat(admin.post("/newsroom/admin/sections/" + empty + "/delete", Map.of()).statusCode()).isEqualTo(302);
        long last = taxonomy.sections().getFirst().id();
        stories.delete(stories.idsInSection(last).getFirst());
        admin.get("/newsroom/admin/sections/" + last);
        var refusedDelete = admin.post("/newsroom/admin/sections/" + last + "/delete", Map.of());
        assertThat(FieldErrors.of(refusedDelete)).containsEntry("section", "This is the last section: a newsroom keeps at least one.");
    }

    @Test
    @Order(5)
    void contributorsChooseExistingTagsButCreateNoneWhenTheConfigurationSaysSo() {
        taxonomy.addTag("community-life", new org.masthead.platform.Localized("Життя громади", "Community life",
                "Жизнь общины"));
        var contributor = new Staff(accounts).member(Role.CONTRIBUTOR).signIn(port);
        long section = taxonomy.sections().getFirst().id();
        contributor.get("/newsroom/stories/new");
        var refused = contributor.post("/newsroom/stories", Map.of("section", Long.toString(section), "language", "en",
                "newTags", "Community life, Fishing season"));
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(FieldErrors.of(refused)).containsEntry("newTags",
                "There is no tag “Fishing season” yet, and only editors create new tags. Choose an existing tag.");
        assertThat(refused.body()).contains("value=\"Community life, Fishing season\"");
        assertThat(contributor.post("/newsroom/stories", Map.of("section", Long.toString(section), "language", "en",
                "newTags", "Жизнь общины")).statusCode()).isEqualTo(302);
    }

    @Test
    @Order(6)
    void anOperatorOpensAnAdminFromTheCommandLineWhileMastheadRuns() throws Exception {
        var created = command("night-editor");
        assertThat(created.status()).isZero();
        assertThat(created.out().lines()).singleElement().asString()
                .startsWith("Created admin account 'night-editor' with the one-time password ");
        assertThat(created.err()).isEmpty();
        var password = created.out().strip().replaceAll(".*one-time password (\\S+) .*", "$1");
        assertThat(NewsroomClient.signedInOrEmpty(port, "night-editor", password)).isPresent();

        var again = command("night-editor");
        assertThat(again.status()).isEqualTo(1);
        assertThat(again.out()).isEmpty();
        assertThat(again.err().lines()).singleElement().asString()
                .isEqualTo("Cannot create admin account 'night-editor': This username is taken.");
        var usage = new ByteArrayOutputStream();
        assertThat(AdminCommand.run(new String[] {AdminCommand.NAME}, print(new ByteArrayOutputStream()), print(usage)))
                .isEqualTo(2);
        assertThat(usage.toString(StandardCharsets.UTF_8)).startsWith("usage: ./masthead create-admin NAME");
    }

    /** What an operator's terminal shows: {@code create-admin NAME} run as its own process on this database. */
    private Run command(String name) throws Exception {
        var executable = java.nio.file.Path.of(System.getProperty("java.home"), "bin", "java").toString();
        var process = new ProcessBuilder(executable, "--enable-native-access=ALL-UNNAMED", "-cp",
                System.getProperty("java.class.path"), MastheadApplication.class.getName(), AdminCommand.NAME, name,
                "--spring.datasource.url=" + environment.getProperty("spring.datasource.url"),
                "--spring.datasource.username=" + environment.getProperty("spring.datasource.username", ""),
                "--spring.datasource.password=" + environment.getProperty("spring.datasource.password", ""),
                // the test suite's own database set-up must leave the command on this one
                "--" + org.masthead.support.TestDatabase.REUSE_PROPERTY + "=true")
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                .start();
        var out = process.getInputStream().readAllBytes();
        var err = process.getErrorStream().readAllBytes();
        assertThat(process.waitFor(2, java.util.concurrent.TimeUnit.MINUTES)).isTrue();
        return new Run(process.exitValue(), new String(out, StandardCharsets.UTF_8), new String(err, StandardCharsets.UTF_8));
    }

    private record Run(int status, String out, String err) {
    }

    /** The first steps as "[x] key" when done, "[ ] link" when still to do. */
    private static List<String> steps(NewsroomClient client) {
        var body = client.get("/newsroom/stories").body();
        var steps = new ArrayList<String>();
        var matcher = Pattern.compile("<li class=\"done\">|<li>\\s*<a href=\"([^\"]+)\"").matcher(
                body.substring(body.indexOf("checklist-heading"), body.indexOf("</ol>", body.indexOf("checklist-heading"))));
        var keys = List.of("settings", "sections", "people", "authors", "story");
        int i = 0;
        while (matcher.find()) {
            steps.add(matcher.group(1) == null ? "[x] " + keys.get(i) : "[ ] " + matcher.group(1));
            i++;
        }
        return steps;
    }


    private static PrintStream print(ByteArrayOutputStream bytes) {
        return new PrintStream(bytes, true, StandardCharsets.UTF_8);
    }
}
