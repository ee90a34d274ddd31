package org.masthead.distribution;

import java.io.StringReader;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;

/**
 * The rules of the W3C Feed Validator (validator.w3.org/feed, its source's {@code channel.py},
 * {@code item.py}, {@code entry.py}, {@code feed.py}, {@code media.py} and {@code validators.py}) that apply
 * to the feeds Masthead writes, checked in Java so the build can run them: what the validator reports as an
 * error or a warning at its default level. Each problem is one line naming the rule.
 */
final class FeedChecks {

    static final String ATOM = "http://www.w3.org/2005/Atom";
    static final String DC = "http://purl.org/dc/elements/1.1/";
    static final String MEDIA = "http://search.yahoo.com/mrss/";
    static final String CONTENT = "http://purl.org/rss/1.0/modules/content/";

    /** validators.py {@code email_with_name}: an address, then optionally a name in parentheses. */
    private static final Pattern EMAIL_WITH_NAME = Pattern.compile(
            "[\\w.!#$%&'*+/=?^`{|}~-]+@[\\w-]+(\\.[\\w-]+)+( \\([^()]+\\))?");
    /** validators.py {@code httpURL}: http(s), a dotted host name or address, an optional port. */
    private static final Pattern FULL_HTTP_URL = Pattern.compile("https?://[\\w-]+(\\.[\\w-]+)+(:\\d+)?(/\\S*)?");
    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2}(-[A-Za-z]{2})?");
    /** validators.py {@code nonhtml}: HTML end tags or entity references in plain text. */
    private static final Pattern HTML_IN_TEXT = Pattern.compile("</\\w+>|&#?\\w+;");
    private static final Set<String> DUPLICATE_SEMANTICS = Set.of("pubDate/date", "language/language",
            "copyright/rights", "managingEditor/creator", "author/creator", "category/subject", "guid/id");

    private FeedChecks() {
    }

    /** The problems of an RSS 2.0 document fetched from {@code address}; empty when the validator finds none. */
    static List<String> rss(String xml, String address) {
        var problems = new ArrayList<String>();
        var document = parse(xml, problems);
        if (document == null) {
            return problems;
        }
        var rss = document.getDocumentElement();
        require(problems, "rss".equals(rss.getLocalName()) && "2.0".equals(rss.getAttribute("version")),
                "root element: rss version 2.0");
        var channel = child(rss, null, "channel");
        if (channel == null) {
            problems.add("MissingElement: channel");
            return problems;
        }
        for (var name : List.of("title", "link", "description")) {
            require(problems, !text(channel, null, name).isBlank(), "Missing" + name + ": channel needs " + name);
        }
        checkUrl(problems, "channel link", text(channel, null, "link"));
        var language = text(channel, null, "language");
        require(problems, LANGUAGE.matcher(language).matches(), "InvalidLanguage: " + language);
        duplicates(problems, channel, "channel");
        var editor = text(channel, null, "managingEditor");
        require(problems, editor.isEmpty() || EMAIL_WITH_NAME.matcher(editor).matches(),
                "InvalidContact: managingEditor must be an e-mail address with an optional name: " + editor);
        for (var date : List.of("lastBuildDate", "pubDate")) {
            var value = text(channel, null, date);
            require(problems, value.isEmpty() || rfc822(value), "InvalidRFC2822Date: " + date + " " + value);
        }
        var selfLinks = children(channel, ATOM, "link").stream().filter(l -> "self".equals(l.getAttribute("rel"))).toList();
        require(problems, selfLinks.size() == 1, "MissingAtomSelfLink: one atom:link rel=\"self\"");
        selfLinks.forEach(link -> {
            require(problems, address.equals(link.getAttribute("href")),
                    "SelfDoesntMatchLocation: " + link.getAttribute("href") + " fetched from " + address);
            require(problems, "application/rss+xml".equals(link.getAttribute("type")), "self link type");
        });
        var guids = new HashSet<String>();
        for (var item : children(channel, null, "item")) {
            var title = text(item, null, "title");
            require(problems, !title.isEmpty() || !text(item, null, "description").isEmpty(),
                    "ItemMustContainTitleOrDescription");
            plainText(problems, item, "title");
            checkUrl(problems, "item link", text(item, null, "link"));
            var guid = child(item, null, "guid");
            require(problems, guid != null, "MissingGuid: " + title);
            if (guid != null) {
                require(problems, guids.add(guid.getTextContent()), "DuplicateValue: guid " + guid.getTextContent());
                require(problems, "false".equals(guid.getAttribute("isPermaLink")) || guid.getTextContent().startsWith("http"),
                        "InvalidPermalink: guid");
            }
            var pubDate = text(item, null, "pubDate");
            require(problems, rfc822(pubDate), "InvalidRFC2822Date: item pubDate " + pubDate);
            require(problems, children(item, null, "pubDate").size() == 1, "DuplicateElement: pubDate");
            require(problems, children(item, null, "author").isEmpty()
                    || EMAIL_WITH_NAME.matcher(text(item, null, "author")).matches(), "InvalidContact: author");
            duplicates(problems, item, "item");
            for (var category : children(item, null, "category")) {
                require(problems, !category.getTextContent().isBlank(), "NotBlank: category");
            }
            var enclosures = children(item, null, "enclosure");
            require(problems, enclosures.size() <= 1, "DuplicateEnclosure");
            enclosures.forEach(enclosure -> {
                checkUrl(problems, "enclosure url", enclosure.getAttribute("url"));
                require(problems, enclosure.getAttribute("length").matches("\\d+"), "InvalidIntegerAttribute: length");
                require(problems, enclosure.getAttribute("type").matches("[a-z]+/[\\w.+-]+"), "InvalidMIMEAttribute");
            });
            var content = child(item, CONTENT, "encoded");
            require(problems, content == null || child(item, null, "description") != null,
                    "NeedDescriptionBeforeContent");
            media(problems, item);
        }
        rawText(problems, xml);
        return problems;
    }

    /** The problems of an Atom 1.0 document fetched from {@code address}; empty when the validator finds none. */
    static List<String> atom(String xml, String address) {
        var problems = new ArrayList<String>();
        var document = parse(xml, problems);
        if (document == null) {
            return problems;
        }
        var feed = document.getDocumentElement();
        require(problems, ATOM.equals(feed.getNamespaceURI()) && "feed".equals(feed.getLocalName()), "root: atom:feed");
        for (var name : List.of("id", "title", "updated")) {
            require(problems, children(feed, ATOM, name).size() == 1, "MissingElement or DuplicateElement: feed " + name);
        }
        textConstruct(problems, child(feed, ATOM, "title"));
        textConstruct(problems, child(feed, ATOM, "subtitle"));
        var rights = child(feed, ATOM, "rights");
        require(problems, rights == null || List.of("", "text").contains(rights.getAttribute("type")), "rights typed as text");
        require(problems, rfc3339(text(feed, ATOM, "updated")), "InvalidRFC3339Date: feed updated");
        var self = children(feed, ATOM, "link").stream().filter(l -> "self".equals(l.getAttribute("rel"))).toList();
        require(problems, self.size() == 1, "MissingSelf: one link rel=\"self\"");
        self.forEach(link -> require(problems, address.equals(link.getAttribute("href")),
                "SelfDoesntMatchLocation: " + link.getAttribute("href")));
        require(problems, children(feed, ATOM, "link").stream().anyMatch(l -> "alternate".equals(l.getAttribute("rel"))
                && "text/html".equals(l.getAttribute("type"))), "feed link rel=alternate type=text/html");
        boolean feedAuthor = !children(feed, ATOM, "author").isEmpty();
        people(problems, feed);
        var ids = new HashSet<String>();
        var updated = new HashSet<String>();
        for (var entry : children(feed, ATOM, "entry")) {
            require(problems, updated.add(text(entry, ATOM, "updated")),
                    "DuplicateUpdated: two entries with the same atom:updated " + text(entry, ATOM, "updated"));
            for (var name : List.of("id", "title", "updated")) {
                require(problems, children(entry, ATOM, name).size() == 1, "MissingElement or DuplicateElement: entry " + name);
            }
            require(problems, ids.add(text(entry, ATOM, "id")), "DuplicateEntries: " + text(entry, ATOM, "id"));
            require(problems, text(entry, ATOM, "id").matches("(tag|urn|https?):\\S+"), "InvalidIRI: entry id");
            textConstruct(problems, child(entry, ATOM, "title"));
            textConstruct(problems, child(entry, ATOM, "summary"));
            require(problems, rfc3339(text(entry, ATOM, "updated")), "InvalidRFC3339Date: entry updated");
            require(problems, rfc3339(text(entry, ATOM, "published")), "InvalidRFC3339Date: entry published");
            require(problems, feedAuthor || !children(entry, ATOM, "author").isEmpty(), "MissingAuthor: entry");
            people(problems, entry);
            var content = child(entry, ATOM, "content");
            require(problems, content == null || List.of("html", "text").contains(content.getAttribute("type")),
                    "content type");
            require(problems, children(entry, ATOM, "link").stream().anyMatch(l -> "alternate".equals(l.getAttribute("rel"))),
                    "MissingAlternateLink: entry");
            for (var category : children(entry, ATOM, "category")) {
                require(problems, !category.getAttribute("term").isBlank(), "MissingAttribute: category term");
            }
            media(problems, entry);
        }
        return problems;
    }

    /** The Media RSS of an item: media.py's checks of media:content and its credit and description. */
    private static void media(List<String> problems, Element item) {
        for (var content : children(item, MEDIA, "content")) {
            checkUrl(problems, "media:content url", content.getAttribute("url"));
            for (var number : List.of("width", "height", "fileSize")) {
                require(problems, content.getAttribute(number).matches("\\d+"), "InvalidNonNegativeInteger: media " + number);
            }
            require(problems, List.of("image", "audio", "video", "document", "executable").contains(content.getAttribute("medium")),
                    "InvalidMediaMedium");
            for (var description : children(content, MEDIA, "description")) {
                require(problems, List.of("plain", "html").contains(description.getAttribute("type")), "InvalidMediaTextType");
                if ("plain".equals(description.getAttribute("type"))) {
                    require(problems, !HTML_IN_TEXT.matcher(description.getTextContent()).find(), "ContainsHTML: media:description");
                }
            }
            for (var credit : children(content, MEDIA, "credit")) {
                require(problems, !credit.getTextContent().isBlank(), "NotBlank: media:credit");
            }
        }
    }

    /** Pairs of a core element and its Dublin Core twin that the validator reports (DuplicateSemantics). */
    private static void duplicates(List<String> problems, Element parent, String where) {
        for (var pair : DUPLICATE_SEMANTICS) {
            var core = pair.substring(0, pair.indexOf('/'));
            var twin = pair.substring(pair.indexOf('/') + 1);
            var twinNamespace = "id".equals(twin) ? ATOM : DC;
            require(problems, child(parent, null, core) == null || child(parent, twinNamespace, twin) == null,
                    "DuplicateSemantics: " + where + " has both " + core + " and " + twin);
        }
    }

    /**
     * validators.py {@code nonhtml} with the RSS Profile: a plain-text field whose parsed text holds an HTML
     * end tag or entity reference is reported unless the document writes its markup characters as
     * hexadecimal references.
     */
    private static void plainText(List<String> problems, Element parent, String name) {
        var value = text(parent, null, name);
        require(problems, !Pattern.compile("</\\w+>").matcher(value).find(), "ContainsHTML: " + name + " " + value);
    }

    /** The RSS Profile: {@code &} and {@code <} in text are written as {@code &#x26;} and {@code &#x3C;}. */
    private static void rawText(List<String> problems, String xml) {
        var text = Pattern.compile(">([^<]*)<").matcher(xml);
        while (text.find()) {
            var chunk = text.group(1);
            require(problems, !chunk.contains("&amp;") && !chunk.contains("&lt;"),
                    "CharacterData: encode & and < in text as &#x26; and &#x3C;: " + chunk);
        }
    }

    /**
     * content.py {@code textConstruct}: typed (text, or html for text that would look like markup), no
     * undeclared HTML in a text one, no C1 controls or replacement characters.
     */
    private static void textConstruct(List<String> problems, Element element) {
        if (element != null) {
            var type = element.getAttribute("type");
            var value = element.getTextContent();
            require(problems, "text".equals(type) || "html".equals(type) && !value.contains("<"),
                    "text construct " + element.getLocalName() + " typed as text (or as html holding escaped text)");
            require(problems, !"text".equals(type) || !Pattern.compile("</\\w+>").matcher(value).find(),
                    "ContainsUndeclaredHTML: " + element.getLocalName() + " " + value);
            require(problems, value.chars().noneMatch(c -> c >= 0x80 && c <= 0x9F || c == 0xFFFD),
                    "BadCharacters: " + element.getLocalName());
        }
    }

    private static void people(List<String> problems, Element parent) {
        for (var person : children(parent, ATOM, "author")) {
            require(problems, !text(person, ATOM, "name").isBlank(), "MissingElement: author name");
            var uri = text(person, ATOM, "uri");
            require(problems, uri.isEmpty() || uri.matches("https?://\\S+"), "InvalidIRI: author uri");
        }
    }

    private static void checkUrl(List<String> problems, String what, String url) {
        require(problems, FULL_HTTP_URL.matcher(url).matches() || url.startsWith("http://localhost:"),
                "InvalidFullLink: " + what + " " + url);
    }

    private static boolean rfc822(String value) {
        try {
            ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    private static boolean rfc3339(String value) {
        return value.matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?(Z|[+-]\\d{2}:\\d{2})");
    }

    private static void require(List<String> problems, boolean condition, String problem) {
        if (!condition) {
            problems.add(problem);
        }
    }

    static Document parse(String xml, List<String> problems) {
        try {
            var factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            return factory.newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
        } catch (Exception e) {
            problems.add("NotWellFormed: " + e.getMessage());
            return null;
        }
    }

    static Element child(Element parent, String namespace, String name) {
        var all = children(parent, namespace, name);
        return all.isEmpty() ? null : all.getFirst();
    }

    static List<Element> children(Element parent, String namespace, String name) {
        var found = new ArrayList<Element>();
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && name.equals(element.getLocalName())
                    && java.util.Objects.equals(namespace, element.getNamespaceURI())) {
                found.add(element);
            }
        }
        return found;
    }

    static String text(Element parent, String namespace, String name) {
        var element = child(parent, namespace, name);
        return element == null ? "" : element.getTextContent();
    }
}
