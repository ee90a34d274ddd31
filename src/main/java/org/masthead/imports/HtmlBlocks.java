package org.masthead.imports;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Comment;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jspecify.annotations.Nullable;
import org.masthead.content.Block;
import org.masthead.content.ContentRules;
import org.masthead.content.Mark;
import org.masthead.content.RichText;

/**
 * Turns the HTML of another platform's post (WordPress block markup or classic-editor HTML, Ghost's rendered HTML)
 * into typed blocks whose texts carry marks: bold, italic, superscript, subscript, line breaks and links, a link to
 * another imported post becoming a link to its story. Nothing of the HTML is kept as HTML: what has no block of its
 * own (a shortcode, an unknown block, a script) is kept as text or left out, and each such case is noted.
 */
final class HtmlBlocks {

    /** Finds what the archive's own addresses and images became. */
    interface Resolver {

        /** The story an address of the old site (absolute or relative) now is, if it was an imported post. */
        Optional<Long> story(String href);

        /** The address to keep for an outside link, made absolute against the old site when it was relative. */
        String absolute(String href);

        /** The media library's image for an image of the post ({@code attachmentId} 0 when unknown). */
        Optional<Image> image(String src, long attachmentId);
    }

    record Image(long mediaId, String caption, String credit, String alt) {
    }

    record Result(List<Block> blocks, List<String> notes) {
    }

    private static final Set<String> KNOWN_BLOCKS = Set.of("paragraph", "heading", "list", "list-item", "quote",
            "pullquote", "image", "gallery", "embed", "separator", "table", "spacer", "group", "columns", "column",
            "more", "nextpage", "freeform", "html", "preformatted", "code", "verse", "audio", "video", "file",
            "cover", "media-text", "buttons", "button", "shortcode");
    private static final Set<String> BLOCK_TAGS = Set.of("p", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol",
            "blockquote", "figure", "table", "hr", "div", "pre", "iframe", "img", "section", "article", "aside",
            "header", "footer", "dl", "video", "audio", "object", "embed", "script", "style", "form", "figcaption");
    private static final Pattern BLOCK_COMMENT = Pattern.compile("^\\s*(/?)wp:([a-z0-9-]+(?:/[a-z0-9-]+)?)(\\s.*?)?(/?)\\s*$",
            Pattern.DOTALL);
    private static final Pattern SHORTCODE = Pattern.compile("\\[(/?)([a-zA-Z][a-zA-Z0-9_-]*)((?:\\s[^\\]]*)?)\\]");
    private static final Pattern CAPTION = Pattern.compile("\\[caption([^\\]]*)\\](.*?)\\[/caption\\]",
            Pattern.DOTALL | Pattern.CASE_INSENSITIVE);
    private static final Pattern GALLERY = Pattern.compile("\\[gallery([^\\]]*)\\]", Pattern.CASE_INSENSITIVE);
    private static final Pattern EMBED_CODE = Pattern.compile("\\[embed[^\\]]*\\](.*?)\\[/embed\\]",
            Pattern.DOTALL | Pattern.CASE_INSENSITIVE);
    private static final Pattern IDS = Pattern.compile("ids=\"([0-9,\\s]+)\"");
    private static final Pattern WP_IMAGE_CLASS = Pattern.compile("wp-image-(\\d+)");
    private static final Pattern URL_LINE = Pattern.compile("\\s*(https?://\\S+)\\s*");
    private static final Pattern BLANK_LINES = Pattern.compile("\\n\\s*\\n");
    private static final Pattern BLOCK_START = Pattern.compile(
            "^\\s*<(?:p|h[1-6]|ul|ol|blockquote|figure|table|hr|div|pre|iframe|section|dl|script|style|form|!--)[\\s>/]",
            Pattern.CASE_INSENSITIVE);

    private final Resolver resolver;
    private final List<Block> blocks = new ArrayList<>();
    private final Set<String> notes = new LinkedHashSet<>();
    private int nextId;

