package org.masthead.api.admin;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Bodies sent to the admin API are read only up to a bound, so that no request can make the server hold more than
 * that in memory: 256 KiB for a live blog entry (an entry at its limits, {@code LiveBlogs.MAX_ENTRY_TEXT} characters
 * of Cyrillic with marks, fits with room to spare), 16 MiB for anything else (a story of a few hundred blocks is a
 * few hundred kilobytes). A larger body is answered 413 with a problem document, before it is parsed when it says
 * its length, and as soon as the bound is passed when it comes in chunks. Multipart uploads are bounded by the
 * servlet container's multipart limits instead ({@code spring.servlet.multipart}).
 */
@Component
class RequestBodyLimit extends OncePerRequestFilter {

    /** A bound and how a body past it is explained. */
    record Bound(int bytes, String title, String detail) {}

    static final int ENTRY_BYTES = 256 * 1024;
    static final int DOCUMENT_BYTES = 16 * 1024 * 1024;
    static final Bound ENTRY = new Bound(ENTRY_BYTES, "Entry too large",
            "An entry's request body is at most " + ENTRY_BYTES + " bytes; a long text is a story of its own.");
    static final Bound DOCUMENT = new Bound(DOCUMENT_BYTES, "Request body too large",
            "A request body of the admin API is at most " + DOCUMENT_BYTES + " bytes.");
    private static final Pattern ENTRIES = Pattern.compile("^/api/v1/admin/stories/\\d{1,18}/live/entries(?:/.*)?$");

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        var method = request.getMethod();
        return !("POST".equals(method) || "PUT".equals(method) || "PATCH".equals(method))
                || !request.getRequestURI().startsWith("/api/v1/admin/")
                || request.getContentType() != null && request.getContentType().startsWith("multipart/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var bound = ENTRIES.matcher(request.getRequestURI()).matches() ? ENTRY : DOCUMENT;
        if (request.getContentLengthLong() > bound.bytes()) {
            refuse(bound, request, response);
            return;
        }
        try {
            chain.doFilter(new Bounded(request, bound), response);
        } catch (ServletException | RuntimeException e) {
            var passed = passed(e);
            if (passed == null || response.isCommitted()) {
                throw e;
            }
            response.resetBuffer();
            refuse(passed, request, response);
        }
    }

    /** The bound {@code failure} comes from when it comes from a body read past one, otherwise null. */
    static @Nullable Bound passed(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof TooLarge tooLarge) {
                return tooLarge.bound;
            }
        }
        return null;
    }

    private static void refuse(Bound bound, HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setStatus(HttpStatus.CONTENT_TOO_LARGE.value());
        response.setContentType("application/problem+json");
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Connection", "close");
        // the address is a matched admin path: digits, letters and slashes only, nothing to escape in it
        response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"" + bound.title() + "\",\"status\":413,"
                + "\"detail\":\"" + bound.detail() + "\",\"field\":\"body\",\"instance\":\""
                + request.getRequestURI().replaceAll("[^A-Za-z0-9/_.-]", "") + "\"}");
    }

    /** Read past the bound. */
    static final class TooLarge extends IOException {

        private final transient Bound bound;

        TooLarge(Bound bound) {
            super("The request body is larger than " + bound.bytes() + " bytes.");
            this.bound = bound;
        }
    }

    private static final class Bounded extends HttpServletRequestWrapper {

        private final Bound bound;
        private @Nullable ServletInputStream stream;

        Bounded(HttpServletRequest request, Bound bound) {
            super(request);
            this.bound = bound;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                var inner = super.getInputStream();
                stream = new ServletInputStream() {
                    private long read;

                    @Override
                    public int read() throws IOException {
                        int b = inner.read();
                        if (b >= 0) {
                            count(1);
                        }
                        return b;
                    }

                    @Override
                    public int read(byte[] buffer, int offset, int length) throws IOException {
                        int n = inner.read(buffer, offset, length);
                        if (n > 0) {
                            count(n);
                        }
                        return n;
                    }

                    private void count(int n) throws TooLarge {
                        read += n;
                        if (read > bound.bytes()) {
                            throw new TooLarge(bound);
                        }
                    }

                    @Override
                    public boolean isFinished() {
                        return inner.isFinished();
                    }

                    @Override
                    public boolean isReady() {
                        return inner.isReady();
                    }

                    @Override
                    public void setReadListener(ReadListener listener) {
                        inner.setReadListener(listener);
                    }
                };
            }
            return stream;
        }
    }
}
