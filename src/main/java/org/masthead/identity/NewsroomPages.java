package org.masthead.identity;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.masthead.platform.Language;
import org.masthead.platform.web.UiMessages;
import org.springframework.context.MessageSource;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.resource.ResourceUrlProvider;

/** Builds the layout of newsroom pages for the controllers of every module. */
@Component
public class NewsroomPages {

    private final MessageSource messages;
    private final ResourceUrlProvider resources;

    private final DateTimeFormatter times;

    NewsroomPages(MessageSource messages, ResourceUrlProvider resources, IdentityProperties properties) {
        this.messages = messages;
        this.resources = resources;
        this.times = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(properties.timeZone());
    }

    /** A time as newsroom pages show it: in the newsroom's time zone, to the minute. */
    public String time(Instant instant) {
        return times.format(instant);
    }

    public UiMessages messages(Language language) {
        return new UiMessages(language, messages);
    }

    /** The chrome for a signed-in page; {@code titleKey} is a message key, {@code current} the nav entry. */
    public NewsroomChrome chrome(HttpServletRequest request, NewsroomUser user, String titleKey, String current,
            Object... titleArgs) {
        var t = messages(user.uiLanguage());
        var nav = new ArrayList<NewsroomChrome.NavLink>();
        nav.add(link(t, "stories", "/newsroom/stories"));
        nav.add(link(t, "media", "/newsroom/media"));
        if (user.has(Role.TRANSLATOR) || user.has(Role.EDITOR)) {
            nav.add(link(t, "translations", "/newsroom/translations"));
        }
        if (user.has(Role.EDITOR)) {
            nav.add(link(t, "tags", "/newsroom/tags"));
            nav.add(link(t, "authors", "/newsroom/authors"));
            nav.add(link(t, "front", "/newsroom/front/" + Language.all().getFirst().code()));
        }
        if (user.has(Role.ADMIN)) {
            nav.add(link(t, "sections", "/newsroom/admin/sections"));
            nav.add(link(t, "pages", "/newsroom/admin/pages"));
            nav.add(link(t, "settings", "/newsroom/admin/settings"));
            nav.add(link(t, "users", "/newsroom/admin/users"));
            nav.add(link(t, "audit", "/newsroom/admin/audit"));
            nav.add(link(t, "webhooks", "/newsroom/admin/webhooks"));
            nav.add(link(t, "imports", "/newsroom/admin/imports"));
        }
        nav.add(link(t, "account", "/newsroom/account"));
        return chrome(request, user.uiLanguage(), t.get(titleKey, titleArgs), user.displayName(), nav, current);
    }

    /** The chrome for the sign-in page: no navigation, the language from {@code ?lang=}. */
    public NewsroomChrome signedOut(HttpServletRequest request, Language language, String titleKey) {
        return chrome(request, language, messages(language).get(titleKey), null, java.util.List.of(), "");
    }

    private NewsroomChrome chrome(HttpServletRequest request, Language language, String title,
            @Nullable String userName, java.util.List<NewsroomChrome.NavLink> nav, String current) {
        var token = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
        return new NewsroomChrome(language, title, userName, nav, current,
                token == null ? "_csrf" : token.getParameterName(), token == null ? "" : token.getToken(),
                asset("/newsroom/css/newsroom.css"), asset("/webjars/htmx.org/dist/htmx.min.js"),
                asset("/newsroom/js/editor.js"), messages(language));
    }

    private static NewsroomChrome.NavLink link(UiMessages t, String key, String url) {
        return new NewsroomChrome.NavLink(key, url, t.get("newsroom.nav." + key));
    }

    /** The content-hashed address of a static file of the newsroom, for a page's own script. */
    public String asset(String path) {
        return Objects.requireNonNullElse(resources.getForLookupPath(path), path);
    }
}
