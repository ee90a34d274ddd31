package org.masthead.cache;

import jakarta.servlet.ServletException;
import java.io.IOException;
import org.apache.catalina.connector.ClientAbortException;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ValveBase;
import org.masthead.platform.web.RateLimitProperties;
import org.masthead.platform.web.RateLimits;

/**
 * Answers page cache hits inside Tomcat, before the servlet filter chain is built: a hit needs none of the
 * filters (no security decision, no session, no rendering), only the bytes and headers kept with the page,
 * which {@link PageCacheFilter} writes the same way as when it answers a hit itself. A context valve, so it
 * runs after the engine's remote-address valve: behind a trusted proxy the scheme (and with it
 * Strict-Transport-Security) and the client address are the forwarded ones. Requests a rate limit applies to
 * (search, the APIs, for clients that are not exempt) go on to the filters, so the limit still counts them.
 * A reader who leaves while a hit is written is let go quietly, as the web layer does for rendered pages.
 */
final class PageCacheValve extends ValveBase {

    private final PageCacheFilter filter;
    private final RateLimitProperties limits;

    PageCacheValve(PageCacheFilter filter, RateLimitProperties limits) {
        super(true);
        this.filter = filter;
        this.limits = limits;
    }

    @Override
    public void invoke(Request request, Response response) throws IOException, ServletException {
        try {
            if (!RateLimits.applies(limits, request) && filter.answerHit(request, response)) {
                return;
            }
        } catch (ClientAbortException readerLeft) {
            // the reader closed the connection before the page was written: nothing is wrong here, and the
            // host valve would log every such departure as an error with its stack
            return;
        }
        getNext().invoke(request, response);
    }
}
