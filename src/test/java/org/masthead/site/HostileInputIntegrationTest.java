package org.masthead.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import nu.validator.htmlparser.dom.HtmlDocumentBuilder;
import org.junit.jupiter.api.Test;
import org.masthead.identity.Accounts;
import org.masthead.identity.Role;
import org.masthead.support.MastheadTest;
import org.masthead.support.SiteClient;
import org.masthead.support.Staff;
import org.masthead.support.Tokens;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;
import tools.jackson.databind.json.JsonMapper;

/**
 * The quick version of the hostile-input corpus (the whole run over a live instance is
 * {@code bench/hostile.sh}): every payload of {@code hostile/payloads.json} goes into every text field
 * of a story through the admin API and is published; the story page, search, suggestions, the feed, the
 * sitemap and the content API are read. No answer may be 500, no payload may become markup a browser
 * acts on, and every XML and JSON output must still parse. Payloads with characters that XML cannot
 * carry (U+0000-U+001F, U+FFFE/U+FFFF, lone surrogates) are left to the text-hygiene work on input and
 * the XML writers, which own them; the bench run still counts them.
 */
@MastheadTest
class HostileInputIntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern XML_ILLEGAL = Pattern.compile("[\\x00-\\x08\\x0b\\x0c\\x0e-\\x1f\\ufffe\\uffff\\p{Cs}]");

    @LocalServerPort
    int port;

    @Autowired
    Accounts accounts;

    @Test
    void noPayloadBecomesLiveMarkupBreaksAnOutputOrCausesA500() throws Exception {
        List<String> corpus = JSON.readValue(getClass().getResourceAsStream("/hostile/payloads.json"),
                JSON.getTypeFactory().constructCollectionType(List.class, String.class));
        var site = new SiteClient(port);
        var token = Tokens.issue(new Staff(accounts).member(Role.EDITOR).signIn(port), "corpus", "read", "write", "publish");
        var section = JSON.readTree(site.get("/api/v1/sections").body()).path(0).path("slug").asString();
        var problems = new ArrayList<String>();
        var markers = new ArrayList<String>();
        var pages = new ArrayList<String>();
        for (int i = 0; i < corpus.size(); i++) {
            var marker = "hq" + i + "z";
            var payload = corpus.get(i).replace("MARK", marker);
            if (XML_ILLEGAL.matcher(payload).find()) {
                continue;
            }
            markers.add(marker);
            var text = payload.length() > 290 ? payload.substring(0, 290) : payload;
            var created = send(site, token, "POST", "/api/v1/admin/stories",
                    Map.of("section", section, "sourceLanguage", "en"));
            long id = Long.parseLong(created.headers().firstValue("Location").orElseThrow().replaceAll(".*/", ""));
            var saved = send(site, token, "PUT", "/api/v1/admin/stories/" + id + "/en", Map.of("basedOnRevision", 0,
                    "headline", text, "standfirst", text, "seoTitle", text, "seoDescription", text,
                    "body", List.of(Map.of("type", "paragraph", "text", payload), Map.of("type", "subheading", "text", text),
                            Map.of("type", "quote", "text", text, "speaker", text, "role", text),
                            Map.of("type", "list", "ordered", false, "items", List.of(text)))));
            check(problems, "PUT " + marker, saved);
            send(site, token, "POST", "/api/v1/admin/stories/" + id + "/status", Map.of("action", "submit"));
            check(problems, "publish " + marker, send(site, token, "POST", "/api/v1/admin/stories/" + id + "/status",
                    Map.of("action", "publish")));
            var api = site.get("/api/v1/stories/" + id + "/en");
            check(problems, "API " + marker, api);
            pages.add(java.net.URI.create(JSON.readTree(api.body()).path("url").asString()).getPath());
            var q = URLEncoder.encode(text, StandardCharsets.UTF_8);
            for (var path : List.of("/en/search?q=" + q, "/en/search/suggest?q=" + q, "/api/v1/search?language=en&q=" + q)) {
                check(problems, path, site.get(path));
                if (path.startsWith("/en/search?")) {
                    live(problems, path, site.get(path).body(), markers);
                }
            }
        }
        for (var page : pages) {
            var response = site.get(page);
            check(problems, page, response);
            live(problems, page, response.body(), markers);
        }
        for (var path : List.of("/en/feed/rss.xml", "/en/feed/atom-full.xml", "/sitemap.xml", "/sitemaps/news.xml")) {
            var response = site.get(path);
            check(problems, path, response);
            try {
                var factory = DocumentBuilderFactory.newInstance();
                factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
                factory.newDocumentBuilder().parse(new InputSource(new StringReader(response.body())));
            } catch (Exception e) {
                problems.add(path + " does not parse: " + e.getMessage());
            }
        }
        JSON.readTree(site.get("/api/v1/stories?limit=100").body());
        assertThat(markers).hasSizeGreaterThan(70);
        assertThat(problems).isEmpty();
    }

    /**
     * The surfaces of the move-in work and of inline marks: each payload names and describes a tag and an
     * author, titles and fills a static page, and lies under bold, italic and link marks in a story that carries
     * that tag and byline; the tag, author, static and story pages, the footer, the pages sitemap and the
     * rich texts' HTML in the API are then read.
     */
    @Test
    void payloadsInTagsAuthorsPagesAndMarkedTextStayText() throws Exception {
        List<String> corpus = JSON.readValue(getClass().getResourceAsStream("/hostile/payloads.json"),
                JSON.getTypeFactory().constructCollectionType(List.class, String.class));
        var site = new SiteClient(port);
        var token = Tokens.issue(new Staff(accounts).member(Role.ADMIN, Role.EDITOR).signIn(port), "corpus", "read",
                "write", "publish");
        var section = JSON.readTree(site.get("/api/v1/sections").body()).path(0).path("slug").asString();
        var run = Long.toString(System.nanoTime(), 36);
        var problems = new ArrayList<String>();
        var markers = new ArrayList<String>();
        var pages = new ArrayList<String>();
        int stored = 0;
        for (int i = 0; i < corpus.size(); i++) {
            var marker = "hq" + i + "z";
            var payload = corpus.get(i).replace("MARK", marker);
            if (XML_ILLEGAL.matcher(payload).find()) {
                continue;
            }
            markers.add(marker);
            var text = payload.length() > 290 ? payload.substring(0, 290) : payload;
            var texts = Map.of("uk", text, "en", text, "ru", text);
            var tag = send(site, token, "POST", "/api/v1/admin/tags", Map.of("slug", "hostile-" + run + "-t" + i,
                    "name", texts, "description", texts));
            check(problems, "tag " + marker, tag);
            var author = send(site, token, "POST", "/api/v1/admin/authors", Map.of("slug", "hostile-" + run + "-a" + i,
                    "name", texts, "bio", texts, "jobTitle", texts, "links", List.of("https://example.org/" + marker)));
            check(problems, "author " + marker, author);
            var marked = Map.of("text", "Read " + text, "marks", List.of(Map.of("type", "bold", "start", 0, "end", 4),
                    Map.of("type", "italic", "start", 5, "end", 5 + text.length()),
                    Map.of("type", "link", "start", 0, "end", 4, "href", "https://example.org/?q="
                            + URLEncoder.encode(text, StandardCharsets.UTF_8), "rel", List.of("nofollow"))));
            var page = send(site, token, "POST", "/api/v1/admin/pages", Map.of("inFooter", true, "versions", Map.of("en",
                    Map.of("slug", "hostile-" + run + "-p" + i, "title", text, "summary", text, "live", true,
                            "body", List.of(Map.of("type", "paragraph", "text", marked),
                                    Map.of("type", "quote", "text", text, "speaker", text))))));
            check(problems, "page " + marker, page);
            if (tag.statusCode() != 201 || author.statusCode() != 201 || page.statusCode() != 201) {
                continue;
            }
            stored++;
            var created = send(site, token, "POST", "/api/v1/admin/stories", Map.of("section", section, "sourceLanguage", "en",
                    "tags", List.of("hostile-" + run + "-t" + i), "authors", List.of("hostile-" + run + "-a" + i)));
            long id = Long.parseLong(created.headers().firstValue("Location").orElseThrow().replaceAll(".*/", ""));
            check(problems, "story " + marker, send(site, token, "PUT", "/api/v1/admin/stories/" + id + "/en",
                    Map.of("basedOnRevision", 0, "headline", "Marked " + marker, "body", List.of(Map.of("type", "paragraph",
                            "text", marked), Map.of("type", "list", "ordered", true, "items", List.of(marked))))));
            send(site, token, "POST", "/api/v1/admin/stories/" + id + "/status", Map.of("action", "submit"));
            check(problems, "publish " + marker, send(site, token, "POST", "/api/v1/admin/stories/" + id + "/status",
                    Map.of("action", "publish")));
            var api = site.get("/api/v1/stories/" + id + "/en");
            check(problems, "API " + marker, api);
            // the rich texts' HTML, as the API gives it to clients that show it
            for (var html : JSON.readTree(api.body()).findValues("html")) {
                live(problems, "API html of " + marker, "<!DOCTYPE html><title>t</title><p>" + html.asString(), markers);
            }
            pages.add(java.net.URI.create(JSON.readTree(api.body()).path("url").asString()).getPath());
            pages.add(java.net.URI.create(JSON.readTree(page.body()).path("versions").path("en").path("url").asString()).getPath());
            pages.add(java.net.URI.create(JSON.readTree(tag.body()).path("urls").path("en").asString()).getPath());
            pages.add(java.net.URI.create(JSON.readTree(author.body()).path("urls").path("en").asString()).getPath());
        }
        for (var page : pages) {
            var response = site.get(page);
            check(problems, page, response);
            if (response.statusCode() != 200) {
                problems.add(page + ": " + response.statusCode());
            }
            live(problems, page, response.body(), markers);
        }
        for (var path : List.of("/sitemaps/pages.xml", "/api/v1/tags", "/api/v1/authors")) {
            check(problems, path, site.get(path));
        }
        assertThat(stored).isGreaterThan(70);
        assertThat(problems).isEmpty();
    }

    private static HttpResponse<String> send(SiteClient site, String token, String method, String path, Object body) {
        return site.send(HttpRequest.newBuilder(site.uri(path)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
    }

    private static void check(List<String> problems, String what, HttpResponse<String> response) {
        if (response.statusCode() >= 500) {
            problems.add(what + ": " + response.statusCode());
        }
    }

    /** Markers that became markup: an attribute name, an event handler, a script URL, script text, or JSON-LD that no longer parses. */
    private static void live(List<String> problems, String path, String html, List<String> markers) throws Exception {
        var document = new HtmlDocumentBuilder().parse(new InputSource(new StringReader(html)));
        var elements = document.getElementsByTagName("*");
        for (int i = 0; i < elements.getLength(); i++) {
            var element = (Element) elements.item(i);
            var attributes = element.getAttributes();
            for (int a = 0; a < attributes.getLength(); a++) {
                Node attribute = attributes.item(a);
                var name = attribute.getNodeName().toLowerCase(Locale.ROOT);
                var value = attribute.getNodeValue();
                var compact = value.replaceAll("[\\s\\x00-\\x1f]", "").toLowerCase(Locale.ROOT);
                boolean scriptUrl = List.of("href", "src", "action", "formaction", "data").contains(name)
                        && (compact.startsWith("javascript:") || compact.startsWith("vbscript:") || compact.startsWith("data:text/html"));
                for (var marker : markers) {
                    if (name.contains(marker) || (name.startsWith("on") || scriptUrl || name.equals("style")) && value.contains(marker)) {
                        problems.add(path + ": " + marker + " live in <" + element.getTagName() + " " + name + ">");
                    }
                }
            }
            if (element.getTagName().equalsIgnoreCase("script") || element.getTagName().equalsIgnoreCase("style")) {
                var text = element.getTextContent();
                if ("application/ld+json".equals(element.getAttribute("type"))) {
                    try {
                        JSON.readTree(text);
                    } catch (RuntimeException e) {
                        problems.add(path + ": JSON-LD does not parse");
                    }
                } else {
                    markers.stream().filter(text::contains).forEach(m -> problems.add(path + ": " + m + " inside <script>"));
                }
            }
        }
    }
}
