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
 * Live blog entries sent to the admin API are read only up to {@link #MAX_BYTES}: a larger body is answered 413
 * with a problem document, before it is parsed when it says its length, and as soon as the limit is passed when it
 * comes in chunks. An entry at its limits ({@code LiveBlogs.MAX_ENTRY_TEXT} characters of Cyrillic with marks) fits
 * with room to spare.
 */
@Component
class EntryBodyLimit extends OncePerRequestFilter {

    static final int MAX_BYTES = 256 * 1024;
    private static final Pattern ENTRIES = Pattern.compile("^/api/v1/admin/stories/\\d{1,18}/live/entries(?:/\\d{1,18})?/?$");

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !("POST".equals(request.getMethod()) || "PUT".equals(request.getMethod()))
                || !ENTRIES.matcher(request.getRequestURI()).matches();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getContentLengthLong() > MAX_BYTES) {
            refuse(request, response);
            return;
        }
        try {
            chain.doFilter(new Bounded(request), response);
        } catch (ServletException | RuntimeException e) {
            if (!tooLarge(e) || response.isCommitted()) {
                throw e;
            }
            response.resetBuffer();
            refuse(request, response);
        }
    }

    /** Whether {@code failure} comes from a body read past the limit. */
    static boolean tooLarge(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof TooLarge) {
                return true;
            }
        }
        return false;
    }

    static void refuse(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setStatus(HttpStatus.CONTENT_TOO_LARGE.value());
        response.setContentType("application/problem+json");
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Connection", "close");
        response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"Entry too large\",\"status\":413,"
                + "\"detail\":\"An entry's request body is at most " + MAX_BYTES + " bytes; a long text is a story "
                + "of its own.\",\"field\":\"body\",\"instance\":\"" + request.getRequestURI() + "\"}");
    }

    /** Read past the limit. */
    static final class TooLarge extends IOException {

        TooLarge() {
            super("The request body is larger than " + MAX_BYTES + " bytes.");
        }
    }

    private static final class Bounded extends HttpServletRequestWrapper {

        private @Nullable ServletInputStream stream;

        Bounded(HttpServletRequest request) {
            super(request);
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
                        if (read > MAX_BYTES) {
                            throw new TooLarge();
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
