package org.masthead.imports;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.jspecify.annotations.Nullable;

/**
 * Reads a WordPress export (WXR 1.0, 1.1 and 1.2, with the {@code wp} namespace in its {@code http} or {@code https}
 * form) as a stream: the channel's own elements, then one {@link Item} at a time, so a file of any size is read in
 * bounded memory. A document type declaration is refused before anything in it is read (no external entity, no
 * entity expansion), and a file that is not well-formed XML stops the reading with its line and column.
 */
final class WxrReader {

    /** Longest text of one element kept: an item whose content is longer is read, marked and left out. */
    static final int MAX_TEXT = 4_000_000;

    private static final String JDK_CDATA_CHUNK_SIZE = "jdk.xml.cdataChunkSize";
    private static final Pattern WP_NAMESPACE = Pattern.compile("https?://wordpress\\.org/export/1\\.[0-9]+/");
    private static final DateTimeFormatter WP_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    /** What the channel says about the exported site and its people and terms. */
    record Channel(String title, String link, String language, String baseSiteUrl, String baseBlogUrl,
            String wxrVersion, List<Author> authors, List<Term> terms) {
    }

    record Author(long id, String login, String displayName, String firstName, String lastName) {
    }

    /** A category, tag or other taxonomy term; {@code taxonomy} is "category", "post_tag", "language"... */
    record Term(long id, String taxonomy, String slug, String name, String parent, String description) {
    }

    /** A term an item carries: {@code domain} is its taxonomy ("category", "post_tag", "language"...). */
    record ItemTerm(String domain, String slug, String name) {
    }

    /** One item of the export: a post, a page, an attachment or something else WordPress keeps. */
    record Item(long id, String type, String status, String title, String link, String guid, String creator,
            String content, String excerpt, String slug, @Nullable Instant date, @Nullable Instant modified,
            long parent, String attachmentUrl, List<ItemTerm> terms, Map<String, String> meta, boolean tooLarge,
            int line) {

        String meta(String key) {
            return meta.getOrDefault(key, "");
        }
    }

    /** The file is not a WordPress export this reader can take; {@code line} and {@code column} when known. */
    static final class Unreadable extends RuntimeException {

        Unreadable(String message) {
            super(message);
        }
    }

    private final XMLInputFactory factory;

    WxrReader() {
        factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        factory.setProperty(XMLInputFactory.IS_COALESCING, false);
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        // text and CDATA in pieces, so that no element's text is ever held whole: Woodstox (the implementation on
        // Masthead's class path) does so by itself; the JDK's parser keeps a CDATA section in one piece unless told
        if (factory.isPropertySupported(JDK_CDATA_CHUNK_SIZE)) {
            factory.setProperty(JDK_CDATA_CHUNK_SIZE, 64 * 1024);
        }
        factory.setXMLResolver((publicId, systemId, base, namespace) -> {
            throw new XMLStreamException("External resources are not read: " + systemId);
        });
    }

    /**
     * Reads {@code file}, giving the channel to {@code channel} once its first item (or its end) is reached and each
     * item to {@code items}; {@code withContent} false leaves contents and excerpts out (a first pass that only
     * indexes). Throws {@link Unreadable} for a file that is not well formed or not an export.
     */
    void read(Path file, boolean withContent, Consumer<Channel> channel, Consumer<Item> items) {
        try (InputStream in = Files.newInputStream(file)) {
            read(in, withContent, channel, items);
        } catch (IOException e) {
            throw new Unreadable("The file cannot be read: " + e.getMessage());
        }
    }

