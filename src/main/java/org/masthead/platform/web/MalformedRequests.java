package org.masthead.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.multipart.MultipartException;

/**
 * A request body that cannot even be read as what it claims to be (a multipart upload with a NUL in a file
 * name, a cut-off boundary) is the client's mistake: 400 on every surface, wherever the body was first read
 * (the CSRF filter reads form fields before any controller runs).
 */
public final class MalformedRequests extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } catch (ServletException | RuntimeException e) {
            if (!unreadableBody(e) || response.isCommitted()) {
                throw e;
            }
            response.resetBuffer();
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            SecurityHeaders.writeTo(response);
            response.setContentType("application/problem+json");
            response.setCharacterEncoding("UTF-8");
            response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"Bad Request\",\"status\":400,"
                    + "\"detail\":\"The request body cannot be read (a malformed multipart body or file name).\"}");
        }
    }

    static boolean unreadableBody(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof MultipartException
                    || t.getClass().getName().startsWith("org.apache.tomcat.util.http.fileupload.")) {
                return true;
            }
        }
        return false;
    }
}
