package org.masthead.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpHeaders;

/**
 * The 503 answer of a part that is briefly away (the database, the search engine): {@code Retry-After}, the
 * security headers, and a problem document for the API and JSON clients or a small page in the reader's three
 * languages for everyone else, written without touching what is away.
 */
public final class Unavailable {

    private Unavailable() {
    }

    /**
     * @param detail the problem document's detail
     * @param uk the page's heading in Ukrainian, saying what is away; {@code en} and {@code ru} the same
     */
    public static void answer(HttpServletRequest request, HttpServletResponse response, int retryAfterSeconds,
            String detail, String uk, String en, String ru) throws IOException {
        response.resetBuffer();
        response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        response.setHeader(HttpHeaders.RETRY_AFTER, Integer.toString(retryAfterSeconds));
        SecurityHeaders.writeTo(response);
        response.setHeader(HttpHeaders.VARY, HttpHeaders.ACCEPT);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        var accept = request.getHeader(HttpHeaders.ACCEPT);
        if (request.getRequestURI().startsWith("/api/") || accept != null && accept.contains("json")
                && !accept.contains("text/html")) {
            response.setContentType("application/problem+json");
            response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"Service Unavailable\",\"status\":503,"
                    + "\"detail\":\"" + detail + "\"}");
            return;
        }
        response.setContentType("text/html");
        response.getWriter().write("""
                <!DOCTYPE html>
                <html lang="uk"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
                <title>503</title></head><body><main>
                <h1>%s</h1><p>Спробуйте ще раз за хвилину.</p>
                <h1 lang="en">%s</h1><p lang="en">Please try again in a minute.</p>
                <h1 lang="ru">%s</h1><p lang="ru">Попробуйте ещё раз через минуту.</p>
                </main></body></html>
                """.formatted(uk, en, ru));
    }
}
