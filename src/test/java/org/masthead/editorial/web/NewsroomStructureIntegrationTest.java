package org.masthead.editorial.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.masthead.content.Pages;
import org.masthead.content.Stories;
import org.masthead.content.Taxonomy;
import org.masthead.identity.Accounts;
import org.masthead.identity.AuditLog;
import org.masthead.identity.Role;
import org.masthead.platform.outbox.OutboxRelay;
import org.masthead.support.Fixtures;
import org.masthead.support.FieldErrors;
import org.masthead.support.HtmlValidator;
import org.masthead.support.MastheadTest;
import org.masthead.support.NewsroomClient;
import org.masthead.support.SiteClient;
import org.masthead.support.Staff;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The newsroom sets itself up over real HTTP: sections, tags, authors and static pages through their forms,
 * each bad input refused beside its field with what was typed kept, every change in the audit log, and the
 * reader site following (old addresses answering 301, profiles, footer, sitemap, structured data).
 */
@MastheadTest
class NewsroomStructureIntegrationTest {


    @LocalServerPort int port;
    @Autowired Accounts accounts;
    @Autowired Stories stories;
    @Autowired Taxonomy taxonomy;
    @Autowired Pages pages;
    @Autowired AuditLog audit;
    @Autowired OutboxRelay relay;

    NewsroomClient admin;
    NewsroomClient editor;
    Staff.Member adminMember;
    SiteClient site;

    @BeforeEach
    void signIn() {
        var staff = new Staff(accounts);
        adminMember = staff.member(Role.ADMIN, Role.EDITOR);
        admin = adminMember.signIn(port);
        editor = staff.member(Role.EDITOR).signIn(port);
        site = new SiteClient(port);
    }

    @Test
    void anAdminCreatesRenamesOrdersHidesAndArchivesSectionsAndTheOldAddressAnswers301() {
        var slug = Fixtures.unique("section-desk");
        admin.get("/newsroom/admin/sections");
        var created = admin.post("/newsroom/admin/sections", section(slug, "Довкілля " + slug, "Environment " + slug,
                "Окружающая среда " + slug, "Stories about the climate and nature."));
        assertThat(created.statusCode()).isEqualTo(302);
        long id = sectionId(slug);
        relay.drain();
        assertThat(site.get("/en/" + slug + "/").body()).contains("Stories about the climate and nature.")
                .contains("<title>SEO Environment " + slug);
        assertThat(navigation("/en/")).contains("/en/" + slug + "/");

        var renamed = Fixtures.unique("section-desk");
        admin.get("/newsroom/admin/sections/" + id);
        assertThat(admin.post("/newsroom/admin/sections/" + id, section(renamed, "Довкілля " + slug,
                "Environment " + slug, "Окружающая среда " + slug, "Climate and nature.")).statusCode()).isEqualTo(302);
        relay.drain();
        var moved = site.get("/uk/" + slug + "/?page=1");
        assertThat(moved.statusCode()).isEqualTo(301);
        assertThat(moved.headers().firstValue("Location")).hasValue("/uk/" + renamed + "/");
        assertThat(site.get("/uk/" + slug).headers().firstValue("Location")).hasValue("/uk/" + renamed + "/");

        var before = navigation("/en/");
        admin.get("/newsroom/admin/sections");
        admin.post("/newsroom/admin/sections/" + id + "/move", Map.of("direction", "up"));
        relay.drain();
        var after = navigation("/en/");
        assertThat(after.indexOf("/en/" + renamed + "/")).isEqualTo(before.indexOf("/en/" + renamed + "/") - 1);

        var hidden = new ArrayList<>(section(renamed, "Довкілля " + slug, "Environment " + slug,
                "Окружающая среда " + slug, "Climate and nature."));
        hidden.add(Map.entry("hidden", "true"));
        admin.get("/newsroom/admin/sections/" + id);
        admin.post("/newsroom/admin/sections/" + id, hidden);
        relay.drain();
        assertThat(navigation("/en/")).doesNotContain("/en/" + renamed + "/");
        assertThat(site.get("/en/" + renamed + "/").statusCode()).as("a hidden section's page still answers")
                .isEqualTo(200);

        hidden.add(Map.entry("archived", "true"));
        admin.get("/newsroom/admin/sections/" + id);
        admin.post("/newsroom/admin/sections/" + id, hidden);
        assertThat(editor.get("/newsroom/stories/new").body()).as("an archived section takes no new stories")
                .doesNotContain("value=\"" + id + "\"");

        assertThat(audit.recent(null, adminMember.username(), 20)).extracting(e -> e.action())
                .contains("section.create", "section.update", "section.move");
    }

