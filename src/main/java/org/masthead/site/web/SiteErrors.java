package org.masthead.site.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.Map;
import org.masthead.platform.Language;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.masthead.site.FormerAddresses;
import org.masthead.site.PublicUrls;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;

/**
 * Error pages in the language of the address the reader asked for: 404 and 410 from reader
 * controllers, and whatever reaches the servlet container's error path (unknown URLs, failures).
 * Clients that ask for JSON get an RFC 9457 problem body instead.
 */
@Controller
@ControllerAdvice(basePackageClasses = SiteErrors.class)
class SiteErrors implements ErrorController {

    /**
     * A missing page may appear any moment (a story about to be published, whose 404 no eviction purges):
     * caches keep the answer only a few seconds.
     */
    private static final CacheControl MISSING_PAGES = CacheControl.maxAge(Duration.ofSeconds(10)).cachePublic();

    private final SitePages pages;
    private final PublicUrls urls;
    private final ObjectProvider<FormerAddresses> formerAddresses;

    SiteErrors(SitePages pages, PublicUrls urls, ObjectProvider<FormerAddresses> formerAddresses) {
        this.pages = pages;
        this.urls = urls;
        this.formerAddresses = formerAddresses;
    }

    @ExceptionHandler(PageNotFound.class)
    ModelAndView notFound(PageNotFound e, HttpServletRequest request, HttpServletResponse response) {
        if (!e.isGone()) {
            var moved = moved(request.getMethod(), request.getRequestURI(), request.getQueryString());
            if (moved.isPresent()) {
                return moved.get();
            }
        }
        return page(e.language(), e.isGone() ? HttpStatus.GONE : HttpStatus.NOT_FOUND, response);
    }

    /** An address of a site the newsroom moved from (see {@link FormerAddresses}): checked before the 404 page. */
    private Optional<ModelAndView> moved(String method, @Nullable String path, @Nullable String query) {
        if (path == null || !(method.equals("GET") || method.equals("HEAD"))) {
            return Optional.empty();
        }
        return formerAddresses.orderedStream().flatMap(f -> f.moved(path, query).stream()).findFirst().map(Moved::to);
    }

    @RequestMapping("/error")
    Object error(HttpServletRequest request, HttpServletResponse response) {
        var code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        var status = HttpStatus.resolve(code instanceof Integer i ? i : 500);
        if (status == null || !status.isError()) {
            status = HttpStatus.INTERNAL_SERVER_ERROR;
        }
        var uri = String.valueOf(request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI));
        if (status == HttpStatus.NOT_FOUND) {
            var moved = moved(request.getMethod(), uri, (String) request.getAttribute(RequestDispatcher.ERROR_QUERY_STRING));
            if (moved.isPresent()) {
                return moved.get();
            }
        }
        // the same address answers JSON or HTML by the Accept header: caches must keep them apart
        response.addHeader(HttpHeaders.VARY, HttpHeaders.ACCEPT);
        if (wantsJson(request, uri)) {
            cacheControl(status, response);
            var problem = ProblemDetail.forStatus(status);
            problem.setInstance(java.net.URI.create(uri.isEmpty() || "null".equals(uri) ? "/" : uri));
            return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
        }
        return page(languageOf(uri), status, response);
    }

    private ModelAndView page(Language language, HttpStatus status, HttpServletResponse response) {
        var t = pages.messages(language);
        var key = switch (status) {
            case NOT_FOUND, GONE, INTERNAL_SERVER_ERROR -> "error." + status.value();
            default -> "error.other";
        };
        var heading = t.get(key + ".title");
        var chrome = pages.chrome(language, heading, heading, null, pages.everyLanguage(urls::home),
                urls.home(pages.defaultLanguage()), null, java.util.List.of());
        cacheControl(status, response);
        var view = new ModelAndView("site/error", Map.of("page",
                new ErrorPage(chrome, status.value(), heading, t.get(key + ".message"))));
        view.setStatus(status);
        return view;
    }

    private static void cacheControl(HttpStatus status, HttpServletResponse response) {
        response.setHeader(HttpHeaders.CACHE_CONTROL, status == HttpStatus.NOT_FOUND || status == HttpStatus.GONE
                ? MISSING_PAGES.getHeaderValue() : "no-store");
    }

    /** The language of the URL the reader asked for, or the site's default language. */
    private Language languageOf(String uri) {
        var parts = uri.split("/", 3);
        return parts.length > 1 ? Language.fromCode(parts[1]).orElseGet(pages::defaultLanguage)
                : pages.defaultLanguage();
    }

    private static boolean wantsJson(HttpServletRequest request, String uri) {
        var accept = request.getHeader(HttpHeaders.ACCEPT);
        return uri.startsWith("/api/") || uri.startsWith("/actuator/")
                || accept != null && accept.contains("json") && !accept.contains("text/html");
    }
}