    private HtmlBlocks(Resolver resolver) {
        this.resolver = resolver;
    }

    /** Converts one post's HTML; {@code classic} true for text written without block markup (WordPress classic editor). */
    static Result convert(String html, Resolver resolver) {
        var converter = new HtmlBlocks(resolver);
        try {
            converter.run(html);
        } catch (StackOverflowError tooDeep) {
            // elements nested deeper than the conversion can follow: the text is what can be saved
            var text = new HtmlBlocks(resolver);
            text.plainText(html);
            return new Result(List.copyOf(text.blocks), List.copyOf(text.notes));
        }
        return new Result(List.copyOf(converter.blocks), List.copyOf(converter.notes));
    }

    /**
     * The text of the HTML alone, a paragraph for each block-level element, walked without recursion (so no depth
     * of nesting can stop it): what a post whose markup cannot be converted keeps, without its formatting.
     */
    private void plainText(String html) {
        var body = Jsoup.parseBodyFragment(html.replace("\r\n", "\n").replace('\r', '\n')).body();
        var paragraphs = new ArrayList<String>();
        var current = new StringBuilder();
        org.jsoup.select.NodeTraversor.traverse(new org.jsoup.select.NodeVisitor() {
            @Override
            public void head(Node node, int depth) {
                if (node instanceof org.jsoup.nodes.TextNode text) {
                    current.append(text.text());
                } else if (node instanceof Element e && (e.normalName().equals("br") || BLOCK_TAGS.contains(e.normalName()))) {
                    end();
                }
            }

            @Override
            public void tail(Node node, int depth) {
                if (node instanceof Element e && BLOCK_TAGS.contains(e.normalName())) {
                    end();
                }
            }

            private void end() {
                var text = current.toString().replaceAll("\\s+", " ").strip();
                if (!text.isEmpty()) {
                    paragraphs.add(text);
                }
                current.setLength(0);
            }
        }, body);
        var rest = current.toString().replaceAll("\\s+", " ").strip();
        if (!rest.isEmpty()) {
            paragraphs.add(rest);
        }
        notes.add("the markup is nested too deeply to be converted: its text was kept as paragraphs, without formatting,"
                + " links or images");
        for (var text : paragraphs) {
            paragraph(RichText.plain(text));
        }
        if (blocks.size() > ContentRules.MAX_BLOCKS) {
            notes.add("the body had " + blocks.size() + " blocks; the first " + ContentRules.MAX_BLOCKS + " were kept");
            blocks.subList(ContentRules.MAX_BLOCKS, blocks.size()).clear();
        }
    }

    private void run(String html) {
        var source = html.replace("\r\n", "\n").replace('\r', '\n');
        if (!source.contains("<!-- wp:")) {
            source = autoParagraphs(source);
        }
        source = shortcodes(source);
        var body = Jsoup.parseBodyFragment(source).body();
        flow(body.childNodes());
        // what an unknown Gutenberg block said is kept as text; the block itself is named in the report
        if (blocks.size() > ContentRules.MAX_BLOCKS) {
            notes.add("the body had " + blocks.size() + " blocks; the first " + ContentRules.MAX_BLOCKS + " were kept");
            blocks.subList(ContentRules.MAX_BLOCKS, blocks.size()).clear();
        }
    }

    /**
     * What WordPress does to classic-editor text before showing it ({@code wpautop}): a blank line ends a paragraph,
     * a single line break is a line break. Runs that already start with a block-level element are left as they are.
     */
    static String autoParagraphs(String text) {
        var out = new StringBuilder();
        for (var chunk : BLANK_LINES.split(text)) {
            var trimmed = chunk.strip();
            if (trimmed.isEmpty()) {
                continue;
            }
            if (BLOCK_START.matcher(trimmed).find() || trimmed.startsWith("[caption") || trimmed.startsWith("[gallery")) {
                out.append(trimmed).append('\n');
            } else if (URL_LINE.matcher(trimmed).matches()) {
                // a URL alone on its line is an embed in WordPress
                out.append("<figure class=\"wp-block-embed\">").append(trimmed).append("</figure>\n");
            } else {
                out.append("<p>").append(trimmed.replace("\n", "<br>\n")).append("</p>\n");
            }
        }
        return out.toString();
    }