    void read(InputStream in, boolean withContent, Consumer<Channel> channel, Consumer<Item> items) {
        XMLStreamReader xml = null;
        try {
            xml = factory.createXMLStreamReader(in);
            new Parse(xml, withContent, channel, items).run();
        } catch (XMLStreamException e) {
            var at = e.getLocation();
            var message = e.getMessage() == null ? "" : e.getMessage().replaceFirst("(?s)^ParseError at \\[row,col\\]:\\[\\d+,\\d+\\]\\s*Message:\\s*", "")
                    .replaceFirst("(?s)\\s*at \\[row,col[^\\]]*\\]: \\[\\d+,\\d+\\]\\s*$", "");
            throw new Unreadable(at == null ? "Not well-formed XML: " + message
                    : "Not well-formed XML at line " + at.getLineNumber() + ", column " + at.getColumnNumber() + ": "
                            + message.strip());
        } finally {
            if (xml != null) {
                try {
                    xml.close();
                } catch (XMLStreamException ignored) {
                    // the stream is closed by its owner
                }
            }
        }
    }

    private static String kind(@Nullable String namespace) {
        if (namespace == null || namespace.isEmpty()) {
            return "";
        }
        if (namespace.endsWith("/excerpt/")) {
            return "excerpt";
        }
        if (WP_NAMESPACE.matcher(namespace).matches()) {
            return "wp";
        }
        if (namespace.startsWith("http://purl.org/rss/1.0/modules/content")) {
            return "content";
        }
        if (namespace.startsWith("http://purl.org/dc/elements/1.1")) {
            return "dc";
        }
        return "other";
    }

    /** One pass over the document. */
    private static final class Parse {

        private final XMLStreamReader xml;
        private final boolean withContent;
        private final Consumer<Channel> channelSink;
        private final Consumer<Item> items;
        private final Map<String, String> channel = new LinkedHashMap<>();
        private final List<Author> authors = new ArrayList<>();
        private final List<Term> terms = new ArrayList<>();
        private boolean channelGiven;
        private boolean sawRss;
        private String wxrVersion = "";

        Parse(XMLStreamReader xml, boolean withContent, Consumer<Channel> channel, Consumer<Item> items) {
            this.xml = xml;
            this.withContent = withContent;
            this.channelSink = channel;
            this.items = items;
        }

        void run() throws XMLStreamException {
            int depth = 0;
            while (xml.hasNext()) {
                int event = xml.next();
                if (event == XMLStreamConstants.DTD) {
                    throw new Unreadable("The file declares a document type (DTD at line " + xml.getLocation().getLineNumber()
                            + "): a WordPress export has none, and none is read");
                }
                if (event == XMLStreamConstants.ENTITY_REFERENCE) {
                    throw new Unreadable("The file refers to an entity (&" + xml.getLocalName() + "; at line "
                            + xml.getLocation().getLineNumber() + "): none is expanded");
                }
                if (event == XMLStreamConstants.START_ELEMENT) {
                    depth++;
                    var name = xml.getLocalName();
                    var kind = kind(xml.getNamespaceURI());
                    if (depth == 1) {
                        if (!name.equals("rss")) {
                            throw new Unreadable("Not a WordPress export: the document is <" + name + ">, not <rss>");
                        }
                        sawRss = true;
                    } else if (depth == 3 && kind.isEmpty() && name.equals("item")) {
                        giveChannel();
                        items.accept(item());
                        depth--;
                    } else if (depth == 3) {
                        channelElement(kind, name);
                        depth--;
                    }
                } else if (event == XMLStreamConstants.END_ELEMENT) {
                    depth--;
                }
            }
            if (!sawRss) {
                throw new Unreadable("Not a WordPress export: the file is empty");
            }
            if (wxrVersion.isEmpty()) {
                throw new Unreadable("Not a WordPress export: no wp:wxr_version in the channel");
            }
            giveChannel();
        }

        private void giveChannel() {
            if (channelGiven) {
                return;
            }
            channelGiven = true;
            if (wxrVersion.isEmpty()) {
                throw new Unreadable("Not a WordPress export: no wp:wxr_version before the first item");
            }
            channelSink.accept(new Channel(channel.getOrDefault("title", ""), channel.getOrDefault("link", ""),
                    channel.getOrDefault("language", ""), channel.getOrDefault("wp:base_site_url", ""),
                    channel.getOrDefault("wp:base_blog_url", ""), wxrVersion, List.copyOf(authors), List.copyOf(terms)));
        }

