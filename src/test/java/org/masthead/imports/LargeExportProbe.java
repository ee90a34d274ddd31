package org.masthead.imports;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Reads a WordPress export of {@code MEGABYTES} made on the fly (never on disk) twice through {@link WxrReader}, as
 * an import does (a first pass without contents, a second with them), and prints what it read: run in a JVM with a
 * heap several times smaller than the export, it shows that reading takes bounded memory
 * ({@link WxrReaderTest}). The export is posts of a megabyte of content each and, last, one post of 64 MB.
 */
public final class LargeExportProbe {

    static final int POST_BYTES = 1 << 20;
    static final int HUGE_BYTES = 64 << 20;

    private LargeExportProbe() {
    }

    public static void main(String[] args) {
        int posts = Integer.parseInt(args[0]);
        var reader = new WxrReader();
        int[] first = {0};
        reader.read(export(posts), false, channel -> { }, item -> first[0]++);
        int[] second = {0, 0};
        long[] characters = {0};
        reader.read(export(posts), true, channel -> { }, item -> {
            second[0]++;
            if (item.tooLarge()) {
                second[1]++;
            }
            characters[0] += item.content().length();
        });
        System.out.println("first pass " + first[0] + " items, second pass " + second[0] + " items, " + second[1]
                + " too large, " + characters[0] + " characters of content kept, heap at most "
                + Runtime.getRuntime().maxMemory() / (1 << 20) + " MB");
    }

    /** The export as a stream: a channel, {@code posts} posts of a megabyte, one of 64 MB. */
    static InputStream export(int posts) {
        return new InputStream() {
            private final byte[] paragraph = "<p>The council met again at the river port to count the barges.</p>\n"
                    .getBytes(StandardCharsets.UTF_8);
            private byte[] chunk = ("""
                    <?xml version="1.0" encoding="UTF-8"?>
                    <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:wp="http://wordpress.org/export/1.2/">
                    <channel><title>Large</title><wp:wxr_version>1.2</wp:wxr_version><wp:base_site_url>https://large.example</wp:base_site_url>
                    """).getBytes(StandardCharsets.UTF_8);
            private int at;
            private int post;
            private long contentLeft;

            @Override
            public int read() {
                var one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                while (at == chunk.length) {
                    if (!next()) {
                        return -1;
                    }
                }
                int n = Math.min(len, chunk.length - at);
                System.arraycopy(chunk, at, b, off, n);
                at += n;
                return n;
            }

            private boolean next() {
                at = 0;
                if (contentLeft > 0) {
                    chunk = paragraph;
                    contentLeft -= paragraph.length;
                    if (contentLeft <= 0) {
                        chunk = java.util.Arrays.copyOf(paragraph, paragraph.length);
                        var end = "]]></content:encoded></item>\n".getBytes(StandardCharsets.UTF_8);
                        var joined = new byte[chunk.length + end.length];
                        System.arraycopy(chunk, 0, joined, 0, chunk.length);
                        System.arraycopy(end, 0, joined, chunk.length, end.length);
                        chunk = joined;
                    }
                    return true;
                }
                if (post > posts) {
                    if (post == posts + 1) {
                        post++;
                        chunk = "</channel></rss>\n".getBytes(StandardCharsets.UTF_8);
                        return true;
                    }
                    return false;
                }
                post++;
                contentLeft = post > posts ? HUGE_BYTES : POST_BYTES;
                chunk = ("<item><title>Post " + post + "</title><wp:post_id>" + post + "</wp:post_id><wp:post_type>post"
                        + "</wp:post_type><wp:status>publish</wp:status><content:encoded><![CDATA[")
                        .getBytes(StandardCharsets.UTF_8);
                return true;
            }
        };
    }
}
