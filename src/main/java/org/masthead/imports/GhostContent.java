package org.masthead.imports;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import org.jsoup.nodes.Entities;
import tools.jackson.databind.JsonNode;

/**
 * Ghost's two content formats rendered to plain HTML for {@link HtmlBlocks}: Lexical (Ghost 5: a tree of nodes whose
 * text nodes carry a format bit set) and Mobiledoc (Ghost 1–4: sections of markers that open and close markups, and
 * cards). Every text is escaped; what a card holds that Masthead has no block for is rendered as text.
 */
final class GhostContent {

    private static final int BOLD = 1;
    private static final int ITALIC = 2;
    private static final int SUBSCRIPT = 32;
    private static final int SUPERSCRIPT = 64;

    private GhostContent() {
    }

    static String lexical(JsonNode root) {
        var out = new StringBuilder();
        for (var node : root.path("root").path("children")) {
            lexicalBlock(node, out);
        }
        return out.toString();
    }

    private static void lexicalBlock(JsonNode node, StringBuilder out) {
        var type = node.path("type").asString("");
        switch (type) {
            case "paragraph" -> out.append("<p>").append(lexicalInline(node)).append("</p>\n");
            case "heading", "extended-heading" -> {
                var tag = node.path("tag").asString("h2");
                tag = tag.matches("h[1-6]") ? tag : "h2";
                out.append('<').append(tag).append('>').append(lexicalInline(node)).append("</").append(tag).append(">\n");
            }
            case "quote", "aside", "extended-quote" -> out.append("<blockquote><p>").append(lexicalInline(node)).append("</p></blockquote>\n");
            case "list" -> {
                var tag = "number".equals(node.path("listType").asString()) ? "ol" : "ul";
                out.append('<').append(tag).append('>');
                for (var item : node.path("children")) {
                    out.append("<li>").append(lexicalInline(item)).append("</li>");
                }
                out.append("</").append(tag).append(">\n");
            }
            case "image" -> out.append(image(node.path("src").asString(""), node.path("alt").asString(""),
                    node.path("caption").asString("")));
            case "gallery" -> {
                out.append("<figure class=\"wp-block-gallery\">");
                for (var image : node.path("images")) {
                    out.append(image(image.path("src").asString(""), image.path("alt").asString(""), image.path("caption").asString("")));
                }
                out.append("</figure>\n");
            }
            case "embed", "bookmark", "video", "audio" -> {
                var url = node.path("url").asString(node.path("src").asString(""));
                out.append("<figure class=\"wp-block-embed\">").append(escape(url)).append("</figure>\n");
            }
            case "horizontalrule" -> out.append("<hr>\n");
            case "html" -> out.append(node.path("html").asString("")).append('\n');
            case "markdown" -> out.append("<!-- wp:markdown --><p>").append(escape(node.path("markdown").asString("")))
                    .append("</p>\n");
            case "callout" -> out.append("<p>").append(node.path("calloutText").asString("")).append("</p>\n");
            default -> {
                if (node.path("children").isArray()) {
                    out.append("<p>").append(lexicalInline(node)).append("</p>\n");
                } else {
                    out.append("<!-- wp:ghost-").append(type.replaceAll("[^a-z0-9-]", "")).append(" -->\n");
                }
            }
        }
    }

    private static String lexicalInline(JsonNode node) {
        var out = new StringBuilder();
        for (var child : node.path("children")) {
            var type = child.path("type").asString("");
            switch (type) {
                case "text", "extended-text" -> {
                    int format = child.path("format").asInt(0);
                    var text = escape(child.path("text").asString(""));
                    if ((format & SUPERSCRIPT) != 0) {
                        text = "<sup>" + text + "</sup>";
                    }
                    if ((format & SUBSCRIPT) != 0) {
                        text = "<sub>" + text + "</sub>";
                    }
                    if ((format & ITALIC) != 0) {
                        text = "<em>" + text + "</em>";
                    }
                    if ((format & BOLD) != 0) {
                        text = "<strong>" + text + "</strong>";
                    }
                    out.append(text);
                }
                case "linebreak" -> out.append("<br>");
                case "link", "autolink" -> out.append("<a href=\"").append(escape(child.path("url").asString(""))).append("\"")
                        .append(child.path("rel").isString() ? " rel=\"" + escape(child.path("rel").asString()) + "\"" : "")
                        .append('>').append(lexicalInline(child)).append("</a>");
                default -> out.append(lexicalInline(child));
            }
        }
        return out.toString();
    }

