package org.masthead.search.web;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.masthead.platform.web.Unavailable;
import org.masthead.search.SearchUnavailable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * While the search engine cannot answer (an OpenSearch cluster down), a search page, suggestion or search API
 * request is answered 503 with {@code Retry-After}, as a page in the reader's three languages or a problem
 * document for the API, never a 500 page; nothing else is touched, so the rest of the site and publishing go on.
 * Placed just inside the database's outage filter, so failures anywhere inside are caught; a controller's failure
 * is answered by {@link Answers} first, because Spring MVC takes an engine's lost connection in the cause chain for
 * a reader who went away and would answer an empty 200.
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

    @ControllerAdvice
    static class Answers {

        @ExceptionHandler(SearchUnavailable.class)
        void unavailable(SearchUnavailable outage, HttpServletRequest request, HttpServletResponse response)
                throws IOException {
            answer(outage, request, response);
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
            answer(outage, request, response);
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

    private static void answer(SearchUnavailable outage, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        log.warn("Search is unavailable ({}); answered 503 to {} {}", outage.getMessage(), request.getMethod(),
                request.getRequestURI());
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        Unavailable.answer(request, response, RETRY_AFTER_SECONDS,
                "Search is briefly unavailable; try again in " + RETRY_AFTER_SECONDS + " s.",
                "Пошук ненадовго недоступний", "Search is briefly unavailable", "Поиск ненадолго недоступен");
    }
}