    @Test
    void sectionFormsRefuseEachBadInputBesideItsFieldAndKeepWhatWasTyped() {
        var slug = Fixtures.unique("section-desk");
        admin.get("/newsroom/admin/sections");
        admin.post("/newsroom/admin/sections", section(slug, "Наука " + slug, "Science " + slug, "Наука " + slug, ""));

        var duplicateName = admin.post("/newsroom/admin/sections", section("", "Інша " + slug, "science " + slug,
                "Другая " + slug, "Typed description kept"));
        assertThat(duplicateName.statusCode()).isEqualTo(422);
        assertThat(FieldErrors.of(duplicateName)).containsEntry("name-en", "“science " + slug + "” is already taken in this language.");
        assertThat(duplicateName.body()).contains("Typed description kept").contains("value=\"Інша " + slug + "\"");

        var duplicateSlug = admin.post("/newsroom/admin/sections", section(slug, "Інша " + slug, "Other " + slug,
                "Другая " + slug, ""));
        assertThat(FieldErrors.of(duplicateSlug)).containsEntry("slug", "The address “" + slug + "” is already taken.");

        var cyrillic = admin.post("/newsroom/admin/sections", section("політика", "Інша " + slug, "Other " + slug,
                "Другая " + slug, ""));
        assertThat(FieldErrors.of(cyrillic)).containsEntry("slug", "Addresses are written in Latin letters: for example polityka.");
        assertThat(cyrillic.body()).contains("value=\"політика\"");

        for (var reserved : List.of("feed", "search", "tag", "author", "api", "newsroom", "media")) {
            var refused = admin.post("/newsroom/admin/sections", section(reserved, "Інша " + slug, "Other " + slug,
                    "Другая " + slug, ""));
            assertThat(FieldErrors.of(refused)).as(reserved).containsEntry("slug",
                    "“" + reserved + "” is used by the site’s own addresses; choose another.");
        }

        var missing = admin.post("/newsroom/admin/sections", section("", "", "Other " + slug, "Другая " + slug, ""));
        assertThat(FieldErrors.of(missing)).containsEntry("name-uk", "Give the name in this language.");

        long id = sectionId(slug);
        new Fixtures(stories, taxonomy).story().inSection(id).in(org.masthead.platform.Language.EN, "Held here").draft();
        admin.get("/newsroom/admin/sections/" + id);
        var holding = admin.post("/newsroom/admin/sections/" + id + "/delete", Map.of());
        assertThat(holding.statusCode()).isEqualTo(422);
        assertThat(FieldErrors.of(holding)).containsEntry("section",
                "This section still holds 1 stories: move them to another section first.");
        assertThat(taxonomy.sectionDetails(id)).isPresent();
    }

