package org.masthead.imports;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.util.Timeout;
import org.masthead.media.MediaLibrary;
import org.masthead.media.MediaProperties;
import org.masthead.media.MediaText;
import org.masthead.platform.Language;
import org.masthead.platform.PublicAddresses;
import org.springframework.stereotype.Component;

/**
 * Brings an archive's images into the media library as any upload comes in (type sniffed from the bytes, size and
 * pixels bounded, re-encoded without metadata): from the local copy of the old site's uploads folder, or, when the
 * import allows it, from the exported site's own host over the web, never from another host and never from an
 * address of a private network (each address checked once and connected to as checked).
 */
@Component
class ArchiveImages {

    /** The image could not be brought in; the message says why. */
    static final class NotBrought extends RuntimeException {
        NotBrought(String message) {
            super(message, null, false, false);
        }
    }

    private static final Pattern IMG = Pattern.compile("<img\\b[^>]*>", Pattern.CASE_INSENSITIVE);
    private static final Pattern SRC = Pattern.compile("\\ssrc\\s*=\\s*[\"']([^\"']*)[\"']", Pattern.CASE_INSENSITIVE);
    private static final Pattern WP_IMAGE = Pattern.compile("wp-image-(\\d+)");
    private static final Pattern GALLERY_IDS = Pattern.compile("\\[gallery[^\\]]*ids=\"([0-9,\\s]+)\"", Pattern.CASE_INSENSITIVE);

    private final MediaLibrary media;
    private final MediaProperties properties;

    ArchiveImages(MediaLibrary media, MediaProperties properties) {
        this.media = media;
        this.properties = properties;
    }

    /** The keys of the archive's images that a post's HTML shows, in order. */
    static List<String> referenced(String html, Archive archive) {
        var keys = new LinkedHashSet<String>();
        var tags = IMG.matcher(html);
        while (tags.find()) {
            var tag = tags.group();
            var id = WP_IMAGE.matcher(tag);
            if (id.find() && archive.images.containsKey("media:" + id.group(1))) {
                keys.add("media:" + id.group(1));
                continue;
            }
            var src = SRC.matcher(tag);
            if (src.find()) {
                archive.imageAt(org.jsoup.parser.Parser.unescapeEntities(src.group(1), true)).ifPresent(i -> keys.add(i.key()));
            }
        }
        var gallery = GALLERY_IDS.matcher(html);
        while (gallery.find()) {
            for (var id : gallery.group(1).split(",")) {
                if (archive.images.containsKey("media:" + id.strip())) {
                    keys.add("media:" + id.strip());
                }
            }
        }
        return new ArrayList<>(keys);
    }

    /**
     * Reads the image and checks and encodes it as any upload, touching neither the database nor the store: the
     * part of bringing it in that may run on another thread, ahead of the posts that show it.
     */
    MediaLibrary.PreparedUpload prepare(Archive.Image image, Archive archive, ImportOptions options) {
        return media.prepareUpload(bytes(image, archive, options), fileName(image.url()));
    }

    /** Stores a prepared image and its texts in every language; returns its id in the media library. */
    long store(MediaLibrary.PreparedUpload upload, Archive.Image image) {
        var item = media.store(upload, ArchiveWriter.BY);
        var text = new MediaText(cut(image.caption()), cut(image.credit()), cut(image.alt()));
        for (var language : Language.all()) {
            media.describe(item.id(), language, text);
        }
        return item.id();
    }

    private static String cut(String text) {
        var line = text.replaceAll("\\s+", " ").strip();
        return line.length() > 1000 ? line.substring(0, 1000) : line;
    }

    private byte[] bytes(Archive.Image image, Archive archive, ImportOptions options) {
        var local = options.media() == null ? null : local(options.media(), image.url());
        if (local != null && Files.isRegularFile(local)) {
            try {
                if (!local.toRealPath().startsWith(options.media().toRealPath())) {
                    throw new NotBrought("a link in the media folder leads outside it");
                }
                if (Files.size(local) > properties.maxUploadBytes()) {
                    throw new NotBrought("larger than " + properties.maxUploadBytes() + " bytes");
                }
                return Files.readAllBytes(local);
            } catch (IOException e) {
                throw new NotBrought("cannot be read from the media folder");
            }
        }
        if (!options.fetchImages()) {
            throw new NotBrought(options.media() == null ? "no media folder given" : "not in the media folder");
        }
        return fetch(image.url(), archive);
    }

