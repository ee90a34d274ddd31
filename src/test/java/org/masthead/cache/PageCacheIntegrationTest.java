package org.masthead.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.masthead.platform.Language.EN;
import static org.masthead.platform.Language.RU;
import static org.masthead.platform.Language.UK;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.masthead.content.Block;
import org.masthead.content.NewStory;
import org.masthead.content.SaveVersion;
import org.masthead.content.SectionDraft;
import org.masthead.content.StoryMetadata;
import org.masthead.content.TagDraft;
import org.masthead.content.Stories;
import org.masthead.content.Taxonomy;
import org.masthead.platform.Language;
import org.masthead.platform.Localized;
import org.masthead.platform.outbox.OutboxRelay;
import org.masthead.platform.text.Slugs;
import org.masthead.support.Fixtures;
import org.masthead.support.MastheadTest;
import org.masthead.support.SiteClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/** The page cache over real HTTP: what is cached, what publishing evicts, and what HTTP says about it. */
@MastheadTest
@TestPropertySource(properties = "masthead.cache.enabled=true")
class PageCacheIntegrationTest {

    @LocalServerPort int port;
    @Autowired Stories stories;
    @Autowired Taxonomy taxonomy;
    @Autowired OutboxRelay relay;
    @Autowired PageCache cache;
    SiteClient site;
    Fixtures fixtures;

    @BeforeEach
    void setUp() {
        site = new SiteClient(port);
        fixtures = new Fixtures(stories, taxonomy);
        relay.drain();
    }

    @Test
    void publishingAStoryEvictsExactlyThePagesThatShowIt() {
        var a = new FiledStory("Cache story A", UK, EN);
        var b = new FiledStory("Cache story B");
        // A's section has Russian stories too, only not A
        fixtures.story().inSection(a.section).in(RU, "Соседний материал").in(EN, "Neighbour").published();
        relay.drain();
        var pagesOfA = List.of(a.path(EN), a.sectionPath(EN), a.tagPath(EN), a.authorPath(EN), "/en/");
        // A has no Russian version: the Russian pages of its section and the Russian home do not list it
        var untouched = List.of(b.path(EN), b.sectionPath(EN), b.tagPath(EN), b.authorPath(EN), "/ru/",
                a.sectionPath(RU));
        for (var path : concat(pagesOfA, untouched)) {
            site.get(path);
            assertThat(outcome(site.get(path))).as(path).isEqualTo("hit");
        }

        a.republishWithStandfirst("A corrected standfirst");
        relay.drain();

        for (var path : pagesOfA) {
            assertThat(outcome(site.get(path))).as(path).isEqualTo("miss");
        }
        for (var path : untouched) {
            assertThat(outcome(site.get(path))).as(path).isEqualTo("hit");
        }
        assertThat(site.get(a.path(EN)).body()).contains("A corrected standfirst");
    }