    @Test
    void tagsTypedInTheStoryFormAreFoundByAnyNameOrCreatedWithTransliteratedSlugs() {
        var word = Fixtures.unique("w").substring(2);
        long existing = taxonomy.addTag(Fixtures.unique("desk-tag"), new org.masthead.platform.Localized(
                "Вибори " + word, "Elections " + word, "Выборы " + word));
        long section = new Fixtures(stories, taxonomy).section();
        var contributor = new Staff(accounts).member(Role.CONTRIBUTOR).signIn(port);
        contributor.get("/newsroom/stories/new");
        var opened = contributor.post("/newsroom/stories", Map.of("section", Long.toString(section), "language", "uk",
                "newTags", "Переговори у Стамбулі " + word + ", Выборы " + word + ", Переговоры в Стамбуле " + word));
        assertThat(opened.statusCode()).isEqualTo(302);
        long story = Long.parseLong(opened.headers().firstValue("Location").orElseThrow()
                .replaceAll(".*/stories/(\\d+)/.*", "$1"));
        var tags = taxonomy.tags(stories.details(story).orElseThrow().tagIds());
        assertThat(tags).extracting(t -> t.slug()).containsExactlyInAnyOrder(
                "perehovory-u-stambuli-" + word, taxonomy.tagDetails(existing).orElseThrow().slug(),
                "peregovory-v-stambule-" + word);
        assertThat(audit.recent("tag.create", null, 10)).extracting(e -> e.subject())
                .contains("tag perehovory-u-stambuli-" + word);

        editor.get("/newsroom/stories/" + story);
        var kept = editor.post("/newsroom/stories/" + story + "/metadata", List.of(Map.entry("section",
                Long.toString(section)), Map.entry("tags", Long.toString(existing)), Map.entry("newTags", "")));
        assertThat(kept.statusCode()).isEqualTo(302);
        assertThat(stories.details(story).orElseThrow().tagIds()).containsExactly(existing);
        assertThat(audit.recent("story.metadata", null, 5)).extracting(e -> e.subject()).contains("story " + story);
    }

    @Test
    void editorsRenameDescribeAndMergeTagsButNotIntoThemselves() {
        var slug = Fixtures.unique("desk-tag");
        editor.get("/newsroom/tags");
        var created = editor.post("/newsroom/tags", List.of(Map.entry("name.uk", "Енергія " + slug),
                Map.entry("name.en", "Energy " + slug), Map.entry("name.ru", "Энергия " + slug), Map.entry("slug", slug),
                Map.entry("description.en", "Power plants and prices.")));
        assertThat(created.statusCode()).isEqualTo(302);
        long id = taxonomy.tag(slug).orElseThrow().id();
        assertThat(site.get("/en/tag/" + slug).body()).contains("Power plants and prices.");

        editor.get("/newsroom/tags/" + id);
        var self = editor.post("/newsroom/tags/" + id + "/merge", Map.of("into", "Energy " + slug));
        assertThat(self.statusCode()).isEqualTo(422);
        assertThat(FieldErrors.of(self)).containsEntry("into", "A tag cannot be merged into itself.");
        assertThat(self.body()).contains("value=\"Energy " + slug + "\"");
        var nowhere = editor.post("/newsroom/tags/" + id + "/merge", Map.of("into", "no such tag " + slug));
        assertThat(FieldErrors.of(nowhere)).containsEntry("into", "Choose the tag to merge into.");

        var survivor = Fixtures.unique("desk-tag");
        long into = taxonomy.addTag(survivor, new org.masthead.platform.Localized("Енергетика " + slug,
                "Power " + slug, "Энергетика " + slug));
        var merged = editor.post("/newsroom/tags/" + id + "/merge", Map.of("into", "Енергетика " + slug));
        assertThat(merged.headers().firstValue("Location").orElseThrow()).endsWith("/newsroom/tags/" + into + "?done=merged");
        assertThat(site.get("/ru/tag/" + slug).headers().firstValue("Location")).hasValue("/ru/tag/" + survivor);
        assertThat(audit.recent("tag.merge", null, 5)).extracting(e -> e.subject()).contains("tag " + slug);

        var contributor = new Staff(accounts).member(Role.CONTRIBUTOR).signIn(port);
        assertThat(contributor.get("/newsroom/tags").statusCode()).as("tags are the editors'").isEqualTo(403);
    }

