package org.masthead.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.masthead.content.Block;
import org.masthead.content.PageDraft;
import org.masthead.content.PagePurpose;
import org.masthead.content.PageSettings;
import org.masthead.content.Pages;
import org.masthead.platform.Localized;
import org.masthead.content.SaveVersion;
import org.masthead.content.StoryMetadata;
import org.masthead.content.StoryStatus;
import org.masthead.content.Stories;
import org.masthead.content.Taxonomy;
import org.masthead.distribution.NewWebhook;
import org.masthead.distribution.WebhookEvent;
import org.masthead.distribution.Webhooks;
import org.masthead.editorial.EditorialWorkflow;
import org.masthead.media.MediaLibrary;
import org.masthead.platform.Language;
import org.masthead.support.Fixtures;
import org.masthead.support.Images;
import org.masthead.support.MastheadTest;
import org.masthead.support.NewsroomClient;
import org.masthead.support.Staff;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every route the application serves, read from its own handler mapping, must have a policy here:
 * which roles may use it. Each newsroom route is then called as an anonymous visitor and as each
 * role, and the answer must be "allowed" (neither 403 nor the sign-in page) exactly for the roles the
 * policy names. A new endpoint without a policy entry fails {@link #everyRouteHasAPolicy()}.
 */
@MastheadTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthorizationMatrixIntegrationTest {

    /** Who may call a route; {@code null} as a key stands for the anonymous visitor. */
    private static final Set<Role> EVERY_ROLE = EnumSet.allOf(Role.class);
    private static final Set<Role> WRITERS = EnumSet.of(Role.CONTRIBUTOR, Role.EDITOR);
    private static final Set<Role> VERSION_EDITORS = EnumSet.of(Role.EDITOR, Role.TRANSLATOR);
    private static final Set<Role> IMAGE_PEOPLE = EnumSet.of(Role.CONTRIBUTOR, Role.EDITOR, Role.TRANSLATOR);

    /** The newsroom's policy: signed-in roles allowed per "METHOD pattern". Anonymous visitors may use none but sign-in. */
    private static final Map<String, Set<Role>> NEWSROOM = new LinkedHashMap<>();

    static {
        NEWSROOM.put("GET /newsroom/login", EVERY_ROLE);
        NEWSROOM.put("GET /newsroom", EVERY_ROLE);
        NEWSROOM.put("GET /newsroom/account", EVERY_ROLE);
        NEWSROOM.put("POST /newsroom/account/password", EVERY_ROLE);
        NEWSROOM.put("POST /newsroom/account/language", EVERY_ROLE);
        NEWSROOM.put("POST /newsroom/account/tokens", EVERY_ROLE);
        NEWSROOM.put("POST /newsroom/account/tokens/{id}/revoke", EVERY_ROLE);
        NEWSROOM.put("GET /newsroom/admin/users", EnumSet.of(Role.ADMIN));
        NEWSROOM.put("POST /newsroom/admin/users", EnumSet.of(Role.ADMIN));
        NEWSROOM.put("POST /newsroom/admin/users/{id}/roles", EnumSet.of(Role.ADMIN));
        NEWSROOM.put("POST /newsroom/admin/users/{id}/enabled", EnumSet.of(Role.ADMIN));
        NEWSROOM.put("POST /newsroom/admin/users/{id}/password", EnumSet.of(Role.ADMIN));
        NEWSROOM.put("GET /newsroom/admin/audit", EnumSet.of(Role.ADMIN));
        NEWSROOM.put("GET /newsroom/stories", EVERY_ROLE);
        NEWSROOM.put("GET /newsroom/search", EVERY_ROLE);
        NEWSROOM.put("GET /newsroom/stories/new", WRITERS);
        NEWSROOM.put("GET /newsroom/stories/lookup", EVERY_ROLE);
        NEWSROOM.put("POST /newsroom/stories", WRITERS);
        NEWSROOM.put("GET /newsroom/stories/{id}", EVERY_ROLE);
        NEWSROOM.put("POST /newsroom/stories/{id}/metadata", EnumSet.of(Role.EDITOR));
        NEWSROOM.put("POST /newsroom/stories/{id}/workflow", EnumSet.of(Role.EDITOR));
        NEWSROOM.put("POST /newsroom/stories/{id}/notes", EnumSet.of(Role.EDITOR));
        NEWSROOM.put("POST /newsroom/stories/{id}/delete", EnumSet.of(Role.EDITOR));
        NEWSROOM.put("GET /newsroom/stories/{id}/{lang}/edit", EVERY_ROLE);
        // the matrix's stories are written in Ukrainian: their source, which translators may not edit
        NEWSROOM.put("POST /newsroom/stories/{id}/{lang}/edit", EnumSet.of(Role.EDITOR));
        NEWSROOM.put("GET /newsroom/stories/{id}/{lang}/revisions", EVERY_ROLE);
        NEWSROOM.put("POST /newsroom/stories/{id}/{lang}/revisions/{number}/restore", EnumSet.of(Role.EDITOR));
        NEWSROOM.put("GET /newsroom/preview/{id}/{lang}", EVERY_ROLE);
        NEWSROOM.put("GET /newsroom/preview/front/{lang}", EVERY_ROLE);
        NEWSROOM.put("GET /newsroom/preview/front/{lang}/{section}", EVERY_ROLE);
        NEWSROOM.put("GET /newsroom/front/{lang}", EnumSet.of(Role.EDITOR));
        NEWSROOM.put("POST /newsroom/front/{lang}", EnumSet.of(Role.EDITOR));
        NEWSROOM.put("POST /newsroom/front/{lang}/banner", EnumSet.of(Role.EDITOR));
        NEWSROOM.put("GET /newsroom/stories/{id}/live", WRITERS);
        NEWSROOM.put("POST /newsroom/stories/{id}/live", EnumSet.of(Role.EDITOR));
        NEWSROOM.put("POST /newsroom/stories/{id}/live/entries", WRITERS);
        NEWSROOM.put("POST /newsroom/stories/{id}/live/entries/{entry}", EnumSet.of(Role.EDITOR));
        NEWSROOM.put("GET /newsroom/media", EVERY_ROLE);
        NEWSROOM.put("POST /newsroom/media", IMAGE_PEOPLE);
        NEWSROOM.put("GET /newsroom/media/{id}", EVERY_ROLE);
        NEWSROOM.put("POST /newsroom/media/{id}", IMAGE_PEOPLE);
        NEWSROOM.put("GET /newsroom/translations", VERSION_EDITORS);
        NEWSROOM.put("GET /newsroom/translations/{id}/{lang}", VERSION_EDITORS);
        NEWSROOM.put("GET /newsroom/translations/{id}/live", VERSION_EDITORS);
        NEWSROOM.put("POST /newsroom/translations/{id}/live/{entry}/{lang}", VERSION_EDITORS);
        NEWSROOM.put("POST /newsroom/translations/{id}/{lang}", VERSION_EDITORS);
        NEWSROOM.put("GET /newsroom/translations/{id}/{lang}/xliff", VERSION_EDITORS);
        NEWSROOM.put("POST /newsroom/translations/{id}/{lang}/xliff", VERSION_EDITORS);
        NEWSROOM.put("POST /newsroom/translations/{id}/{lang}/publish", EnumSet.of(Role.EDITOR));
        NEWSROOM.put("GET /newsroom/admin/webhooks", EnumSet.of(Role.ADMIN));
        NEWSROOM.put("POST /newsroom/admin/webhooks", EnumSet.of(Role.ADMIN));
        NEWSROOM.put("GET /newsroom/admin/webhooks/{id}", EnumSet.of(Role.ADMIN));
        NEWSROOM.put("POST /newsroom/admin/webhooks/{id}/active", EnumSet.of(Role.ADMIN));
        NEWSROOM.put("POST /newsroom/admin/webhooks/{id}/delete", EnumSet.of(Role.ADMIN));
        NEWSROOM.put("POST /newsroom/admin/webhooks/{id}/deliveries/{delivery}/retry", EnumSet.of(Role.ADMIN));
        for (var route : List.of("GET /newsroom/admin/sections", "POST /newsroom/admin/sections",
                "GET /newsroom/admin/sections/{id}", "POST /newsroom/admin/sections/{id}",
                "POST /newsroom/admin/sections/{id}/move", "POST /newsroom/admin/sections/{id}/delete",
                "GET /newsroom/admin/pages", "GET /newsroom/admin/pages/new", "POST /newsroom/admin/pages",
                "GET /newsroom/admin/pages/{id}", "POST /newsroom/admin/pages/{id}/settings",
                "POST /newsroom/admin/pages/{id}/move", "POST /newsroom/admin/pages/{id}/delete",
                "GET /newsroom/admin/pages/{id}/{lang}", "POST /newsroom/admin/pages/{id}/{lang}",
                "GET /newsroom/admin/settings", "POST /newsroom/admin/settings",
                "GET /newsroom/admin/imports", "POST /newsroom/admin/imports", "GET /newsroom/admin/imports/{id}",
                "GET /newsroom/admin/imports/{id}/progress", "GET /newsroom/admin/imports/{id}/report.csv",
                "GET /newsroom/admin/imports/{id}/report.json")) {
            NEWSROOM.put(route, EnumSet.of(Role.ADMIN));
        }
        for (var route : List.of("GET /newsroom/tags", "POST /newsroom/tags", "GET /newsroom/tags/{id}",
                "POST /newsroom/tags/{id}", "POST /newsroom/tags/{id}/merge", "POST /newsroom/tags/{id}/delete",
                "GET /newsroom/authors", "GET /newsroom/authors/new", "POST /newsroom/authors",
                "GET /newsroom/authors/{id}", "POST /newsroom/authors/{id}", "POST /newsroom/authors/{id}/delete")) {
            NEWSROOM.put(route, EnumSet.of(Role.EDITOR));
        }
    }

    /**
     * Routes with a language whose policy differs for a version other than the story's source (English in
     * the matrix): who may use them there.
     */
    private static final Map<String, Set<Role>> TARGET_LANGUAGE = Map.of(
            "POST /newsroom/stories/{id}/{lang}/edit", VERSION_EDITORS,
            "POST /newsroom/stories/{id}/{lang}/revisions/{number}/restore", VERSION_EDITORS);

    /**
     * The admin API's policy: the token scope each route needs (the account's roles are checked by the
     * workflow behind it, see AdminApiIntegrationTest). Bearer-only, so it is outside the newsroom matrix.
     */
    private static final Map<String, TokenScope> ADMIN_API = new LinkedHashMap<>();

    static {
        ADMIN_API.put("GET /api/v1/admin/stories/{id}", TokenScope.READ);
        ADMIN_API.put("POST /api/v1/admin/stories", TokenScope.WRITE);
        ADMIN_API.put("PUT /api/v1/admin/stories/{id}/{lang}", TokenScope.WRITE);
        ADMIN_API.put("POST /api/v1/admin/media", TokenScope.WRITE);
        ADMIN_API.put("POST /api/v1/admin/stories/{id}/status", TokenScope.PUBLISH);
        // the account's roles decide the rest: admins sections and pages, editors tags and authors
        for (var kind : List.of("sections", "tags", "authors", "pages")) {
            ADMIN_API.put("GET /api/v1/admin/" + kind, TokenScope.READ);
            ADMIN_API.put("POST /api/v1/admin/" + kind, TokenScope.WRITE);
            ADMIN_API.put("GET /api/v1/admin/" + kind + "/{id}", TokenScope.READ);
            ADMIN_API.put("PUT /api/v1/admin/" + kind + "/{id}", TokenScope.WRITE);
            ADMIN_API.put("DELETE /api/v1/admin/" + kind + "/{id}", TokenScope.WRITE);
        }
        ADMIN_API.put("POST /api/v1/admin/tags/{id}/merge", TokenScope.WRITE);
        // what readers see at once without another step: the fronts and the banner
        ADMIN_API.put("GET /api/v1/admin/front/{lang}", TokenScope.READ);
        ADMIN_API.put("PUT /api/v1/admin/front/{lang}", TokenScope.PUBLISH);
        ADMIN_API.put("GET /api/v1/admin/front/{lang}/{section}", TokenScope.READ);
        ADMIN_API.put("PUT /api/v1/admin/front/{lang}/{section}", TokenScope.PUBLISH);
        ADMIN_API.put("GET /api/v1/admin/banner/{lang}", TokenScope.READ);
        ADMIN_API.put("PUT /api/v1/admin/banner/{lang}", TokenScope.PUBLISH);
        ADMIN_API.put("DELETE /api/v1/admin/banner/{lang}", TokenScope.PUBLISH);
        ADMIN_API.put("PUT /api/v1/admin/stories/{id}/live", TokenScope.PUBLISH);
        ADMIN_API.put("GET /api/v1/admin/stories/{id}/live/entries", TokenScope.READ);
        ADMIN_API.put("POST /api/v1/admin/stories/{id}/live/entries", TokenScope.PUBLISH);
        ADMIN_API.put("PUT /api/v1/admin/stories/{id}/live/entries/{entry}", TokenScope.PUBLISH);
        ADMIN_API.put("DELETE /api/v1/admin/stories/{id}/live/entries/{entry}", TokenScope.PUBLISH);
        ADMIN_API.put("GET /api/v1/admin/stories/{id}/live/entries/{entry}/translations/{lang}", TokenScope.READ);
        ADMIN_API.put("PUT /api/v1/admin/stories/{id}/live/entries/{entry}/translations/{lang}", TokenScope.PUBLISH);
    }

    @LocalServerPort
    int port;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Autowired
    Accounts accounts;

    @Autowired
    Stories stories;

    @Autowired
    Taxonomy taxonomy;

    @Autowired
    EditorialWorkflow workflow;

    @Autowired
    MediaLibrary media;

    @Autowired
    Webhooks webhooks;

    @Autowired
    AccessTokens tokens;

    @Autowired
    Pages pages;

    private final Map<Role, Staff.Member> members = new EnumMap<>(Role.class);
    private Staff.Member storyOwner;
    private long section;

    @BeforeAll
    void openAccounts() {
        var staff = new Staff(accounts);
        for (var role : Role.values()) {
            members.put(role, staff.member(role));
        }
        storyOwner = staff.member(Role.EDITOR, Role.CONTRIBUTOR);
        section = new Fixtures(stories, taxonomy).section();
    }

    @AfterAll
    void removeMatrixWebhooks() {
        webhooks.all().stream().filter(w -> w.url().getPath().startsWith("/matrix")).forEach(w -> webhooks.remove(w.id(), "test"));
    }

    /** "METHOD /pattern" for every handler method, path variables written without their regex. */
    private Set<String> routes() {
        var routes = new TreeSet<String>();
        mappings.getHandlerMethods().keySet().forEach(info -> {
            var methods = info.getMethodsCondition().getMethods();
            for (var pattern : info.getPatternValues()) {
                var plain = withoutRegex(pattern);
                if (methods.isEmpty()) {
                    routes.add("ANY " + plain);
                }
                methods.forEach(method -> routes.add(method.name() + " " + plain));
            }
        });
        return routes;
    }

    @Test
    void everyRouteHasAPolicy() {
        var routes = routes();
        var newsroom = routes.stream().filter(r -> r.split(" ")[1].startsWith("/newsroom")).toList();
        assertThat(newsroom).as("newsroom routes without a policy entry").containsExactlyInAnyOrderElementsOf(NEWSROOM.keySet());
        var adminApi = routes.stream().filter(r -> r.split(" ")[1].startsWith("/api/v1/admin")).toList();
        assertThat(adminApi).as("admin API routes without a scope").containsExactlyInAnyOrderElementsOf(ADMIN_API.keySet());
        // the reader site is public and read-only: any other method there needs a policy of its own
        var publicWrites = routes.stream().filter(r -> !r.split(" ")[1].startsWith("/newsroom"))
                .filter(r -> !ADMIN_API.containsKey(r))
                .filter(r -> !r.startsWith("GET ") && !r.startsWith("HEAD "))
                // Spring Boot's error page answers whatever method the failed request had
                .filter(r -> !r.equals("ANY /error"))
                // operator commands answer only unproxied loopback requests (see search's OperatorSecurity)
                .filter(r -> !r.split(" ")[1].startsWith("/internal/")).toList();
        assertThat(publicWrites).as("public routes that are not GET").isEmpty();
    }

    @Test
    void eachRoleGetsExactlyWhatThePolicyAllows() {
        var failures = new ArrayList<String>();
        var clients = new EnumMap<Role, NewsroomClient>(Role.class);
        members.forEach((role, member) -> clients.put(role, member.signIn(port)));
        for (var entry : NEWSROOM.entrySet()) {
            for (var role : Role.values()) {
                check(entry.getKey(), role, clients.get(role), entry.getValue().contains(role), failures);
            }
            var anonymous = new NewsroomClient(port);
            anonymous.get("/newsroom/login");
            check(entry.getKey(), null, anonymous, entry.getKey().equals("GET /newsroom/login"), failures);
        }
        for (var entry : TARGET_LANGUAGE.entrySet()) {
            for (var role : Role.values()) {
                check(entry.getKey() + " en", role, clients.get(role), entry.getValue().contains(role), failures);
            }
        }
        assertThat(failures).isEmpty();
    }

    private void check(String route, @Nullable Role role, NewsroomClient client, boolean allowed, List<String> failures) {
        var response = call(route, role, client);
        boolean toSignIn = response.statusCode() == 302
                && response.headers().firstValue("Location").orElse("").endsWith("/newsroom/login");
        boolean refused = response.statusCode() == 403 || toSignIn;
        if (allowed == refused || response.statusCode() >= 500) {
            failures.add(route + " as " + (role == null ? "anonymous" : role) + ": " + response.statusCode() + " "
                    + response.headers().firstValue("Location").orElse("") + (allowed ? " (should be allowed)" : " (should be refused)"));
        }
    }

    /** Calls a route with fresh objects to act on, so each call finds the state its policy is about. */
    private HttpResponse<String> call(String route, @Nullable Role role, NewsroomClient client) {
        var parts = route.split(" ");
        var method = RequestMethod.valueOf(parts[0]);
        // translation pages work on a story's other languages; the matrix's stories are written in Ukrainian
        boolean target = parts[1].startsWith("/newsroom/translations") || (parts.length > 2 && parts[2].equals("en"));
        var path = parts[1].replace("{lang}", target ? "en" : "uk").replace("{number}", "1").replace("{entry}", "1");
        route = parts[0] + " " + parts[1];
        if (path.contains("/admin/webhooks/{id}")) {
            // a paused registration: the matrix must not leave receivers that other tests' stories reach
            var hook = webhooks.register(new NewWebhook("http://127.0.0.1:9/matrix", Set.of(WebhookEvent.DELETED), "matrix"), "test");
            webhooks.setActive(hook.webhook().id(), false, "test");
            path = path.replace("{id}", Long.toString(hook.webhook().id()))
                    .replace("{delivery}", "00000000-0000-0000-0000-000000000000");
        } else if (path.contains("{section}")) {
            long section = new Fixtures(stories, taxonomy).section();
            path = path.replace("{section}", taxonomy.sections().stream().filter(s -> s.id() == section).findFirst()
                    .orElseThrow().slug());
        } else if (path.contains("/admin/users/{id}")) {
            path = path.replace("{id}", Long.toString(new Staff(accounts).member(Role.CONTRIBUTOR).id()));
        } else if (path.contains("/account/tokens/{id}")) {
            // the caller's own token: revoking one's own is allowed to every role
            var holder = role == null ? storyOwner : members.get(role);
            var user = new NewsroomUser(holder.id(), holder.username(), "Holder", role == null ? Set.of() : Set.of(role),
                    true, Language.EN, 0, null);
            path = path.replace("{id}", Long.toString(tokens.create(user, "matrix", Set.of(TokenScope.READ)).token().id()));
        } else if (path.startsWith("/newsroom/admin/sections/{id}")) {
            path = path.replace("{id}", Long.toString(new Fixtures(stories, taxonomy).section()));
        } else if (path.startsWith("/newsroom/tags/{id}")) {
            var slug = Fixtures.unique("matrix-tag");
            path = path.replace("{id}", Long.toString(taxonomy.addTag(slug, new Localized("М " + slug, "M " + slug,
                    "М " + slug))));
        } else if (path.startsWith("/newsroom/authors/{id}")) {
            var slug = Fixtures.unique("matrix-author");
            path = path.replace("{id}", Long.toString(taxonomy.addAuthor(slug, new Localized("А " + slug, "A " + slug,
                    "А " + slug), Localized.EMPTY)));
        } else if (path.startsWith("/newsroom/admin/pages/{id}")) {
            var slug = Fixtures.unique("matrix-page");
            path = path.replace("{id}", Long.toString(pages.create(new PageSettings(false, PagePurpose.NONE),
                    new PageDraft(Language.UK, slug, "Сторінка " + slug, "", "", "", List.of(new Block.Paragraph("p", "Т.")),
                            false), "test")));
        } else if (path.startsWith("/newsroom/admin/imports/{id}")) {
            // no run of that number: an admin is answered 404, anyone else refused before it is looked up
            path = path.replace("{id}", "999999999");
        } else if (path.contains("/media/{id}")) {
            path = path.replace("{id}", Long.toString(media.upload(Images.png(20, 20), "matrix.png", "test").id()));
        } else if (path.contains("{id}")) {
            long story = story(route.contains("/notes") ? StoryStatus.PUBLISHED : StoryStatus.IN_REVIEW);
            path = path.replace("{id}", Long.toString(story));
        }
        if (method == RequestMethod.GET) {
            return client.get(path);
        }
        if (route.equals("POST /newsroom/media")) {
            return client.upload(path, "upload.png", Images.png(30, 30));
        }
        return client.post(path, form(route));
    }

    private List<Map.Entry<String, String>> form(String route) {
        return switch (route) {
            case "POST /newsroom/account/password" -> List.of(Map.entry("current", "not the password"),
                    Map.entry("next", "a new long password"), Map.entry("repeat", "a new long password"));
            case "POST /newsroom/account/language" -> List.of(Map.entry("language", "en"));
            case "POST /newsroom/account/tokens" -> List.of(Map.entry("name", "Matrix"), Map.entry("scopes", "read"));
            case "POST /newsroom/admin/users" -> List.of(Map.entry("username", Fixtures.unique("matrix")),
                    Map.entry("displayName", "Matrix"), Map.entry("roles", "contributor"));
            case "POST /newsroom/admin/users/{id}/roles" -> List.of(Map.entry("roles", "translator"));
            case "POST /newsroom/admin/users/{id}/enabled" -> List.of(Map.entry("enabled", "false"));
            case "POST /newsroom/stories" -> List.of(Map.entry("section", Long.toString(section)), Map.entry("language", "en"));
            case "POST /newsroom/stories/{id}/metadata" -> List.of(Map.entry("section", Long.toString(section)));
            case "POST /newsroom/stories/{id}/workflow" -> List.of(Map.entry("action", "publish"));
            case "POST /newsroom/stories/{id}/notes" -> List.of(Map.entry("language", "uk"), Map.entry("kind", "UPDATE"),
                    Map.entry("text", "Updated with the ministry's answer."));
            case "POST /newsroom/stories/{id}/{lang}/edit" -> List.of(Map.entry("basedOn", "1"),
                    Map.entry("headline", "Оновлений заголовок"), Map.entry("standfirst", "Лід"),
                    Map.entry("blocks[0].type", "paragraph"), Map.entry("blocks[0].text", "Текст."), Map.entry("op", "save"));
            case "POST /newsroom/stories/{id}/{lang}/revisions/{number}/restore" -> List.of(Map.entry("basedOn", "1"));
            case "POST /newsroom/media/{id}" -> List.of(Map.entry("uk.caption", "Підпис"));
            case "POST /newsroom/translations/{id}/{lang}" -> List.of(Map.entry("basedOn", "0"),
                    Map.entry("t._headline.0", "Headline"), Map.entry("op", "save"));
            case "POST /newsroom/admin/webhooks" -> List.of(Map.entry("url", "http://127.0.0.1:9/matrix-form"),
                    Map.entry("events", "story.deleted"));
            case "POST /newsroom/admin/webhooks/{id}/active" -> List.of(Map.entry("active", "false"));
            default -> List.of();
        };
    }

    /** A story opened by someone else, with a Ukrainian version, in the given status. */
    private long story(StoryStatus status) {
        var owner = new NewsroomUser(storyOwner.id(), storyOwner.username(), "Owner",
                EnumSet.of(Role.EDITOR, Role.CONTRIBUTOR), true, Language.EN, 0, null);
        long id = workflow.open(owner, new StoryMetadata(section, List.of(), List.of(), null), Language.UK);
        workflow.save(owner, new SaveVersion(id, Language.UK, 0, "Заголовок", "Лід", "", "", "", "", "",
                List.of(new Block.Paragraph("p", "Текст.")), ""));
        workflow.submit(owner, id);
        if (status == StoryStatus.PUBLISHED) {
            workflow.publish(owner, id);
        }
        return id;
    }

    private static String withoutRegex(String pattern) {
        var plain = new StringBuilder();
        int depth = 0;
        boolean inRegex = false;
        for (char c : pattern.toCharArray()) {
            if (c == '{') {
                depth++;
                if (depth == 1) {
                    inRegex = false;
                    plain.append(c);
                    continue;
                }
            } else if (c == '}') {
                depth--;
                if (depth == 0) {
                    plain.append(c);
                    continue;
                }
            } else if (c == ':' && depth == 1) {
                inRegex = true;
            }
            if (depth == 0 || !inRegex) {
                plain.append(c);
            }
        }
        return plain.toString();
    }
}
