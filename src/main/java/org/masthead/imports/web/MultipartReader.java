package org.masthead.imports.web;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Reads a {@code multipart/form-data} body (RFC 7578) as it arrives, one part at a time, each part's content a
 * stream up to the next boundary: a file of any size passes through a 64 KB buffer. Part headers are bounded; a
 * body that ends inside a part or breaks the format is {@link Malformed}.
 */
final class MultipartReader {

    /** The body is not well-formed multipart. */
    static final class Malformed extends IOException {
        Malformed(String message) {
            super(message);
        }
    }

    /** One part's headers: its field {@code name}, the {@code fileName} a file input gives, or null. */
    record Part(String name, @Nullable String fileName) {

        boolean file() {
            return fileName != null;
        }
    }

    private static final int MAX_HEADERS = 16 * 1024;
    private static final Pattern BOUNDARY = Pattern.compile("(?i)\\bboundary=(?:\"([^\"]{1,70})\"|([^;\\s]{1,70}))");

    private final InputStream in;
    private final byte[] delimiter;
    private final byte[] buffer = new byte[64 * 1024];
    private int pos;
    private int limit;
    private boolean inPart = true;
    private boolean finished;

    MultipartReader(InputStream in, String boundary) {
        this.in = in;
        this.delimiter = ("\r\n--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
        // the first delimiter has no line break before it: one is put in front of the body
        buffer[0] = '\r';
        buffer[1] = '\n';
        limit = 2;
    }

    /** The boundary a {@code multipart/form-data} content type names, if it is one. */
    static Optional<String> boundary(@Nullable String contentType) {
        if (contentType == null || !contentType.toLowerCase(Locale.ROOT).startsWith("multipart/form-data")) {
            return Optional.empty();
        }
        var m = BOUNDARY.matcher(contentType);
        return m.find() ? Optional.of(m.group(1) != null ? m.group(1) : m.group(2)) : Optional.empty();
    }

    /** The next part, what is left of the current one read and dropped; empty after the last. */
    Optional<Part> next() throws IOException {
        if (finished) {
            return Optional.empty();
        }
        var skip = new byte[8192];
        while (inPart) {
            read(skip, 0, skip.length);
        }
        if (!fill(2)) {
            throw new Malformed("The body ends after a boundary");
        }
        if (buffer[pos] == '-' && buffer[pos + 1] == '-') {
            finished = true;
            return Optional.empty();
        }
        var headers = headers();
        inPart = true;
        return Optional.of(part(headers));
    }

    /** Reads the current part's content; -1 at its end. */
    int read(byte[] target, int offset, int length) throws IOException {
        if (!inPart) {
            return -1;
        }
        while (true) {
            if (limit - pos < delimiter.length && !fill(delimiter.length)) {
                throw new EOFException("The body ends inside a part");
            }
            int at = indexOf(delimiter);
            if (at == pos) {
                pos += delimiter.length;
                inPart = false;
                return -1;
            }
            int available = at >= 0 ? at - pos : limit - pos - delimiter.length + 1;
            int n = Math.min(length, available);
            System.arraycopy(buffer, pos, target, offset, n);
            pos += n;
            return n;
        }
    }

    /** The current part's content as a stream. */
    InputStream content() {
        return new InputStream() {
            @Override
            public int read() throws IOException {
                var one = new byte[1];
                int n = read(one, 0, 1);
                return n <= 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                if (len == 0) {
                    return 0;
                }
                return MultipartReader.this.read(b, off, len);
            }
        };
    }

    /** The current part's content as text, at most {@code max} bytes (UTF-8); more is {@link Malformed}. */
    String text(int max) throws IOException {
        var out = new java.io.ByteArrayOutputStream();
        var chunk = new byte[1024];
        int n;
        while ((n = read(chunk, 0, chunk.length)) != -1) {
            if (out.size() + n > max) {
                throw new Malformed("A form field is longer than " + max + " bytes");
            }
            out.write(chunk, 0, n);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    /** The header block after a delimiter (the rest of its line, then lines up to a blank one). */
    private String headers() throws IOException {
        var out = new java.io.ByteArrayOutputStream();
        int last4 = 0;
        while (true) {
            if (!fill(1)) {
                throw new Malformed("The body ends inside a part's headers");
            }
            byte b = buffer[pos++];
            out.write(b);
            last4 = (last4 << 8) | (b & 0xff);
            if (out.size() > MAX_HEADERS) {
                throw new Malformed("A part's headers are longer than " + MAX_HEADERS + " bytes");
            }
            if (last4 == 0x0d0a0d0a && out.size() >= 4) {
                return new String(out.toByteArray(), 0, out.size() - 4, StandardCharsets.UTF_8);
            }
        }
    }

    private static Part part(String headers) throws Malformed {
        String disposition = null;
        for (var line : headers.split("\r\n")) {
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).strip().equalsIgnoreCase("content-disposition")) {
                disposition = line.substring(colon + 1).strip();
            }
        }
        if (disposition == null || !disposition.toLowerCase(Locale.ROOT).startsWith("form-data")) {
            throw new Malformed("A part has no Content-Disposition: form-data");
        }
        var name = parameter(disposition, "name");
        if (name == null) {
            throw new Malformed("A part has no name");
        }
        return new Part(name, parameter(disposition, "filename"));
    }

    /** A parameter of a header value: quoted (with backslash escapes) or a token. */
    static @Nullable String parameter(String value, String name) {
        int i = 0;
        while (i < value.length()) {
            int semicolon = value.indexOf(';', i);
            if (semicolon < 0) {
                return null;
            }
            i = semicolon + 1;
            while (i < value.length() && value.charAt(i) == ' ') {
                i++;
            }
            int equals = value.indexOf('=', i);
            if (equals < 0) {
                return null;
            }
            var key = value.substring(i, equals).strip();
            i = equals + 1;
            String found;
            if (i < value.length() && value.charAt(i) == '"') {
                var text = new StringBuilder();
                i++;
                while (i < value.length() && value.charAt(i) != '"') {
                    char c = value.charAt(i);
                    if (c == '\\' && i + 1 < value.length()) {
                        c = value.charAt(++i);
                    }
                    text.append(c);
                    i++;
                }
                i++;
                found = text.toString();
            } else {
                int end = value.indexOf(';', i);
                found = value.substring(i, end < 0 ? value.length() : end).strip();
                i = end < 0 ? value.length() : end;
            }
            if (key.equalsIgnoreCase(name)) {
                return found;
            }
        }
        return null;
    }

    /** Makes at least {@code n} bytes readable from {@code pos}; false at the end of the body before that. */
    private boolean fill(int n) throws IOException {
        if (limit - pos >= n) {
            return true;
        }
        if (pos > 0) {
            System.arraycopy(buffer, pos, buffer, 0, limit - pos);
            limit -= pos;
            pos = 0;
        }
        while (limit < n) {
            int read = in.read(buffer, limit, buffer.length - limit);
            if (read < 0) {
                return false;
            }
            limit += read;
        }
        return true;
    }

    private int indexOf(byte[] pattern) {
        int last = limit - pattern.length;
        outer:
        for (int i = pos; i <= last; i++) {
            for (int j = 0; j < pattern.length; j++) {
                if (buffer[i + j] != pattern[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
