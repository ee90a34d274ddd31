package org.masthead.media;

import java.io.IOException;
import java.io.PrintStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Locale;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;

/**
 * {@code ./masthead media migrate [--spring.option=value ...]}: copies the disk store ({@code masthead.media.directory})
 * into the bucket of {@code masthead.media.s3.*}, then verifies every file: the bucket must hold the same bytes under
 * the same key (by its MD5 entity tag, or by reading the object back where the bucket's tags are no MD5). It starts
 * nothing but the two stores, so it may run beside a Masthead still serving from the disk; run it again after the
 * last upload before switching to {@code masthead.media.store=s3}: files already in the bucket are not sent again.
 * Exits 0 once everything is verified, 1 when a file differs or cannot be copied, 2 on a wrong command line.
 */
public final class MediaCommand {

    public static final String NAME = "media";
    private static final int LISTED = 10;

    private MediaCommand() {
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length < 2 || !args[1].equals("migrate")
                || Arrays.stream(args).skip(2).anyMatch(arg -> !arg.startsWith("--") || !arg.contains("="))) {
            err.println("usage: ./masthead media migrate [--masthead.media.s3.bucket=NAME ...]");
            return 2;
        }
        var application = new SpringApplicationBuilder(Context.class)
                .web(WebApplicationType.NONE)
                .bannerMode(Banner.Mode.OFF)
                .logStartupInfo(false)
                .properties("logging.level.root=WARN", "logging.structured.format.console=")
                .build();
        try (var context = application.run(Arrays.copyOfRange(args, 2, args.length))) {
            var properties = context.getBean(MediaProperties.class);
            var disk = new DiskMediaStore(properties.directory());
            try (var bucket = new S3MediaStore(properties.s3())) {
                return migrate(disk, bucket, out, err);
            }
        } catch (RuntimeException e) {
            err.println("Cannot migrate the images: " + e.getMessage());
            return 1;
        }
    }

    static int migrate(DiskMediaStore disk, S3MediaStore bucket, PrintStream out, PrintStream err) {
        var keys = disk.keys();
        out.printf(Locale.ROOT, "Copying %d files from %s to %s%n", keys.size(), disk.location(), bucket.location());
        int copied = 0;
        int present = 0;
        var failed = new ArrayList<String>();
        for (var key : keys) {
            try {
                var bytes = disk.read(key);
                if (same(bucket, key, bytes)) {
                    present++;
                } else {
                    bucket.put(key, bytes);
                    copied++;
                }
            } catch (IOException | RuntimeException e) {
                failed.add(key + ": " + e.getMessage());
            }
        }
        int verified = 0;
        for (var key : keys) {
            try {
                if (same(bucket, key, disk.read(key))) {
                    verified++;
                } else {
                    failed.add(key + ": the bucket holds other bytes");
                }
            } catch (IOException | RuntimeException e) {
                failed.add(key + ": " + e.getMessage());
            }
        }
        out.printf(Locale.ROOT, "Copied %d, already there %d, verified %d of %d%n", copied, present, verified, keys.size());
        if (!failed.isEmpty()) {
            failed.stream().distinct().limit(LISTED).forEach(line -> err.println("Not migrated: " + line));
            err.printf(Locale.ROOT, "%d files are not in the bucket as on the disk; nothing was removed from the disk%n",
                    keys.size() - verified);
            return 1;
        }
        out.println("Every file is in the bucket with the same bytes: start Masthead with masthead.media.store=s3");
        return 0;
    }

    /** Whether the bucket holds exactly {@code bytes} under {@code key}, as it has the object now. */
    private static boolean same(S3MediaStore bucket, String key, byte[] bytes) throws IOException {
        var etag = bucket.etagNow(key);
        if (etag.isEmpty()) {
            return false;
        }
        var tag = etag.get().replace("\"", "");
        if (tag.matches("[0-9a-f]{32}")) {
            return tag.equals(HexFormat.of().formatHex(md5(bytes)));
        }
        // an entity tag that is no MD5 (multipart, encrypted with a managed key): compare the bytes themselves
        var stored = bucket.find(key).orElse(null);
        if (stored == null) {
            return false;
        }
        try (var in = stored.open()) {
            return Arrays.equals(in.readAllBytes(), bytes);
        }
    }

    static byte[] md5(byte[] bytes) {
        try {
            return MessageDigest.getInstance("MD5").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Only the media settings; not a {@code @Configuration}, so the application's component scan leaves it alone. */
    @EnableConfigurationProperties(MediaProperties.class)
    static class Context {
    }
}