    static String mobiledoc(JsonNode doc) {
        var markups = new ArrayList<String[]>();
        for (var markup : doc.path("markups")) {
            var tag = markup.path(0).asString("");
            var href = "";
            var attributes = markup.path(1);
            for (int i = 0; i + 1 < attributes.size(); i += 2) {
                if ("href".equals(attributes.get(i).asString())) {
                    href = attributes.get(i + 1).asString("");
                }
            }
            markups.add(new String[] {tag, href});
        }
        var out = new StringBuilder();
        for (var section : doc.path("sections")) {
            int kind = section.path(0).asInt();
            switch (kind) {
                case 1 -> {
                    var tag = section.path(1).asString("p").toLowerCase(java.util.Locale.ROOT);
                    tag = List.of("p", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "aside").contains(tag) ? tag : "p";
                    if (tag.equals("aside")) {
                        tag = "blockquote";
                    }
                    out.append('<').append(tag).append('>').append(markers(section.path(2), markups)).append("</").append(tag).append(">\n");
                }
                case 3 -> {
                    var tag = "ol".equals(section.path(1).asString()) ? "ol" : "ul";
                    out.append('<').append(tag).append('>');
                    for (var item : section.path(2)) {
                        out.append("<li>").append(markers(item, markups)).append("</li>");
                    }
                    out.append("</").append(tag).append(">\n");
                }
                case 10 -> card(doc.path("cards").path(section.path(1).asInt()), out);
                default -> {
                }
            }
        }
        return out.toString();
    }

    private static String markers(JsonNode markers, List<String[]> markups) {
        var out = new StringBuilder();
        var open = new ArrayDeque<String>();
        for (var marker : markers) {
            for (var index : marker.path(1)) {
                var markup = index.asInt() < markups.size() ? markups.get(index.asInt()) : new String[] {"span", ""};
                var tag = switch (markup[0].toLowerCase(java.util.Locale.ROOT)) {
                    case "b", "strong" -> "strong";
                    case "i", "em" -> "em";
                    case "sup" -> "sup";
                    case "sub" -> "sub";
                    case "a" -> "a";
                    default -> "span";
                };
                out.append('<').append(tag).append(tag.equals("a") ? " href=\"" + escape(markup[1]) + "\"" : "").append('>');
                open.push(tag);
            }
            if (marker.path(0).asInt() == 0) {
                out.append(escape(marker.path(3).asString("")));
            }
            int closed = marker.path(2).asInt(0);
            for (int i = 0; i < closed && !open.isEmpty(); i++) {
                out.append("</").append(open.pop()).append('>');
            }
        }
        while (!open.isEmpty()) {
            out.append("</").append(open.pop()).append('>');
        }
        return out.toString();
    }

    private static void card(JsonNode card, StringBuilder out) {
        var name = card.path(0).asString("");
        var payload = card.path(1);
        switch (name) {
            case "image" -> out.append(image(payload.path("src").asString(""), payload.path("alt").asString(""),
                    payload.path("caption").asString("")));
            case "gallery" -> {
                out.append("<figure class=\"wp-block-gallery\">");
                for (var image : payload.path("images")) {
                    out.append(image(image.path("src").asString(""), image.path("alt").asString(""), image.path("caption").asString("")));
                }
                out.append("</figure>\n");
            }
            case "embed", "bookmark" -> out.append("<figure class=\"wp-block-embed\">").append(escape(payload.path("url").asString("")))
                    .append("</figure>\n");
            case "hr" -> out.append("<hr>\n");
            case "html" -> out.append(payload.path("html").asString("")).append('\n');
            case "markdown", "card-markdown" -> out.append("<!-- wp:markdown --><p>")
                    .append(escape(payload.path("markdown").asString(""))).append("</p>\n");
            default -> out.append("<!-- wp:ghost-").append(name.replaceAll("[^a-z0-9-]", "")).append(" -->\n");
        }
    }

    private static String image(String src, String alt, String caption) {
        return "<figure><img src=\"" + escape(src) + "\" alt=\"" + escape(alt) + "\">"
                + (caption.isBlank() ? "" : "<figcaption>" + caption + "</figcaption>") + "</figure>\n";
    }

    private static String escape(String text) {
        return Entities.escape(text);
    }
}