    /**
     * The shortcodes that mean something Masthead has (an image with its caption, a gallery, an embed) become the
     * HTML for it; every other one stays as text and is noted.
     */
    private String shortcodes(String source) {
        var captions = CAPTION.matcher(source);
        var out = new StringBuilder();
        while (captions.find()) {
            var inner = captions.group(2);
            var image = Jsoup.parseBodyFragment(inner).body();
            var img = image.selectFirst("img");
            var html = new StringBuilder("<figure>");
            if (img != null) {
                var link = img.parent() != null && img.parent().tagName().equals("a") ? img.parent() : img;
                html.append(img.outerHtml());
                link.remove();
            }
            html.append("<figcaption>").append(image.html()).append("</figcaption></figure>");
            captions.appendReplacement(out, Matcher.quoteReplacement(html.toString()));
        }
        captions.appendTail(out);
        source = out.toString();
        var galleries = GALLERY.matcher(source);
        out = new StringBuilder();
        while (galleries.find()) {
            var ids = IDS.matcher(galleries.group(1));
            var html = new StringBuilder("<figure class=\"wp-block-gallery\">");
            if (ids.find()) {
                for (var id : ids.group(1).split(",")) {
                    if (!id.isBlank()) {
                        html.append("<img class=\"wp-image-").append(id.strip()).append("\" src=\"\">");
                    }
                }
            } else {
                notes.add("a [gallery] without ids was left out");
            }
            galleries.appendReplacement(out, Matcher.quoteReplacement(html.append("</figure>").toString()));
        }
        galleries.appendTail(out);
        source = EMBED_CODE.matcher(out.toString()).replaceAll(m -> Matcher.quoteReplacement(
                "<figure class=\"wp-block-embed\">" + m.group(1).strip() + "</figure>"));
        var rest = SHORTCODE.matcher(source);
        while (rest.find()) {
            var name = rest.group(2).toLowerCase(Locale.ROOT);
            boolean closing = !rest.group(1).isEmpty();
            boolean attributes = rest.group(3).contains("=");
            if (closing || attributes || source.contains("[/" + rest.group(2) + "]")) {
                notes.add("shortcode [" + name + "] kept as text");
            }
        }
        return source;
    }

    /**
     * The nodes of the body or of a container: block-level elements become blocks, and each run of text and inline
     * elements between them one paragraph, as a browser (and WordPress's {@code wpautop}) would show them.
     */
    private void flow(List<Node> nodes) {
        var run = new ArrayList<Node>();
        for (var node : nodes) {
            boolean block = node instanceof Comment || node instanceof Element e && BLOCK_TAGS.contains(e.normalName());
            if (!block) {
                run.add(node);
                continue;
            }
            paragraph(inline(run));
            run.clear();
            if (node instanceof Comment comment) {
                comment(comment);
            } else {
                element((Element) node);
            }
        }
        paragraph(inline(run));
    }

    private void comment(Comment comment) {
        var m = BLOCK_COMMENT.matcher(comment.getData());
        if (!m.matches() || !m.group(1).isEmpty()) {
            return;
        }
        var name = m.group(2);
        var core = name.startsWith("core/") ? name.substring(5) : name;
        if (!KNOWN_BLOCKS.contains(core)) {
            notes.add("block wp:" + name + " kept as text");
        } else if (Set.of("html", "audio", "video", "file", "code", "preformatted", "verse", "cover", "media-text",
                "buttons", "button", "shortcode", "freeform").contains(core)) {
            notes.add("block wp:" + core + " kept as text");
        }
        if (core.equals("embed") || core.startsWith("embed/") || name.startsWith("core-embed/")) {
            var attributes = m.group(3) == null ? "" : m.group(3);
            var url = Pattern.compile("\"url\"\\s*:\\s*\"([^\"]+)\"").matcher(attributes);
            if (url.find()) {
                pendingEmbed = url.group(1).replace("\\/", "/");
            }
        }
    }

