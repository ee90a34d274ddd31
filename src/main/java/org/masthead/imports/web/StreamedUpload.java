package org.masthead.imports.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The upload of an export to the import page, read as it arrives instead of through the servlet container's
 * multipart support (whose one size limit is the media library's, and which would hold the whole upload before the
 * request reaches any check). Before the security chain, this filter reads only the form's leading fields (the
 * CSRF token and the options, which the form puts before its file input: a few kilobytes at most) and stops at the
 * file; the security chain then checks the token and the admin role against those fields, and only the
 * controller, once both passed, reads the file, straight to disk.
 */
final class StreamedUpload {

    private static final String ATTRIBUTE = StreamedUpload.class.getName();
    private static final int MAX_FIELDS = 20;
    private static final int MAX_FIELD_BYTES = 8 * 1024;

    private final MultipartReader reader;
    private final MultipartReader.@Nullable Part file;

    private StreamedUpload(MultipartReader reader, MultipartReader.@Nullable Part file) {
        this.reader = reader;
        this.file = file;
    }

    /** The upload of this request, if it is one the filter read the fields of. */
    static Optional<StreamedUpload> of(HttpServletRequest request) {
        return Optional.ofNullable((StreamedUpload) request.getAttribute(ATTRIBUTE));
    }

    /** The name the browser gave the file, or empty when the form carried no file. */
    String fileName() {
        if (file == null || file.fileName() == null) {
            return "";
        }
        var name = file.fileName().replace('\\', '/');
        return name.substring(name.lastIndexOf('/') + 1);
    }

    boolean hasFile() {
        return file != null && !fileName().isBlank();
    }

    /** The file's content, read from the request as the caller reads it. */
    InputStream content() {
        return reader.content();
    }

    @Configuration(proxyBeanMethods = false)
    static class Registration {

        /** Before Spring Security's filter chain (order -100), after the session repository's. */
        @Bean
        FilterRegistrationBean<Filter> streamedUploadFilter() {
            var registration = new FilterRegistrationBean<>(new Filter());
            registration.setOrder(-110);
            registration.addUrlPatterns(ImportDeskController.PATH);
            return registration;
        }
    }

    /** Reads the leading fields of an upload to the import page; other requests pass untouched. */
    static final class Filter extends OncePerRequestFilter {

        @Override
        protected boolean shouldNotFilter(HttpServletRequest request) {
            return !request.getMethod().equals("POST")
                    || !ImportDeskController.PATH.equals(request.getRequestURI().substring(request.getContextPath().length()))
                    || MultipartReader.boundary(request.getContentType()).isEmpty();
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            var boundary = MultipartReader.boundary(request.getContentType()).orElseThrow();
            var reader = new MultipartReader(request.getInputStream(), boundary);
            var fields = new LinkedHashMap<String, List<String>>();
            query(request.getQueryString(), fields);
            MultipartReader.Part file = null;
            try {
                for (int i = 0; i <= MAX_FIELDS; i++) {
                    var part = reader.next();
                    if (part.isEmpty()) {
                        break;
                    }
                    if (part.get().file()) {
                        file = part.get();
                        break;
                    }
                    if (i == MAX_FIELDS) {
                        throw new MultipartReader.Malformed("More than " + MAX_FIELDS + " fields before the file");
                    }
                    fields.computeIfAbsent(part.get().name(), k -> new ArrayList<>()).add(reader.text(MAX_FIELD_BYTES));
                }
            } catch (IOException malformed) {
                response.sendError(HttpServletResponse.SC_BAD_REQUEST, "Not a well-formed upload");
                return;
            }
            var wrapped = new Fields(request, fields);
            wrapped.setAttribute(ATTRIBUTE, new StreamedUpload(reader, file));
            chain.doFilter(wrapped, response);
        }

        private static void query(@Nullable String query, Map<String, List<String>> fields) {
            if (query == null || query.isEmpty()) {
                return;
            }
            for (var pair : query.split("&")) {
                int equals = pair.indexOf('=');
                var name = decode(equals < 0 ? pair : pair.substring(0, equals));
                var value = equals < 0 ? "" : decode(pair.substring(equals + 1));
                fields.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
            }
        }

        private static String decode(String text) {
            try {
                return URLDecoder.decode(text, StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                return text;
            }
        }
    }

    /**
     * The request as the rest of the chain sees it: its parameters are the query's and the leading fields' (never
     * read from the body by the container), and it no longer says multipart, so that nothing after this filter
     * parses the body again.
     */
    private static final class Fields extends HttpServletRequestWrapper {

        private final Map<String, String[]> parameters = new LinkedHashMap<>();

        Fields(HttpServletRequest request, Map<String, List<String>> fields) {
            super(request);
            fields.forEach((name, values) -> parameters.put(name, values.toArray(String[]::new)));
        }

        @Override
        public @Nullable String getParameter(String name) {
            var values = parameters.get(name);
            return values == null ? null : values[0];
        }

        @Override
        public Map<String, String[]> getParameterMap() {
            return Collections.unmodifiableMap(parameters);
        }

        @Override
        public Enumeration<String> getParameterNames() {
            return Collections.enumeration(parameters.keySet());
        }

        @Override
        public String @Nullable [] getParameterValues(String name) {
            return parameters.get(name);
        }

        @Override
        public String getContentType() {
            return "application/octet-stream";
        }

        @Override
        public @Nullable String getHeader(String name) {
            return HttpHeaders.CONTENT_TYPE.equalsIgnoreCase(name) ? getContentType() : super.getHeader(name);
        }

        @Override
        public Enumeration<String> getHeaders(String name) {
            return HttpHeaders.CONTENT_TYPE.equalsIgnoreCase(name) ? Collections.enumeration(List.of(getContentType()))
                    : super.getHeaders(name);
        }
    }
}
