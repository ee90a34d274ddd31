package org.masthead.cache;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.zip.GZIPOutputStream;
import org.jspecify.annotations.Nullable;

/**
 * One cached response: what the controller wrote, its gzip form when that is worth having, and the
 * surrogate keys whose change makes it stale.
 *
 * @param lastModified epoch milliseconds, whole seconds as HTTP dates carry them
 */
record CachedPage(int status, @Nullable String contentType, List<Header> headers, byte[] body,
        byte @Nullable [] gzip, String etag, long lastModified, Set<String> keys) {

    /** Java object headers, the entry in Caffeine and the key string: a fair guess, not a measurement. */
    private static final int OVERHEAD_BYTES = 512;

    record Header(String name, String value) {
    }

    static CachedPage of(int status, @Nullable String contentType, List<Header> headers, byte[] body,
            Set<String> keys, long nowMillis, int gzipMinBytes) {
        var gzip = body.length >= gzipMinBytes && compressible(contentType) ? gzip(body) : null;
        return new CachedPage(status, contentType, List.copyOf(headers), body,
                gzip != null && gzip.length < body.length ? gzip : null, etag(body), nowMillis / 1000 * 1000,
                Set.copyOf(keys));
    }

    /** The validator of the gzip form: the plain form's with "-gzip" inside the quotes. */
    String gzipEtag() {
        return etag.substring(0, etag.length() - 1) + "-gzip\"";
    }

    boolean taggedWithAny(Set<String> evicted) {
        for (var key : keys) {
            if (evicted.contains(key)) {
                return true;
            }
        }
        return false;
    }

    /** Roughly the heap this page holds, for the cache's memory bound. */
    int weight() {
        int weight = OVERHEAD_BYTES + body.length + (gzip == null ? 0 : gzip.length);
        for (var header : headers) {
            weight += 2 * (header.name().length() + header.value().length());
        }
        for (var key : keys) {
            weight += 2 * key.length();
        }
        return weight;
    }

    private static boolean compressible(@Nullable String contentType) {
        if (contentType == null) {
            return false;
        }
        var type = contentType.toLowerCase(java.util.Locale.ROOT);
        return type.startsWith("text/") || type.contains("json") || type.contains("xml")
                || type.contains("javascript");
    }

    private static byte[] gzip(byte[] body) {
        var out = new ByteArrayOutputStream(body.length / 3 + 64);
        try (var zip = new GZIPOutputStream(out, 8192)) {
            zip.write(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /**
     * Strong, for the plain form; the gzip form is another representation with its own validator
     * ({@link #gzipEtag()}), as RFC 9110 asks of strong validators.
     */
    private static String etag(byte[] body) {
        try {
            var digest = MessageDigest.getInstance("SHA-256").digest(body);
            return "\"" + HexFormat.of().formatHex(digest, 0, 12) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
