package org.masthead.imports;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

/**
 * Writes a WordPress export of {@code groups} translation groups (WPML), each a post in uk, en and ru with block
 * markup, emphasis and a link to an earlier post, for the resume test and the import benchmark
 * ({@code bench/import.sh}, which also passes {@code images} to reference that many attachments).
 */
public final class GeneratedExport {

    private static final String[] WORDS = {"river", "barge", "lock", "grain", "port", "council", "tram", "bridge", "market",
            "harbour", "ferry", "storm", "winter", "budget", "school", "hospital", "station", "road", "field", "harvest"};
    private static final String[] UK = {"річка", "баржа", "шлюз", "зерно", "порт", "рада", "трамвай", "міст", "ринок", "гавань"};
    private static final String[] RU = {"река", "баржа", "шлюз", "зерно", "порт", "совет", "трамвай", "мост", "рынок", "гавань"};

    private GeneratedExport() {
    }

    /** {@code FILE GROUPS [IMAGES [UPLOADS_DIR]]}: the export, and with a folder that many small JPEGs in it. */
    public static void main(String[] args) throws IOException {
        int images = args.length > 2 ? Integer.parseInt(args[2]) : 0;
        write(Path.of(args[0]), Integer.parseInt(args[1]), images);
        if (args.length > 3) {
            var folder = Files.createDirectories(Path.of(args[3]).resolve("gen"));
            for (int i = 1; i <= images; i++) {
                var image = new java.awt.image.BufferedImage(480, 320, java.awt.image.BufferedImage.TYPE_INT_RGB);
                var g = image.createGraphics();
                g.setColor(new java.awt.Color((i * 37) % 256, (i * 91) % 256, (i * 13) % 256));
                g.fillRect(0, 0, 480, 320);
                g.setColor(java.awt.Color.WHITE);
                g.drawString("image " + i, 20, 40);
                g.dispose();
                javax.imageio.ImageIO.write(image, "jpg", folder.resolve(i + ".jpg").toFile());
            }
        }
    }

    public static void write(Path file, int groups, int images) throws IOException {
        var random = new Random(19);
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("""
                    <?xml version="1.0" encoding="UTF-8" ?>
                    <rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/"
                     xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/"
                     xmlns:wp="http://wordpress.org/export/1.2/">
                    <channel><title>Generated</title><link>https://generated.example</link><language>en</language>
                    <wp:wxr_version>1.2</wp:wxr_version><wp:base_site_url>https://generated.example</wp:base_site_url>
                    <wp:base_blog_url>https://generated.example</wp:base_blog_url>
                    <wp:author><wp:author_id>1</wp:author_id><wp:author_login>desk</wp:author_login><wp:author_display_name>Desk</wp:author_display_name></wp:author>
                    """);
            for (int c = 0; c < 8; c++) {
                out.write("<wp:category><wp:term_id>" + (c + 1) + "</wp:term_id><wp:category_nicename>gen-section-" + c
                        + "</wp:category_nicename><wp:category_parent></wp:category_parent><wp:cat_name>Section " + c
                        + "</wp:cat_name></wp:category>\n");
            }
            for (int i = 1; i <= images; i++) {
                out.write("<item><title>image " + i + "</title><wp:post_id>" + (10_000_000 + i) + "</wp:post_id>"
                        + "<wp:post_type>attachment</wp:post_type><wp:status>inherit</wp:status>"
                        + "<excerpt:encoded><![CDATA[Caption " + i + "]]></excerpt:encoded>"
                        + "<wp:attachment_url>https://generated.example/wp-content/uploads/gen/" + i + ".jpg</wp:attachment_url>"
                        + "<wp:postmeta><wp:meta_key>_wp_attachment_image_alt</wp:meta_key><wp:meta_value>Alt " + i
                        + "</wp:meta_value></wp:postmeta></item>\n");
            }
            long id = 1;
            for (int g = 1; g <= groups; g++) {
                for (var language : new String[] {"en", "uk", "ru"}) {
                    var words = language.equals("en") ? WORDS : language.equals("uk") ? UK : RU;
                    var title = new StringBuilder();
                    for (int w = 0; w < 6; w++) {
                        title.append(w == 0 ? "" : " ").append(words[random.nextInt(words.length)]);
                    }
                    var body = new StringBuilder();
                    for (int p = 0; p < 4; p++) {
                        body.append("<!-- wp:paragraph --><p>");
                        for (int w = 0; w < 40; w++) {
                            var word = words[random.nextInt(words.length)];
                            body.append(w == 5 ? "<strong>" + word + "</strong>" : w == 9 ? "<em>" + word + "</em>" : word).append(' ');
                        }
                        if (g > 1 && p == 0) {
                            body.append("<a href=\"https://generated.example/?p=").append(1 + 3L * random.nextInt(g - 1))
                                    .append("\">earlier</a>");
                        }
                        body.append("</p><!-- /wp:paragraph -->\n");
                    }
                    int image = images > 0 ? 1 + (g - 1) % images : 0;
                    if (image > 0) {
                        body.append("<!-- wp:image --><figure class=\"wp-block-image\"><img class=\"wp-image-").append(10_000_000 + image)
                                .append("\" src=\"https://generated.example/wp-content/uploads/gen/").append(image)
                                .append(".jpg\" alt=\"\"/></figure><!-- /wp:image -->\n");
                    }
                    out.write("<item><title><![CDATA[" + title + " " + g + "]]></title><link>https://generated.example/" + language
                            + "/" + g + "/</link><dc:creator>desk</dc:creator>"
                            + "<content:encoded><![CDATA[" + body + "]]></content:encoded><excerpt:encoded><![CDATA[]]></excerpt:encoded>"
                            + "<wp:post_id>" + id + "</wp:post_id><wp:post_date_gmt>2024-0" + (1 + g % 9) + "-1" + (g % 9)
                            + " 10:00:00</wp:post_date_gmt><wp:post_name>post-" + g + "-" + language + "</wp:post_name>"
                            + "<wp:status>publish</wp:status><wp:post_type>post</wp:post_type>"
                            + "<category domain=\"category\" nicename=\"gen-section-" + (g % 8) + "\">Section</category>"
                            + (image > 0 && language.equals("en") ? "<wp:postmeta><wp:meta_key>_thumbnail_id</wp:meta_key><wp:meta_value>"
                                    + (10_000_000 + image) + "</wp:meta_value></wp:postmeta>" : "")
                            + "<wp:postmeta><wp:meta_key>_wpml_import_language_code</wp:meta_key><wp:meta_value>" + language
                            + "</wp:meta_value></wp:postmeta>"
                            + "<wp:postmeta><wp:meta_key>_wpml_import_source_language_code</wp:meta_key><wp:meta_value>"
                            + (language.equals("en") ? "" : "en") + "</wp:meta_value></wp:postmeta>"
                            + "<wp:postmeta><wp:meta_key>_wpml_import_translation_group</wp:meta_key><wp:meta_value>" + g
                            + "</wp:meta_value></wp:postmeta></item>\n");
                    id++;
                }
            }
            out.write("</channel></rss>\n");
        }
    }
}