        private void channelElement(String kind, String name) throws XMLStreamException {
            if (kind.equals("wp") && name.equals("author")) {
                var f = children();
                authors.add(new Author(number(f.get("author_id")), f.getOrDefault("author_login", ""),
                        f.getOrDefault("author_display_name", ""), f.getOrDefault("author_first_name", ""),
                        f.getOrDefault("author_last_name", "")));
            } else if (kind.equals("wp") && name.equals("category")) {
                var f = children();
                terms.add(new Term(number(f.get("term_id")), "category", f.getOrDefault("category_nicename", ""),
                        f.getOrDefault("cat_name", ""), f.getOrDefault("category_parent", ""),
                        f.getOrDefault("category_description", "")));
            } else if (kind.equals("wp") && name.equals("tag")) {
                var f = children();
                terms.add(new Term(number(f.get("term_id")), "post_tag", f.getOrDefault("tag_slug", ""),
                        f.getOrDefault("tag_name", ""), "", f.getOrDefault("tag_description", "")));
            } else if (kind.equals("wp") && name.equals("term")) {
                var f = children();
                terms.add(new Term(number(f.get("term_id")), f.getOrDefault("term_taxonomy", ""),
                        f.getOrDefault("term_slug", ""), f.getOrDefault("term_name", ""), f.getOrDefault("term_parent", ""),
                        f.getOrDefault("term_description", "")));
            } else if (kind.equals("wp") && name.equals("wxr_version")) {
                wxrVersion = text(10_000).value();
            } else if (kind.equals("wp")) {
                channel.put("wp:" + name, text(10_000).value());
            } else if (kind.isEmpty() && (name.equals("title") || name.equals("link") || name.equals("language"))) {
                channel.put(name, text(10_000).value());
            } else {
                skip();
            }
        }

        /** The children of the current element as name → text (the wp: elements of an author or a term). */
        private Map<String, String> children() throws XMLStreamException {
            var fields = new LinkedHashMap<String, String>();
            while (true) {
                int event = xml.next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    var name = xml.getLocalName();
                    fields.put(name, text(100_000).value());
                } else if (event == XMLStreamConstants.END_ELEMENT) {
                    return fields;
                } else if (event == XMLStreamConstants.END_DOCUMENT) {
                    throw new XMLStreamException("The file ends inside an element", xml.getLocation());
                }
            }
        }

