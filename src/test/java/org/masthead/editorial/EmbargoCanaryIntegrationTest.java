package org.masthead.editorial;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.masthead.content.Block;
import org.masthead.content.NewStory;
import org.masthead.content.SaveVersion;
import org.masthead.content.StoryStatus;
import org.masthead.content.Stories;
import org.masthead.content.Taxonomy;
import org.masthead.identity.Accounts;
import org.masthead.identity.Role;
import org.masthead.media.MediaLibrary;
import org.masthead.platform.Language;
import org.masthead.support.Images;
import org.masthead.support.Staff;
import org.masthead.support.Fixtures;
import org.masthead.support.MastheadTest;
import org.masthead.support.SiteClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * A unique token is planted in a draft, a story in review and a scheduled story (headline, standfirst,
 * body, in every language), next to a published story of the same section. Then every public page
 * reachable from the reader site, every public route of the application with its variables filled in
 * from the planted stories, and the newsroom preview opened without a session must never show it.
 * The planted stories' lead images and body images must not be served either, at any width or crop,
 * nor found by walking the image ids, until their story is published.
 */
@MastheadTest
class EmbargoCanaryIntegrationTest {

    private static final Pattern LINK = Pattern.compile("(?:href|src)=\"(/[^\"#]*)\"");
    private static final int MAX_PAGES = 600;

    @LocalServerPort
    int port;

    @Autowired
    Stories stories;

    @Autowired
    Taxonomy taxonomy;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Autowired
    MediaLibrary media;

    @Autowired
    Accounts accounts;