    /** The address named in an embed block's comment, taken by the figure that follows it. */
    private @Nullable String pendingEmbed;

    private void element(Element element) {
        var tag = element.normalName();
        switch (tag) {
            case "p" -> paragraphWithImages(element);
            case "h1", "h2", "h3", "h4", "h5", "h6" -> {
                var text = inline(element.childNodes());
                if (!text.isBlank()) {
                    blocks.add(new Block.Subheading(id(), text));
                }
            }
            case "ul", "ol" -> list(element, tag.equals("ol"));
            case "blockquote" -> quote(element);
            case "figure" -> figure(element);
            case "img" -> image(element, RichText.EMPTY);
            case "table" -> table(element);
            case "hr" -> {
                // a separator: the blocks around it are apart already
            }
            case "iframe" -> {
                var src = element.attr("src");
                embed(src, element.attr("title"));
            }
            case "script", "style", "form", "object", "embed", "video", "audio" -> notes.add("<" + tag + "> left out");
            case "pre" -> {
                notes.add("preformatted text kept as a paragraph");
                paragraph(inline(element.childNodes()));
            }
            case "div", "section", "article", "aside", "header", "footer", "dl", "figcaption" -> {
                if (element.hasClass("wp-block-embed__wrapper")) {
                    embed(element.text().strip(), "");
                    return;
                }
                boolean hasBlocks = element.children().stream().anyMatch(c -> BLOCK_TAGS.contains(c.normalName()));
                if (hasBlocks) {
                    flow(element.childNodes());
                } else {
                    paragraph(inline(element.childNodes()));
                }
            }
            default -> paragraph(inline(List.of(element)));
        }
    }

    /** A paragraph that holds images (classic posts often do) becomes the text around them and image blocks. */
    private void paragraphWithImages(Element p) {
        var run = new ArrayList<Node>();
        for (var child : p.childNodes()) {
            var img = child instanceof Element e ? (e.normalName().equals("img") ? e : e.normalName().equals("a")
                    && e.children().size() == 1 && e.child(0).normalName().equals("img") && e.text().isBlank() ? e.child(0) : null)
                    : null;
            if (img != null) {
                paragraph(inline(run));
                run.clear();
                image(img, RichText.EMPTY);
            } else {
                run.add(child);
            }
        }
        paragraph(inline(run));
    }

    private void paragraph(RichText text) {
        if (!text.isBlank()) {
            for (var part : split(text)) {
                blocks.add(new Block.Paragraph(id(), part));
            }
        }
    }

    /** A text longer than a block may hold is cut at line breaks or sentence ends into several. */
    private List<RichText> split(RichText text) {
        if (text.text().length() <= ContentRules.MAX_TEXT) {
            return List.of(text);
        }
        var parts = new ArrayList<RichText>();
        var rest = text;
        while (rest.text().length() > ContentRules.MAX_TEXT) {
            int cut = rest.text().lastIndexOf(". ", ContentRules.MAX_TEXT - 1);
            cut = cut < ContentRules.MAX_TEXT / 2 ? ContentRules.MAX_TEXT : cut + 1;
            if (Character.isHighSurrogate(rest.text().charAt(cut - 1))) {
                cut--;
            }
            parts.add(rest.slice(0, cut).strip());
            rest = rest.slice(cut, rest.text().length()).strip();
        }
        parts.add(rest);
        notes.add("a long paragraph was split");
        return parts;
    }

