package org.masthead.cache;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import java.util.zip.GZIPOutputStream;
import org.jspecify.annotations.Nullable;

/**
 * One cached response: what the controller wrote, the surrogate keys whose change makes it stale, and its gzip
 * form, made the first time a client asks for it and kept with the page from then on (a page that only clients
 * without gzip read never pays for it, and a render is not slowed by compressing what nobody asked for yet).
 *
 * <p>{@code vary} holds the Vary tokens of the render (Spring's CORS handling adds {@code Origin} and the
 * preflight headers on the API), plus {@code Accept-Encoding} when the page has a gzip form to offer.
 */
final class CachedPage {

    /** Java object headers, the entry in Caffeine and the key string: a fair guess, not a measurement. */
    private static final int OVERHEAD_BYTES = 512;
    /** What a gzip form is expected to weigh before it is made: HTML and JSON shrink four- to sixfold. */
    private static final int EXPECTED_GZIP_RATIO = 4;
    private static final byte[] NOT_SMALLER = new byte[0];

    record Header(String name, String value) {
    }

    private final int status;
    private final @Nullable String contentType;
    private final List<Header> headers;
    private final List<String> vary;
    private final byte[] body;
    private final String etag;
    private final long lastModified;
    private final Set<String> keys;
    private final boolean compressible;
    private final ReentrantLock compressing = new ReentrantLock();
    private volatile byte @Nullable [] gzip;

    private CachedPage(int status, @Nullable String contentType, List<Header> headers, List<String> vary,
            byte[] body, boolean compressible, long lastModified, Set<String> keys) {
        this.status = status;
        this.contentType = contentType;
        this.headers = List.copyOf(headers);
        this.vary = List.copyOf(vary);
        this.body = body;
        this.compressible = compressible;
        this.etag = etag(body);
        this.lastModified = lastModified;
        this.keys = Set.copyOf(keys);
    }

    /**
     * @param vary       the render's Vary tokens; Accept-Encoding is added when the body may be sent compressed
     * @param nowMillis  when it was rendered; Last-Modified keeps whole seconds, as HTTP dates carry them
     */
    static CachedPage of(int status, @Nullable String contentType, List<Header> headers, List<String> vary,
            byte[] body, Set<String> keys, long nowMillis, int gzipMinBytes) {
        boolean compressible = body.length >= gzipMinBytes && compressible(contentType);
        var tokens = new java.util.ArrayList<String>();
        for (var token : vary) {
            if (!token.equalsIgnoreCase("Accept-Encoding") && tokens.stream().noneMatch(token::equalsIgnoreCase)) {
                tokens.add(token);
            }
        }
        if (compressible) {
            tokens.add("Accept-Encoding");
        }
        return new CachedPage(status, contentType, headers, tokens, body, compressible, nowMillis / 1000 * 1000,
                keys);
    }

    int status() {
        return status;
    }

    @Nullable String contentType() {
        return contentType;
    }

    List<Header> headers() {
        return headers;
    }

    List<String> vary() {
        return vary;
    }

    byte[] body() {
        return body;
    }

    /** Strong, for the plain form (RFC 9110 asks a strong validator per representation). */
    String etag() {
        return etag;
    }

    long lastModified() {
        return lastModified;
    }

    Set<String> keys() {
        return keys;
    }

    /**
     * The gzip form, made on the first call (one compression however many ask at once), or null when the page is
     * not worth compressing or its gzip form would not be smaller.
     */
    byte @Nullable [] gzip() {
        if (!compressible) {
            return null;
        }
        var made = gzip;
        if (made == null) {
            compressing.lock();
            try {
                made = gzip;
                if (made == null) {
                    var compressed = gzip(body);
                    made = compressed.length < body.length ? compressed : NOT_SMALLER;
                    gzip = made;
                }
            } finally {
                compressing.unlock();
            }
        }
        return made == NOT_SMALLER ? null : made;
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

    /**
     * Roughly the heap this page holds, for the cache's memory bound: weighed once, when it is stored, so the gzip
     * form counts with its expected size whether or not it is made yet.
     */
    int weight() {
        int weight = OVERHEAD_BYTES + body.length + (compressible ? body.length / EXPECTED_GZIP_RATIO : 0);
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

    private static String etag(byte[] body) {
        try {
            var digest = MessageDigest.getInstance("SHA-256").digest(body);
            return "\"" + HexFormat.of().formatHex(digest, 0, 12) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