        private Item item() throws XMLStreamException {
            int line = xml.getLocation().getLineNumber();
            var f = new LinkedHashMap<String, String>();
            var terms = new ArrayList<ItemTerm>();
            var meta = new LinkedHashMap<String, String>();
            boolean tooLarge = false;
            while (true) {
                int event = xml.next();
                if (event == XMLStreamConstants.END_ELEMENT) {
                    break;
                }
                if (event == XMLStreamConstants.END_DOCUMENT) {
                    throw new XMLStreamException("The file ends inside an item", xml.getLocation());
                }
                if (event != XMLStreamConstants.START_ELEMENT) {
                    continue;
                }
                var kind = kind(xml.getNamespaceURI());
                var name = xml.getLocalName();
                if (kind.isEmpty() && name.equals("category")) {
                    var domain = attribute("domain");
                    var slug = attribute("nicename");
                    terms.add(new ItemTerm(domain, slug, text(10_000).value()));
                } else if (kind.equals("wp") && name.equals("postmeta")) {
                    var m = children();
                    var key = m.getOrDefault("meta_key", "");
                    if (!key.isEmpty() && meta.size() < 500) {
                        meta.put(key, m.getOrDefault("meta_value", ""));
                    }
                } else if (kind.equals("wp") && name.equals("comment")) {
                    skip();
                } else if ((kind.equals("content") && name.equals("encoded")) || (kind.equals("excerpt") && name.equals("encoded"))) {
                    var keep = withContent ? MAX_TEXT : 0;
                    var text = text(keep);
                    tooLarge |= text.cut() && withContent;
                    f.put(kind, text.value());
                } else {
                    f.put(kind + ":" + name, text(100_000).value());
                }
            }
            return new Item(number(f.get("wp:post_id")), f.getOrDefault("wp:post_type", "post"),
                    f.getOrDefault("wp:status", ""), f.getOrDefault(":title", ""), f.getOrDefault(":link", ""),
                    f.getOrDefault(":guid", ""), f.getOrDefault("dc:creator", ""), f.getOrDefault("content", ""),
                    f.getOrDefault("excerpt", ""), f.getOrDefault("wp:post_name", ""),
                    date(f.get("wp:post_date_gmt"), f.get("wp:post_date"), f.get(":pubDate")),
                    date(f.get("wp:post_modified_gmt"), f.get("wp:post_modified"), null),
                    number(f.get("wp:post_parent")), f.getOrDefault("wp:attachment_url", ""), List.copyOf(terms),
                    Map.copyOf(meta), tooLarge, line);
        }

        private String attribute(String name) {
            for (int i = 0; i < xml.getAttributeCount(); i++) {
                if (xml.getAttributeLocalName(i).equals(name)) {
                    return xml.getAttributeValue(i);
                }
            }
            return "";
        }

        private record Text(String value, boolean cut) {
        }

        /**
         * The text of the current element (its character data and that of any children), at most {@code max}
         * characters kept; the rest is read and dropped, so a huge element costs no memory.
         */
        private Text text(int max) throws XMLStreamException {
            var out = new StringBuilder();
            boolean cut = false;
            int depth = 1;
            while (depth > 0) {
                int event = xml.next();
                switch (event) {
                    case XMLStreamConstants.START_ELEMENT -> depth++;
                    case XMLStreamConstants.END_ELEMENT -> depth--;
                    case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
                        int length = xml.getTextLength();
                        if (out.length() + length <= max) {
                            out.append(xml.getTextCharacters(), xml.getTextStart(), length);
                        } else {
                            cut |= length > 0;
                        }
                    }
                    case XMLStreamConstants.ENTITY_REFERENCE -> throw new Unreadable("The file refers to an entity (&"
                            + xml.getLocalName() + "; at line " + xml.getLocation().getLineNumber() + "): none is expanded");
                    case XMLStreamConstants.END_DOCUMENT -> throw new XMLStreamException("The file ends inside an element",
                            xml.getLocation());
                    default -> {
                    }
                }
            }
            return new Text(out.toString().strip(), cut);
        }

        private void skip() throws XMLStreamException {
            text(0);
        }
    }

    static long number(@Nullable String text) {
        if (text == null || text.isBlank()) {
            return 0;
        }
        try {
            return Long.parseLong(text.strip());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** The GMT date if WordPress wrote one (drafts carry 0000-00-00), else the local date read as UTC, else pubDate. */
    static @Nullable Instant date(@Nullable String gmt, @Nullable String local, @Nullable String rfc822) {
        for (var candidate : new String[] {gmt, local}) {
            if (candidate != null && !candidate.isBlank() && !candidate.startsWith("0000")) {
                try {
                    return LocalDateTime.parse(candidate.strip(), WP_DATE).toInstant(ZoneOffset.UTC);
                } catch (DateTimeParseException ignored) {
                    // try the next form
                }
            }
        }
        if (rfc822 != null && !rfc822.isBlank()) {
            try {
                return ZonedDateTime.parse(rfc822.strip(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            } catch (DateTimeParseException ignored) {
                return null;
            }
        }
        return null;
    }
}