    @Test
    void corsHeadersAnswerEachRequestsOwnOriginWhateverRequestRenderedThePage() {
        cache.evict(Set.of(org.masthead.platform.web.SurrogateKeys.EVERYTHING));
        var path = "/api/v1/tags";
        var reader = "https://reader.example";

        var rendered = site.get(path, "Origin", reader, "Accept-Encoding", "gzip");
        assertThat(outcome(rendered)).isEqualTo("miss");
        assertThat(rendered.headers().firstValue("Access-Control-Allow-Origin")).hasValue("*");
        assertThat(vary(rendered)).containsExactlyInAnyOrder("Origin", "Access-Control-Request-Method",
                "Access-Control-Request-Headers", "Accept-Encoding");

        for (var sameOrigin : List.of(site.get(path), site.get(path, "Origin", "http://127.0.0.1:" + port))) {
            assertThat(outcome(sameOrigin)).isEqualTo("hit");
            assertThat(sameOrigin.headers().map().keySet()).as("no CORS headers on a same-origin answer")
                    .noneMatch(name -> name.toLowerCase(java.util.Locale.ROOT).startsWith("access-control-"));
            assertThat(vary(sameOrigin)).as("a cache in front must tell the origins apart")
                    .contains("Origin", "Accept-Encoding").doesNotHaveDuplicates();
        }

        var crossOrigin = site.get(path, "Origin", reader);
        assertThat(outcome(crossOrigin)).isEqualTo("hit");
        assertThat(crossOrigin.headers().firstValue("Access-Control-Allow-Origin")).hasValue("*");
        assertThat(crossOrigin.headers().firstValue("Access-Control-Expose-Headers")).get().asString()
                .contains("ETag");
        assertThat(vary(crossOrigin)).contains("Origin").doesNotHaveDuplicates();

        var readerPage = site.get("/en/");
        assertThat(vary(site.get("/en/"))).as("reader pages have no CORS rules").containsExactly("Accept-Encoding");
        assertThat(readerPage.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    }

    private static List<String> vary(java.net.http.HttpResponse<String> response) {
        return response.headers().allValues("Vary").stream().flatMap(v -> Stream.of(v.split(",")))
                .map(String::trim).filter(v -> !v.isEmpty()).toList();
    }

    @Test
    void aStoryLinkedFromAPageInAnotherLanguageEvictsThatPageWhenItsAddressChanges() {
        long section = fixtures.section();
        long linked = fixtures.story().inSection(section).in(UK, "Лише українською").published();
        long page = fixtures.story().inSection(section).in(EN, "Links across languages")
                .body(new Block.Paragraph("p1", new org.masthead.content.RichText("See the Ukrainian story.",
                        List.of(new org.masthead.content.Mark.StoryLink(8, 23, linked))))).published();
        relay.drain();
        var path = stories.published(page, EN).map(p -> "/en/" + p.section().slug() + "/" + p.slug() + "-" + page)
                .orElseThrow();
        site.get(path);
        assertThat(outcome(site.get(path))).isEqualTo("hit");

        var linkedNow = stories.working(linked, UK).orElseThrow();
        stories.save(new SaveVersion(linked, UK, linkedNow.revision(), "Нова назва", "Лід", "", "", "", "", "",
                linkedNow.body(), "test"));
        stories.publish(linked);
        relay.drain();

        var after = site.get(path);
        assertThat(outcome(after)).isEqualTo("miss");
        assertThat(after.body()).contains("/nova-nazva-" + linked + "\" hreflang=\"uk\"");
    }

    @Test
    void renamingATagEvictsThePagesAndFeedsThatNameItAndNothingElse() {
        var a = new FiledStory("Cache story tagged to rename");
        var b = new FiledStory("Cache story tagged to keep");
        relay.drain();
        var naming = List.of(a.path(EN), a.tagPath(EN), a.sectionPath(EN) + "feed/rss.xml", a.authorPath(EN) + "/feed/atom.xml");
        var others = List.of(a.sectionPath(EN), a.authorPath(EN), "/en/", b.path(EN), b.tagPath(EN),
                b.sectionPath(EN) + "feed/rss.xml");
        warm(concat(naming, others));

        var tag = taxonomy.tagDetails(a.tag).orElseThrow();
        taxonomy.updateTag(a.tag, new TagDraft("", new Localized("Перейменований " + a.tagSlug,
                "Renamed " + a.tagSlug, "Переименованный " + a.tagSlug), tag.description()));
        relay.drain();

        for (var path : naming) {
            assertThat(outcome(site.get(path))).as(path).isEqualTo("miss");
        }
        for (var path : others) {
            assertThat(outcome(site.get(path))).as(path).isEqualTo("hit");
        }
        assertThat(site.get(a.path(EN)).body()).contains("Renamed " + a.tagSlug);
    }

    @Test
    void mergingATagEvictsThePagesOfBothTagsAndTheOldPageRedirects() {
        var a = new FiledStory("Cache story of the merged tag");
        var b = new FiledStory("Cache story of the surviving tag");
        relay.drain();
        warm(List.of(a.path(EN), a.tagPath(EN), b.path(EN), b.tagPath(EN), a.sectionPath(EN)));

        taxonomy.mergeTags(a.tag, b.tag);
        relay.drain();

        assertThat(outcome(site.get(a.path(EN)))).isEqualTo("miss");
        assertThat(outcome(site.get(b.tagPath(EN)))).isEqualTo("miss");
        assertThat(outcome(site.get(a.sectionPath(EN)))).isEqualTo("hit");
        var moved = site.get(a.tagPath(EN));
        assertThat(moved.statusCode()).isEqualTo(301);
        assertThat(moved.headers().firstValue("Location")).hasValue(b.tagPath(EN));
        assertThat(site.get(a.tagPath(EN) + "/feed/rss.xml").headers().firstValue("Location"))
                .hasValue(b.tagPath(EN) + "/feed/rss.xml");
        assertThat(site.get(b.tagPath(EN)).body()).contains("Cache story of the merged tag");
    }

    @Test
    void movingALiveStoryToAnotherSectionEvictsTheListsOfBothSections() {
        var story = new FiledStory("Cache story that moves");
        var target = new FiledStory("Cache story already there");
        var elsewhere = new FiledStory("Cache story not concerned");
        relay.drain();
        var oldPath = story.path(EN);
        warm(List.of(oldPath, story.sectionPath(EN), target.sectionPath(EN), elsewhere.path(EN), "/en/"));

        var details = stories.details(story.id).orElseThrow();
        stories.updateMetadata(story.id, new StoryMetadata(target.section, details.authorIds(), details.tagIds(),
                details.leadImageId()));
        relay.drain();

        assertThat(outcome(site.get(story.sectionPath(EN)))).isEqualTo("miss");
        assertThat(site.get(story.sectionPath(EN)).body()).doesNotContain("Cache story that moves");
        assertThat(outcome(site.get(target.sectionPath(EN)))).isEqualTo("miss");
        assertThat(site.get(target.sectionPath(EN)).body()).contains("Cache story that moves");
        assertThat(outcome(site.get(elsewhere.path(EN)))).as("a page that does not show it").isEqualTo("hit");
        var moved = site.get(oldPath);
        assertThat(moved.statusCode()).isEqualTo(301);
        assertThat(moved.headers().firstValue("Location").orElseThrow()).startsWith(target.sectionPath(EN));
    }

    @Test
    void renamingASectionEvictsEveryPageWithTheNavigationButNotTheFeedsOfOthers() {
        var story = new FiledStory("Cache story of a renamed section");
        var other = new FiledStory("Cache story elsewhere");
        relay.drain();
        var html = List.of(story.path(EN), other.path(EN), other.tagPath(EN), "/ru/");
        var feeds = List.of(other.sectionPath(EN) + "feed/rss.xml", other.tagPath(EN) + "/feed/rss.xml");
        warm(concat(html, feeds));

        var section = taxonomy.sectionDetails(story.section).orElseThrow();
        var renamed = Fixtures.unique("section");
        taxonomy.updateSection(story.section, new SectionDraft(renamed, section.name(), section.description(),
                section.seoTitle(), section.seoDescription(), false, false));
        relay.drain();

        for (var path : html) {
            var now = path.replace("/" + story.sectionSlug + "/", "/" + renamed + "/");
            assertThat(outcome(site.get(now))).as(now).isEqualTo("miss");
        }
        for (var path : feeds) {
            assertThat(outcome(site.get(path))).as("a feed that names no story of the section: " + path).isEqualTo("hit");
        }
        var old = site.get(story.sectionPath(EN));
        assertThat(old.statusCode()).isEqualTo(301);
        assertThat(old.headers().firstValue("Location")).hasValue("/en/" + renamed + "/");
        assertThat(site.get(story.sectionPath(EN) + "feed/atom.xml").headers().firstValue("Location"))
                .hasValue("/en/" + renamed + "/feed/atom.xml");
    }

    @Test
    void aDraftSaveEvictsNothingAndUnpublishingEvictsTheStoryInEveryLanguage() {
        var story = new FiledStory("Cache story to withdraw");
        relay.drain();
        site.get(story.path(EN));
        site.get(story.path(UK));

        story.saveDraft("Only a draft");
        relay.drain();
        assertThat(outcome(site.get(story.path(EN)))).isEqualTo("hit");
        assertThat(site.get(story.path(EN)).body()).doesNotContain("Only a draft");

        stories.unpublish(story.id);
        relay.drain();
        assertThat(site.get(story.path(EN)).statusCode()).isEqualTo(410);
        assertThat(site.get(story.path(UK)).statusCode()).isEqualTo(410);
    }

    @Test
    void cachedPagesCarryValidatorsAndHeadersForCdns() {
        var story = new FiledStory("Cache story with headers");
        relay.drain();
        var first = site.get(story.path(EN));
        var second = site.get(story.path(EN));

        assertThat(outcome(first)).isEqualTo("miss");
        assertThat(outcome(second)).isEqualTo("hit");
        assertThat(second.body()).isEqualTo(first.body());
        var headers = second.headers();
        assertThat(headers.firstValue("Cache-Control")).hasValueSatisfying(value -> assertThat(value)
                .contains("public", "max-age=60", "s-maxage=300", "stale-while-revalidate=60", "stale-if-error=86400"));
        assertThat(headers.firstValue("ETag")).hasValueSatisfying(etag -> assertThat(etag).matches("\"[0-9a-f]{24}\""));
        assertThat(headers.firstValue("ETag")).isEqualTo(first.headers().firstValue("ETag"));
        assertThat(headers.firstValue("Last-Modified")).isPresent();
        // answered before the security chain, a hit still carries its headers
        for (var header : java.util.List.of("Content-Security-Policy", "X-Content-Type-Options", "Referrer-Policy",
                "Permissions-Policy", "X-Frame-Options")) {
            assertThat(headers.firstValue(header)).as(header).isEqualTo(first.headers().firstValue(header)).isPresent();
        }
        assertThat(headers.firstValue("Vary")).hasValueSatisfying(vary -> assertThat(vary).isEqualToIgnoringCase("Accept-Encoding"));
        assertThat(headers.firstValue("Surrogate-Key").orElseThrow().split(" ")).contains("story:" + story.id,
                "section:" + story.section, "tag:" + story.tag, "author:" + story.author, "lang:en");
        assertThat(headers.firstValue("Cache-Tag").orElseThrow().split(",")).contains("story:" + story.id, "lang:en");
        // security headers were kept with the page
        assertThat(headers.firstValue("Content-Security-Policy")).isPresent();
        assertThat(headers.firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(headers.firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
        assertThat(headers.firstValue("Server-Timing")).hasValue("cache;desc=hit");
        assertThat(first.headers().firstValue("Server-Timing")).hasValueSatisfying(
                value -> assertThat(value).matches("app;dur=\\d+\\.\\d{3}"));
        assertThat(headers.allValues("Set-Cookie")).isEmpty();
    }

    @Test
    void conditionalRequestsAnswerNotModified() {
        var story = new FiledStory("Cache story for validators");
        relay.drain();
        var page = site.get(story.path(EN));
        var etag = page.headers().firstValue("ETag").orElseThrow();
        var lastModified = page.headers().firstValue("Last-Modified").orElseThrow();

        var byEtag = site.get(story.path(EN), "If-None-Match", "\"other\", " + etag);
        assertThat(byEtag.statusCode()).isEqualTo(304);
        assertThat(byEtag.body()).isEmpty();
        assertThat(byEtag.headers().firstValue("ETag")).hasValue(etag);
        assertThat(byEtag.headers().firstValue("Cache-Control")).hasValueSatisfying(v -> assertThat(v).contains("s-maxage"));
        assertThat(site.get(story.path(EN), "If-Modified-Since", lastModified).statusCode()).isEqualTo(304);
        // If-None-Match wins: a different ETag means the page changed, whatever the date says
        assertThat(site.get(story.path(EN), "If-None-Match", "W/\"other\"", "If-Modified-Since", lastModified)
                .statusCode()).isEqualTo(200);
        assertThat(site.get(story.path(EN), "If-Modified-Since", "Thu, 01 Jan 1970 00:00:00 GMT").statusCode())
                .isEqualTo(200);
        assertThat(site.get(story.path(EN), "If-Modified-Since", "not a date").statusCode()).isEqualTo(200);

        story.republishWithStandfirst("Changed after the reader's copy");
        relay.drain();
        assertThat(site.get(story.path(EN), "If-None-Match", etag).statusCode()).isEqualTo(200);
    }

    @Test
    void gzipIsServedPrecompressedToClientsThatAcceptIt() throws IOException {
        var story = new FiledStory("Cache story compressed");
        relay.drain();
        var plain = site.get(story.path(EN)).body();

        var zipped = bytes(story.path(EN), "Accept-Encoding", "br, gzip;q=0.8");
        assertThat(zipped.headers().firstValue("Content-Encoding")).hasValue("gzip");
        // a strong validator per representation: the gzip form has its own
        assertThat(zipped.headers().firstValue("ETag")).hasValueSatisfying(
                etag -> assertThat(etag).matches("\"[0-9a-f]{24}-gzip\""));
        assertThat(bytes(story.path(EN), "Accept-Encoding", "gzip", "If-None-Match",
                zipped.headers().firstValue("ETag").orElseThrow()).statusCode()).isEqualTo(304);
        assertThat(zipped.headers().firstValue("X-Page-Cache")).hasValue("hit");
        assertThat(zipped.headers().firstValueAsLong("Content-Length")).hasValue(zipped.body().length);
        assertThat(zipped.body().length).isLessThan(plain.getBytes(StandardCharsets.UTF_8).length / 2);
        try (var unzip = new GZIPInputStream(new ByteArrayInputStream(zipped.body()))) {
            assertThat(new String(unzip.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo(plain);
        }
        var refused = bytes(story.path(EN), "Accept-Encoding", "gzip;q=0, identity");
        assertThat(refused.headers().firstValue("Content-Encoding")).isEmpty();
        assertThat(new String(refused.body(), StandardCharsets.UTF_8)).isEqualTo(plain);
    }

    @Test
    void headIsAnsweredFromTheCacheWithoutABody() {
        var story = new FiledStory("Cache story for head");
        relay.drain();
        var plain = site.get(story.path(EN)).body();

        var head = site.send(HttpRequest.newBuilder(site.uri(story.path(EN)))
                .method("HEAD", HttpRequest.BodyPublishers.noBody()));
        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.body()).isEmpty();
        assertThat(head.headers().firstValue("X-Page-Cache")).hasValue("hit");
        assertThat(head.headers().firstValueAsLong("Content-Length")).hasValue(plain.getBytes(StandardCharsets.UTF_8).length);
    }

    @Test
    void signedInUsersGetFreshPrivatePagesThatAreNeverStored() {
        var story = new FiledStory("Cache story for the newsroom");
        relay.drain();
        var path = story.path(EN);

        for (var credentials : List.of(new String[] {"Cookie", "JSESSIONID=0123456789ABCDEF"},
                new String[] {"Cookie", "theme=dark; remember-me=abc"}, new String[] {"Authorization", "Bearer token"})) {
            var response = site.get(path, credentials);
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(outcome(response)).isEqualTo("bypass");
            assertThat(response.headers().firstValue("Cache-Control")).hasValue("private, no-store");
            assertThat(response.headers().firstValue("ETag")).isEmpty();
        }
        assertThat(outcome(site.get(path))).as("the bypass did not fill the cache").isEqualTo("miss");

        // an edit published but not yet seen by the cache: the newsroom sees it at once
        story.republishWithStandfirst("Seen by the newsroom first");
        assertThat(site.get(path, "Cookie", "JSESSIONID=0123456789ABCDEF").body()).contains("Seen by the newsroom first");
        relay.drain();
        assertThat(site.get(path).body()).contains("Seen by the newsroom first");
    }

    @Test
    void responsesWithoutKeysOrForbiddenToShareAreLeftAlone() {
        assertThat(site.get("/actuator/health").headers().firstValue("X-Page-Cache")).isEmpty();
        var missing = site.get("/en/tag/no-such-tag-for-the-cache");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.headers().firstValue("X-Page-Cache")).isEmpty();
        var redirect = site.get("/en");
        assertThat(redirect.statusCode()).isEqualTo(301);
        assertThat(redirect.headers().firstValue("X-Page-Cache")).isEmpty();
    }

    private void warm(List<String> paths) {
        for (var path : paths) {
            site.get(path);
            assertThat(outcome(site.get(path))).as(path).isEqualTo("hit");
        }
    }

    private static String outcome(HttpResponse<?> response) {
        return response.headers().firstValue("X-Page-Cache").orElse("none");
    }

    private HttpResponse<byte[]> bytes(String path, String... headers) {
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(site.uri(path)).headers(headers).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static List<String> concat(List<String> first, List<String> second) {
        return Stream.concat(first.stream(), second.stream()).toList();
    }

    /** A published story with its own section, tag and author, so its pages are its alone. */
    private final class FiledStory {

        final long id;
        final long section;
        final long tag;
        final long author;
        final String headline;
        int englishRevision;
        // "section-" marks test sections, which tests of the demo newsroom leave out
        final String sectionSlug = Fixtures.unique("section");
        final String tagSlug = Fixtures.unique("cache-tag");
        final String authorSlug = Fixtures.unique("cache-author");

        FiledStory(String headline) {
            this(headline, UK, EN, RU);
        }

        FiledStory(String headline, Language... languages) {
            this.headline = headline;
            section = taxonomy.addSection(sectionSlug, new Localized("Розділ " + sectionSlug, "Section " + sectionSlug,
                    "Раздел " + sectionSlug));
            tag = taxonomy.addTag(tagSlug, new Localized("Тег " + tagSlug, "Tag " + tagSlug, "Тег " + tagSlug));
            author = taxonomy.addAuthor(authorSlug, new Localized("Авторка " + authorSlug, "Author " + authorSlug,
                    "Автор " + authorSlug),
                    new Localized("", "", ""));
            id = stories.create(new NewStory(section, UK, List.of(author), List.of(tag), null));
            for (var language : languages) {
                int revision = save(language, 0, "Standfirst");
                if (language == EN) {
                    englishRevision = revision;
                }
            }
            stories.publish(id);
        }

        void republishWithStandfirst(String standfirst) {
            saveDraft(standfirst);
            stories.publish(id);
        }

        void saveDraft(String standfirst) {
            englishRevision = save(EN, englishRevision, standfirst);
        }

        private int save(Language language, int basedOn, String standfirst) {
            return stories.save(new SaveVersion(id, language, basedOn, headline, standfirst, "", "", "", "", "",
                    List.of(new Block.Paragraph("p1", "Body of " + headline)), "test"));
        }

        String path(Language language) {
            return "/" + language.code() + "/" + sectionSlug + "/" + Slugs.of(headline, language) + "-" + id;
        }

        String sectionPath(Language language) {
            return "/" + language.code() + "/" + sectionSlug + "/";
        }

        String tagPath(Language language) {
            return "/" + language.code() + "/tag/" + tagSlug;
        }

        String authorPath(Language language) {
            return "/" + language.code() + "/author/" + authorSlug;
        }
    }
}