    private void list(Element list, boolean ordered) {
        var items = new ArrayList<RichText>();
        for (var li : list.children()) {
            if (!li.normalName().equals("li")) {
                continue;
            }
            // a nested list is read into its item's text, on lines of its own
            var text = inline(li.childNodes());
            if (!text.isBlank()) {
                items.add(text);
            }
        }
        if (items.size() > ContentRules.MAX_ITEMS) {
            notes.add("a list of " + items.size() + " items was cut into several");
        }
        for (int from = 0; from < items.size(); from += ContentRules.MAX_ITEMS) {
            blocks.add(new Block.BulletList(id(), ordered, items.subList(from, Math.min(items.size(), from + ContentRules.MAX_ITEMS))));
        }
    }

    private void quote(Element quote) {
        var cite = quote.selectFirst("cite");
        var speaker = "";
        if (cite != null) {
            speaker = cite.text().strip().replaceFirst("^[—–-]\\s*", "");
            cite.remove();
        }
        var parts = new ArrayList<Node>();
        for (var child : quote.childNodes()) {
            if (!parts.isEmpty() && child instanceof Element e && e.normalName().equals("p")) {
                parts.add(new Element("br"));
            }
            parts.add(child);
        }
        var text = inline(parts);
        if (text.isBlank()) {
            return;
        }
        if (speaker.isEmpty()) {
            // a quote block names its speaker: words quoted without a name stay a paragraph
            paragraph(text);
            notes.add("a quotation without its speaker was kept as a paragraph");
        } else {
            blocks.add(new Block.Quote(id(), text, speaker.length() > 200 ? speaker.substring(0, 200) : speaker, ""));
        }
    }

    private void figure(Element figure) {
        var embed = pendingEmbed;
        pendingEmbed = null;
        if (figure.hasClass("wp-block-embed") || embed != null) {
            var wrapper = figure.selectFirst(".wp-block-embed__wrapper");
            var url = embed != null ? embed : (wrapper != null ? wrapper : figure).ownText().strip();
            if (url.isEmpty()) {
                url = (wrapper != null ? wrapper : figure).text().strip();
            }
            var iframe = figure.selectFirst("iframe");
            if (url.isEmpty() && iframe != null) {
                url = iframe.attr("src");
            }
            var caption = figure.selectFirst("figcaption");
            embed(url, caption == null ? "" : caption.text());
            return;
        }
        if (figure.hasClass("wp-block-pullquote") || figure.selectFirst("blockquote") != null) {
            var quote = figure.selectFirst("blockquote");
            if (quote != null) {
                quote(quote);
            }
            return;
        }
        if (figure.hasClass("wp-block-table") || figure.selectFirst("table") != null) {
            var table = figure.selectFirst("table");
            if (table != null) {
                table(table);
            }
            return;
        }
        var images = figure.select("img");
        if (images.size() > 1 || figure.hasClass("wp-block-gallery")) {
            for (var img : images) {
                var caption = img.closest("figure") != figure ? img.closest("figure").selectFirst("figcaption") : null;
                image(img, caption == null ? RichText.EMPTY : inline(caption.childNodes()));
            }
            return;
        }
        var caption = figure.selectFirst("figcaption");
        var captionText = caption == null ? RichText.EMPTY : inline(caption.childNodes());
        if (images.size() == 1) {
            image(images.first(), captionText);
        } else if (figure.selectFirst("video, audio, iframe") != null) {
            var media = figure.selectFirst("video, audio, iframe");
            if (media.normalName().equals("iframe")) {
                embed(media.attr("src"), captionText.text());
            } else {
                notes.add("<" + media.normalName() + "> left out");
            }
        } else {
            paragraph(inline(figure.childNodes()));
        }
    }