    /**
     * Where an uploads address lies in the local copy: the part after {@code wp-content/uploads/} (or, for other
     * platforms, after {@code content/images/}), never outside the folder.
     */
    static Path local(Path folder, String url) {
        String path;
        try {
            path = Archive.decode(URI.create(url.strip().replace(" ", "%20")).getRawPath());
        } catch (IllegalArgumentException e) {
            return null;
        }
        if (path == null) {
            return null;
        }
        for (var marker : List.of("/wp-content/uploads/", "/content/images/", "/uploads/")) {
            int at = path.indexOf(marker);
            if (at >= 0) {
                path = path.substring(at + marker.length());
                break;
            }
        }
        var root = folder.toAbsolutePath().normalize();
        var file = root.resolve(path.replaceFirst("^/+", "")).normalize();
        return file.startsWith(root) && !file.equals(root) ? file : null;
    }

    private byte[] fetch(String url, Archive archive) {
        URI uri;
        try {
            uri = URI.create(url.strip());
        } catch (IllegalArgumentException e) {
            throw new NotBrought("not an address");
        }
        var scheme = String.valueOf(uri.getScheme());
        if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null || uri.getUserInfo() != null) {
            throw new NotBrought("not an address on the web");
        }
        if (!archive.ownHost(uri.getHost())) {
            throw new NotBrought("on another host than the exported site's");
        }
        var checked = publicAddresses(uri.getHost());
        var connections = PoolingHttpClientConnectionManagerBuilder.create()
                .setDnsResolver(new DnsResolver() {
                    @Override
                    public InetAddress[] resolve(String host) throws UnknownHostException {
                        if (!host.equalsIgnoreCase(uri.getHost())) {
                            throw new UnknownHostException(host);
                        }
                        return checked;
                    }

                    @Override
                    public String resolveCanonicalHostname(String host) {
                        return host;
                    }
                })
                .setDefaultConnectionConfig(ConnectionConfig.custom().setConnectTimeout(Timeout.ofSeconds(10))
                        .setSocketTimeout(Timeout.ofSeconds(30)).build())
                .build();
        try (var http = HttpClients.custom().setConnectionManager(connections).disableRedirectHandling()
                .disableCookieManagement().setDefaultRequestConfig(RequestConfig.custom()
                        .setResponseTimeout(30, TimeUnit.SECONDS).build()).build()) {
            return http.execute(new HttpGet(uri), response -> {
                if (response.getCode() != 200 || response.getEntity() == null) {
                    throw new NotBrought("the site answered " + response.getCode());
                }
                try (InputStream in = response.getEntity().getContent()) {
                    return bounded(in, properties.maxUploadBytes());
                }
            });
        } catch (IOException e) {
            throw new NotBrought("cannot be fetched (" + e.getClass().getSimpleName() + ")");
        }
    }

    private static InetAddress[] publicAddresses(String host) {
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(host);
        } catch (UnknownHostException e) {
            throw new NotBrought("the host is not known");
        }
        for (var address : addresses) {
            if (!PublicAddresses.isPublic(address)) {
                throw new NotBrought("the host resolves to an address of a private network");
            }
        }
        return addresses;
    }

    static byte[] bounded(InputStream in, long max) throws IOException {
        var out = new ByteArrayOutputStream();
        var buffer = new byte[16_384];
        long total = 0;
        for (int n; (n = in.read(buffer)) > 0; ) {
            total += n;
            if (total > max) {
                throw new NotBrought("larger than " + max + " bytes");
            }
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }

    private static String fileName(String url) {
        var name = url.replaceFirst("[?#].*$", "");
        name = name.substring(name.lastIndexOf('/') + 1);
        name = Archive.decode(name);
        return name.isBlank() ? "image" : name;
    }

    /** An address as a link may keep it: made absolute against the old site when it was relative. */
    static String absolute(String href, String site) {
        var text = href.strip();
        if (text.startsWith("//")) {
            return "https:" + text;
        }
        if (text.startsWith("/") && !site.isEmpty()) {
            try {
                return URI.create(site.endsWith("/") ? site : site + "/").resolve(text).toString();
            } catch (IllegalArgumentException e) {
                return text;
            }
        }
        return text;
    }
}
