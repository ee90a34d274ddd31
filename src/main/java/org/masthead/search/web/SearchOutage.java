package org.masthead.search.web;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.masthead.platform.web.SecurityHeaders;
import org.masthead.search.SearchUnavailable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * While the search engine cannot answer (an OpenSearch cluster down), a search page, suggestion or search API
 * request is answered 503 with {@code Retry-After}, as a page in the reader's three languages or a problem
 * document for the API, never a 500 page; nothing else is touched, so the rest of the site and publishing go on.
 * Placed just inside the database's outage filter, so failures anywhere inside are caught.
 */
final class SearchOutage extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(SearchOutage.class);
    static final int RETRY_AFTER_SECONDS = 15;

    @Configuration(proxyBeanMethods = false)
    static class Registration {

        @Bean
        FilterRegistrationBean<SearchOutage> searchOutage() {
            var registration = new FilterRegistrationBean<>(new SearchOutage());
            registration.setOrder(Integer.MIN_VALUE + 2);
            registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ERROR);
            return registration;
        }
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } catch (ServletException | IOException | RuntimeException e) {
            var outage = outage(e);
            if (outage == null || response.isCommitted()) {
                throw e;
            }
            log.warn("Search is unavailable ({}); answered 503 to {} {}", outage.getMessage(), request.getMethod(),
                    request.getRequestURI());
            answer(request, response);
        }
    }

    @Override
    protected boolean shouldNotFilterErrorDispatch() {
        return false;
    }

    private static @org.jspecify.annotations.Nullable SearchUnavailable outage(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SearchUnavailable unavailable) {
                return unavailable;
            }
        }
        return null;
    }

    private static void answer(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.resetBuffer();
        response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        response.setHeader(HttpHeaders.RETRY_AFTER, Integer.toString(RETRY_AFTER_SECONDS));
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        SecurityHeaders.writeTo(response);
        response.setHeader(HttpHeaders.VARY, HttpHeaders.ACCEPT);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        var accept = request.getHeader(HttpHeaders.ACCEPT);
        if (request.getRequestURI().startsWith("/api/") || accept != null && accept.contains("json")
                && !accept.contains("text/html")) {
            response.setContentType("application/problem+json");
            response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"Service Unavailable\",\"status\":503,"
                    + "\"detail\":\"Search is briefly unavailable; try again in " + RETRY_AFTER_SECONDS + " s.\"}");
            return;
        }
        response.setContentType("text/html");
        response.getWriter().write("""
                <!DOCTYPE html>
                <html lang="uk"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
                <title>503</title></head><body><main>
                <h1>Пошук ненадовго недоступний</h1><p>Спробуйте ще раз за хвилину.</p>
                <h1 lang="en">Search is briefly unavailable</h1><p lang="en">Please try again in a minute.</p>
                <h1 lang="ru">Поиск ненадолго недоступен</h1><p lang="ru">Попробуйте ещё раз через минуту.</p>
                </main></body></html>
                """);
    }
}