    private void image(Element img, RichText caption) {
        var src = img.attr("src");
        long attachment = 0;
        var m = WP_IMAGE_CLASS.matcher(img.className());
        if (m.find()) {
            attachment = Long.parseLong(m.group(1));
        } else if (!img.attr("data-id").isEmpty()) {
            attachment = WxrReader.number(img.attr("data-id"));
        }
        var found = resolver.image(src, attachment);
        if (found.isEmpty()) {
            notes.add("image not brought in: " + (src.isEmpty() ? "attachment " + attachment : src));
            if (!caption.isBlank()) {
                blocks.add(new Block.Paragraph(id(), caption));
            }
            return;
        }
        var image = found.get();
        var alt = img.attr("alt").isBlank() ? image.alt() : img.attr("alt").strip();
        blocks.add(new Block.Image(id(), image.mediaId(), caption.isBlank() ? RichText.plain(image.caption()) : caption,
                image.credit(), alt));
    }

    private void embed(String url, String title) {
        url = url.strip();
        if (ContentRules.webAddress(url)) {
            blocks.add(new Block.Embed(id(), url, title.isBlank() ? null : title.strip()));
        } else if (!url.isEmpty()) {
            notes.add("embed of an address that is not on the web left out");
        }
    }

    /** A table becomes a list, one item per row with its cells apart; headings, if any, become the first item. */
    private void table(Element table) {
        var rows = new ArrayList<RichText>();
        for (var row : table.select("tr")) {
            var cells = new ArrayList<Node>();
            for (var cell : row.select("th, td")) {
                if (!cells.isEmpty()) {
                    cells.add(new TextNode(" | "));
                }
                cells.addAll(cell.childNodes());
            }
            var text = inline(cells);
            if (!text.isBlank()) {
                rows.add(text);
            }
        }
        if (rows.isEmpty()) {
            return;
        }
        notes.add("a table was brought in as a list of its rows");
        for (int from = 0; from < rows.size(); from += ContentRules.MAX_ITEMS) {
            blocks.add(new Block.BulletList(id(), false, rows.subList(from, Math.min(rows.size(), from + ContentRules.MAX_ITEMS))));
        }
        var caption = table.parent() != null ? table.parent().selectFirst("figcaption") : null;
        if (caption != null) {
            paragraph(inline(caption.childNodes()));
        }
    }

    private String id() {
        return "b" + (++nextId);
    }

    // ---- inline text

    /** The text and marks of inline nodes, white space collapsed as a browser does. */
    private RichText inline(List<Node> nodes) {
        var builder = new Inline();
        for (var node : nodes) {
            builder.node(node);
        }
        return builder.done();
    }

    private final class Inline {

        private final StringBuilder text = new StringBuilder();
        private final List<Mark> marks = new ArrayList<>();
        private int linkDepth;

        void node(Node node) {
            switch (node) {
                case TextNode t -> append(t.getWholeText());
                case Element e -> element(e);
                default -> {
                }
            }
        }

        private void append(String raw) {
            for (int i = 0; i < raw.length(); i++) {
                char c = raw.charAt(i);
                if (c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f') {
                    if (text.isEmpty() || text.charAt(text.length() - 1) == ' ' || text.charAt(text.length() - 1) == '\n') {
                        continue;
                    }
                    text.append(' ');
                } else {
                    text.append(c);
                }
            }
        }

        private void element(Element e) {
            var tag = e.normalName();
            if (tag.equals("br")) {
                trimSpace();
                text.append('\n');
                return;
            }
            if (Set.of("script", "style", "img", "iframe", "video", "audio", "object", "embed", "form", "input",
                    "button", "select", "textarea", "svg", "noscript", "template").contains(tag)) {
                if (!tag.equals("img")) {
                    notes.add("<" + tag + "> left out");
                }
                return;
            }
            if (Set.of("p", "div", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "tr", "pre").contains(tag)
                    && !text.isEmpty()) {
                trimSpace();
                if (text.charAt(text.length() - 1) != '\n') {
                    text.append('\n');
                }
            }
            int start = text.length();
            e.childNodes().forEach(this::node);
            int end = text.length();
            if (start >= end) {
                return;
            }
            switch (tag) {
                case "strong", "b" -> marks.add(new Mark.Bold(start, end));
                case "em", "i", "cite" -> marks.add(new Mark.Italic(start, end));
                case "sup" -> marks.add(new Mark.Superscript(start, end));
                case "sub" -> marks.add(new Mark.Subscript(start, end));
                case "a" -> link(e, start, end);
                default -> {
                }
            }
        }