    @Test
    void authorProfilesHaveNamesInEachScriptAPhotoAJobAndLinksAndLinkOnlyToActiveAccounts() {
        var staff = new Staff(accounts);
        var writer = staff.member(Role.CONTRIBUTOR);
        var gone = staff.member(Role.CONTRIBUTOR);
        accounts.setEnabled(gone.id(), false, "test");
        var word = Fixtures.unique("w").substring(2);

        editor.get("/newsroom/authors/new");
        var suggested = editor.post("/newsroom/authors", List.of(Map.entry("op", "suggest"),
                Map.entry("name.uk", "Олена Марченко"), Map.entry("name.en", ""), Map.entry("name.ru", "")));
        assertThat(suggested.body()).contains("name=\"name.en\" value=\"Olena Marchenko\"")
                .contains("name=\"name.ru\" value=\"Олена Марченко\"");

        var slug = "olena-" + word;
        var refused = editor.post("/newsroom/authors", author(slug, word, Long.toString(gone.id())));
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(FieldErrors.of(refused)).containsEntry("account",
                "This account is disabled: an author can be linked only to an active account.");
        assertThat(refused.body()).contains("https://social.example/@olena" + word);

        var created = editor.post("/newsroom/authors", author(slug, word, Long.toString(writer.id())));
        assertThat(created.statusCode()).isEqualTo(302);
        var page = site.get("/en/author/" + slug);
        assertThat(page.body()).contains("Senior correspondent").contains("Writes about " + word)
                .contains("<a href=\"https://social.example/@olena" + word + "\" rel=\"me noopener\">")
                .contains("\"@type\":\"ProfilePage\"").contains("\"sameAs\":[\"https://social.example/@olena" + word + "\"]")
                .contains("\"jobTitle\":\"Senior correspondent\"");
        assertThat(HtmlValidator.errors(page.body())).isEmpty();

        var own = writer.signIn(port).get("/newsroom/stories/new").body();
        long authorId = taxonomy.author(slug).orElseThrow().id();
        assertThat(own).as("a writer's own byline is chosen to start with")
                .containsPattern("value=\"" + authorId + "\" checked");
    }