    @Test
    void unpublishedTextNeverReachesAPublicResponse() {
        var token = Fixtures.unique("canary").replace("-", "");
        var fixtures = new Fixtures(stories, taxonomy);
        long section = fixtures.section();
        var sectionSlug = taxonomy.sections().stream().filter(s -> s.id() == section).findFirst().orElseThrow().slug();
        long visible = fixtures.story().inSection(section).in(Language.UK, "Видимий матеріал")
                .in(Language.EN, "Visible story").published();
        var planted = new ArrayList<Long>();
        var plantedImages = new ArrayList<Long>();
        for (var status : EnumSet.of(StoryStatus.DRAFT, StoryStatus.IN_REVIEW, StoryStatus.SCHEDULED)) {
            long lead = media.upload(Images.png(1700, 1000), "lead.png", "test").id();
            long inBody = media.upload(Images.png(900, 600), "body.png", "test").id();
            plantedImages.add(lead);
            plantedImages.add(inBody);
            long id = stories.create(new NewStory(section, Language.UK, List.of(), List.of(), lead), "test");
            for (var language : Language.all()) {
                stories.save(new SaveVersion(id, language, 0, "Embargoed " + token, "Standfirst " + token, "", "", "Caption",
                        "Credit", "Alt", List.of(new Block.Paragraph("p", "Body " + token),
                                new Block.Image("i", inBody, "Caption", "Credit", "Alt"),
                                new Block.ReadAlso("r", visible)), "test"));
            }
            if (status != StoryStatus.DRAFT) {
                stories.moveTo(id, status, status == StoryStatus.SCHEDULED ? Instant.now().plusSeconds(86_400) : null);
            }
            planted.add(id);
        }
        // the published story points back at an embargoed one: the link must be dropped, not leak its headline
        stories.save(new SaveVersion(visible, Language.UK, 1, "Видимий матеріал", "Лід", "", "", "", "", "",
                List.of(new Block.ReadAlso("r", planted.getFirst())), "test"));
        stories.publish(visible);

        var client = new SiteClient(port);
        var seeds = new ArrayList<String>();
        for (var route : publicRoutes()) {
            for (var language : Language.all()) {
                for (long id : planted) {
                    seeds.add(route.replace("{lang}", language.code()).replace("{section}", sectionSlug)
                            .replace("{slug}", "embargoed-" + token.toLowerCase()).replace("{id}", Long.toString(id))
                            .replace("{tag}", "canary").replace("{author}", "canary"));
                }
            }
        }
        for (long id : planted) {
            for (var language : Language.all()) {
                seeds.add("/newsroom/preview/" + id + "/" + language.code());
            }
        }
        seeds.add("/" + "uk/" + sectionSlug + "/");
        var seen = new HashSet<String>();
        var queue = new ArrayDeque<String>(seeds);
        queue.addAll(List.of("/", "/uk/", "/en/", "/ru/"));
        var leaks = new ArrayList<String>();
        while (!queue.isEmpty() && seen.size() < MAX_PAGES) {
            var path = queue.poll();
            if (!seen.add(path) || path.startsWith("/media/") || path.contains("{")) {
                continue;
            }
            if (path.endsWith("/events")) {
                // a live event stream never ends: what it sends on opening is what a reader gets
                var opening = client.opening(path, Duration.ofSeconds(1));
                if (opening.body().contains(token) || opening.headers().map().toString().contains(token)) {
                    leaks.add(path + " (" + opening.statusCode() + ")");
                }
                continue;
            }
            var response = client.get(path);
            if (response.body().contains(token) || response.headers().map().toString().contains(token)) {
                leaks.add(path + " (" + response.statusCode() + ")");
            }
            var type = response.headers().firstValue("Content-Type").orElse("");
            if (response.statusCode() == 200 && type.startsWith("text/html") && !path.startsWith("/newsroom")) {
                var links = LINK.matcher(response.body());
                while (links.find()) {
                    var link = URI.create(links.group(1).replace("&amp;", "&")).getPath();
                    if (!seen.contains(link) && !link.startsWith("/newsroom")) {
                        queue.add(link);
                    }
                }
            }
        }
        assertThat(seen.size()).as("pages looked at").isGreaterThan(50);
        assertThat(leaks).isEmpty();

        // the images: every width and crop of the planted ones, and every id up to the newest
        var imageLeaks = new ArrayList<String>();
        var paths = new ArrayList<String>();
        long newest = plantedImages.stream().mapToLong(Long::longValue).max().orElseThrow();
        for (long id = 1; id <= newest; id++) {
            paths.add("/media/" + id + "/400.jpg");
        }
        for (long id : plantedImages) {
            for (int width : List.of(400, 800, 900, 1200, 1600, 1700)) {
                paths.add("/media/" + id + "/" + width + ".jpg");
            }
            for (var crop : List.of("16x9", "4x3", "1x1")) {
                paths.add("/media/" + id + "/" + crop + "/400.jpg");
                paths.add("/media/" + id + "/" + crop + "/800.jpg");
            }
        }
        for (var path : paths) {
            long id = Long.parseLong(path.split("/")[2]);
            var response = client.get(path);
            if (plantedImages.contains(id) && response.statusCode() != 404) {
                imageLeaks.add(path + " (" + response.statusCode() + ")");
            }
            if (plantedImages.contains(id)) {
                assertThat(response.headers().firstValue("Cache-Control")).as(path).hasValue("no-store");
            }
        }
        assertThat(imageLeaks).isEmpty();

        // staff see them (privately); publishing makes them public for good
        var staff = new Staff(accounts).member(Role.EDITOR).signIn(port);
        var forStaff = staff.get("/media/" + plantedImages.getFirst() + "/400.jpg");
        assertThat(forStaff.statusCode()).isEqualTo(200);
        assertThat(forStaff.headers().firstValue("Cache-Control")).hasValueSatisfying(c -> assertThat(c).contains("private"));
        stories.publish(planted.getLast());
        var nowPublic = client.get("/media/" + plantedImages.getLast() + "/400.jpg");
        assertThat(nowPublic.statusCode()).isEqualTo(200);
        assertThat(nowPublic.headers().firstValue("Cache-Control")).hasValueSatisfying(c -> assertThat(c).contains("public"));
        assertThat(client.get("/media/" + plantedImages.getFirst() + "/400.jpg").statusCode()).isEqualTo(404);
    }

    /** Every public GET route, path variables written as {name}. */
    private Set<String> publicRoutes() {
        var routes = new HashSet<String>();
        mappings.getHandlerMethods().keySet().forEach(info -> info.getPatternValues().stream()
                .filter(p -> !p.startsWith("/newsroom") && !p.equals("/error"))
                .map(p -> p.replaceAll("\\{(\\w+):(?:[^{}]|\\{[^{}]*})*}", "{$1}"))
                .forEach(routes::add));
        return routes;
    }
}