        private void link(Element a, int start, int end) {
            var href = a.attr("href").strip();
            if (href.isEmpty() || href.startsWith("#")) {
                return;
            }
            if (marks.stream().anyMatch(m -> m.isLink() && m.start() < end && start < m.end())) {
                return;   // links never nest
            }
            var story = resolver.story(href);
            if (story.isPresent()) {
                marks.add(new Mark.StoryLink(start, end, story.get()));
                return;
            }
            var absolute = resolver.absolute(href);
            if (!ContentRules.linkTarget(absolute)) {
                notes.add("a link to an address that cannot be kept was left out: " + shorten(href));
                return;
            }
            var rel = new ArrayList<String>();
            for (var value : a.attr("rel").toLowerCase(Locale.ROOT).split("\\s+")) {
                if (Mark.RELS.contains(value) && !rel.contains(value)) {
                    rel.add(value);
                }
            }
            marks.add(new Mark.Link(start, end, absolute, rel));
        }

        private void trimSpace() {
            while (!text.isEmpty() && text.charAt(text.length() - 1) == ' ') {
                text.setLength(text.length() - 1);
                int length = text.length();
                marks.replaceAll(m -> m.end() > length ? m.at(Math.min(m.start(), length), length) : m);
            }
        }

        RichText done() {
            trimSpace();
            var kept = marks.stream().filter(m -> m.start() < m.end()).toList();
            // links of a text whose other links would overlap them were dropped above; decorators merge when canonical
            var result = new RichText(text.toString(), dedupe(kept)).strip();
            if (result.marks().size() > ContentRules.MAX_MARKS) {
                notes.add("a text with more than " + ContentRules.MAX_MARKS + " marks was kept without its emphasis");
                result = new RichText(result.text(), result.marks().stream().filter(Mark::isLink)
                        .limit(ContentRules.MAX_MARKS).toList());
            }
            return result;
        }

        /** Two decorators of one kind never overlap: nested bold inside bold becomes one. */
        private List<Mark> dedupe(List<Mark> all) {
            var out = new ArrayList<Mark>();
            for (var mark : all) {
                if (mark.isLink()) {
                    out.add(mark);
                    continue;
                }
                boolean inside = out.stream().anyMatch(o -> o.getClass() == mark.getClass() && o.start() <= mark.start()
                        && mark.end() <= o.end());
                if (inside) {
                    continue;
                }
                out.removeIf(o -> o.getClass() == mark.getClass() && mark.start() <= o.start() && o.end() <= mark.end());
                var overlapping = out.stream().filter(o -> o.getClass() == mark.getClass() && o.start() < mark.end()
                        && mark.start() < o.end()).findFirst();
                if (overlapping.isPresent()) {
                    var o = overlapping.get();
                    out.remove(o);
                    out.add(o.at(Math.min(o.start(), mark.start()), Math.max(o.end(), mark.end())));
                } else {
                    out.add(mark);
                }
            }
            // superscript and subscript never overlap: the inner one wins
            var sup = out.stream().filter(Mark.Superscript.class::isInstance).toList();
            out.removeIf(m -> m instanceof Mark.Subscript s && sup.stream().anyMatch(p -> p.start() < s.end() && s.start() < p.end()));
            return out;
        }
    }

    private static String shorten(String text) {
        return text.length() > 80 ? text.substring(0, 80) + "…" : text;
    }
}