    @Test
    void staticPagesAreWrittenWithStoryBlocksAndShowInTheFooterTheSitemapAndStructuredData() {
        var slug = Fixtures.unique("ownership");
        admin.get("/newsroom/admin/pages/new?lang=en");
        var created = admin.post("/newsroom/admin/pages?lang=en", List.of(Map.entry("title", "Who owns us " + slug),
                Map.entry("slug", slug), Map.entry("summary", "Owners and money."), Map.entry("inFooter", "true"),
                Map.entry("purpose", "ownership-funding"), Map.entry("live", "true"),
                Map.entry("blocks[0].type", "paragraph"), Map.entry("blocks[0].text", "A trust owns the newsroom."),
                Map.entry("blocks[1].type", "subheading"), Map.entry("blocks[1].text", "Money"),
                Map.entry("blocks[2].type", "list"), Map.entry("blocks[2].items", "Readers\nGrants"),
                Map.entry("op", "save")));
        assertThat(created.statusCode()).isEqualTo(302);
        long id = Long.parseLong(created.headers().firstValue("Location").orElseThrow().replaceAll(".*/pages/(\\d+).*", "$1"));

        var page = site.get("/en/" + slug);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<h1>Who owns us " + slug + "</h1>").contains("<p>A trust owns the newsroom.</p>")
                .contains("<h2>Money</h2>").contains("<li>Readers</li>")
                .contains("\"ownershipFundingInfo\":\"http://localhost:8080/en/" + slug + "\"");
        assertThat(HtmlValidator.errors(page.body())).isEmpty();
        assertThat(site.get("/en/").body()).contains("<a href=\"/en/" + slug + "\">Who owns us " + slug + "</a>");
        assertThat(site.get("/uk/").body()).as("no Ukrainian version yet").doesNotContain("/en/" + slug);
        assertThat(site.get("/sitemaps/pages.xml").body()).contains("<loc>http://localhost:8080/en/" + slug + "</loc>");
        assertThat(site.get("/sitemap.xml").body()).contains("/sitemaps/pages.xml");

        admin.get("/newsroom/admin/pages/" + id + "/uk");
        var sectionSlug = taxonomy.sectionDetails(new Fixtures(stories, taxonomy).section()).orElseThrow().slug();
        var clash = admin.post("/newsroom/admin/pages/" + id + "/uk", List.of(Map.entry("title", "Власники"),
                Map.entry("slug", sectionSlug), Map.entry("live", "true"), Map.entry("blocks[0].type", "paragraph"),
                Map.entry("blocks[0].text", "Текст."), Map.entry("op", "save")));
        assertThat(FieldErrors.of(clash)).containsEntry("slug",
                "A section has the address “" + sectionSlug + "”; sections and pages cannot share it.");
        var emptyBlock = admin.post("/newsroom/admin/pages/" + id + "/uk", List.of(Map.entry("title", "Власники"),
                Map.entry("slug", "vlasnyky-" + slug), Map.entry("live", "true"),
                Map.entry("blocks[0].type", "paragraph"), Map.entry("blocks[0].text", " "), Map.entry("op", "save")));
        assertThat(FieldErrors.of(emptyBlock)).as("the story body's rules").containsKey("b0-text");
        var saved = admin.post("/newsroom/admin/pages/" + id + "/uk", List.of(Map.entry("title", "Власники"),
                Map.entry("slug", "vlasnyky-" + slug), Map.entry("live", "true"),
                Map.entry("blocks[0].type", "paragraph"), Map.entry("blocks[0].text", "Текст."), Map.entry("op", "save")));
        assertThat(saved.statusCode()).isEqualTo(302);
        assertThat(site.get("/en/" + slug).body()).contains("hreflang=\"uk\" href=\"http://localhost:8080/uk/vlasnyky-" + slug);

        var anotherWithTheSamePurpose = admin.post("/newsroom/admin/pages?lang=en", List.of(Map.entry("title", "Funding"),
                Map.entry("purpose", "ownership-funding"), Map.entry("live", "true"),
                Map.entry("blocks[0].type", "paragraph"), Map.entry("blocks[0].text", "Text."), Map.entry("op", "save")));
        assertThat(FieldErrors.of(anotherWithTheSamePurpose)).containsEntry("purpose",
                "The page “Who owns us " + slug + "” already has this purpose.");
        assertThat(audit.recent("page.save", adminMember.username(), 5)).isNotEmpty();
        assertThat(pages.find(id).orElseThrow().versions()).hasSize(2);
    }

    private List<Map.Entry<String, String>> section(String slug, String uk, String en, String ru, String description) {
        return List.of(Map.entry("slug", slug), Map.entry("name.uk", uk), Map.entry("name.en", en), Map.entry("name.ru", ru),
                Map.entry("description.en", description), Map.entry("seoTitle.en", "SEO " + en),
                Map.entry("seoDescription.en", ""));
    }

    private static List<Map.Entry<String, String>> author(String slug, String word, String account) {
        return List.of(Map.entry("op", "save"), Map.entry("slug", slug), Map.entry("name.uk", "Олена " + word),
                Map.entry("name.en", "Olena " + word), Map.entry("name.ru", "Елена " + word),
                Map.entry("jobTitle.en", "Senior correspondent"), Map.entry("bio.en", "Writes about " + word + "."),
                Map.entry("links", "https://social.example/@olena" + word), Map.entry("account", account),
                Map.entry("photo", ""));
    }

    private long sectionId(String slug) {
        return taxonomy.section(slug).orElseThrow().id();
    }

    /** The section links of the navigation, in order. */
    private List<String> navigation(String path) {
        var body = site.get(path).body();
        var nav = body.substring(body.indexOf("<nav class=\"sections\""), body.indexOf("</nav>", body.indexOf("<nav class=\"sections\"")));
        var links = new ArrayList<String>();
        var matcher = Pattern.compile("href=\"([^\"]+)\"").matcher(nav);
        while (matcher.find()) {
            links.add(matcher.group(1));
        }
        return links;
    }

}
