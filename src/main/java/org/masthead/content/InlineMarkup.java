package org.masthead.content;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.commonmark.node.Code;
import org.commonmark.node.CustomNode;
import org.commonmark.node.Emphasis;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Image;
import org.commonmark.node.Link;
import org.commonmark.node.LinkReferenceDefinition;
import org.commonmark.node.Node;
import org.commonmark.node.Nodes;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.StrongEmphasis;
import org.commonmark.node.Text;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;
import org.commonmark.parser.delimiter.DelimiterProcessor;
import org.commonmark.parser.delimiter.DelimiterRun;

/**
 * The small markup the newsroom types marks in when no script runs (docs/body-format.md), read with the
 * CommonMark parser and nothing of it but its inline part: {@code **bold**}, {@code *italic*} (or
 * {@code _italic_}), {@code ^superscript^}, {@code ~subscript~}, {@code [text](https://…)} for an outside link
 * with optional rel values as its title ({@code [text](https://… "nofollow sponsored")}),
 * {@code [text](story:42)} for a link to story 42, and a new line for a line break. A backslash makes a
 * mark character plain ({@code \*}). Headings, lists, quotes, code blocks and HTML are not read as such:
 * what looks like them stays text. Markup that cannot be read as meant (a {@code **} without its partner,
 * an image, a blank line) is refused with its position, so nothing typed is silently changed.
 */
public final class InlineMarkup {

    /** Markup that cannot be read as meant: a message key and the 1-based position it concerns. */
    public static final class Unreadable extends RuntimeException {

        private final String messageKey;
        private final int position;

        Unreadable(String messageKey, int position) {
            super(messageKey + " at " + position, null, false, false);
            this.messageKey = messageKey;
            this.position = position;
        }

        public String messageKey() {
            return messageKey;
        }

        public int position() {
            return position;
        }
    }

    /** Longer markup is refused before it is parsed. */
    public static final int MAX_MARKUP = 60_000;

    private static final Pattern STORY = Pattern.compile("story:(\\d{1,18})");
    private static final Pattern ENTITY = Pattern.compile("&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});");

    private static final Parser PARSER = Parser.builder()
            .enabledBlockTypes(Set.of())
            .includeSourceSpans(IncludeSourceSpans.BLOCKS_AND_INLINES)
            .customDelimiterProcessor(new Script('^'))
            .customDelimiterProcessor(new Script('~'))
            .maxInlineNesting(20)
            .build();

    private InlineMarkup() {
    }

    /** Reads markup into a text with marks; throws {@link Unreadable} for markup that is not read as meant. */
    public static RichText parse(String markup) {
        if (markup.length() > MAX_MARKUP) {
            throw new Unreadable("content.markup.too-long", MAX_MARKUP);
        }
        var source = markup.replace("\r\n", "\n").replace('\r', '\n');
        var document = PARSER.parse(source);
        var out = new Builder(source);
        boolean first = true;
        for (var node = document.getFirstChild(); node != null; node = node.getNext()) {
            if (node instanceof LinkReferenceDefinition) {
                throw new Unreadable("content.markup.definition", position(node));
            }
            if (!(node instanceof Paragraph)) {
                continue;
            }
            if (!first) {
                throw new Unreadable("content.markup.paragraphs", position(node));
            }
            first = false;
            out.children(node);
        }
        return out.result();
    }

    /** Writes a text as markup that {@link #parse} reads back to the same text and marks. */
    public static String write(RichText text) {
        var out = new StringBuilder(text.text().length() + 16 * text.marks().size());
        // emphasis that opens right where other emphasis closed is written with underscores, so that the
        // delimiter runs stay apart ("**a *b***_c_" rather than "**a *b****c*")
        var delimiters = new java.util.ArrayDeque<String>();
        InlineTree.walk(text, new InlineTree.Visitor() {
            @Override
            public void open(Mark mark) {
                boolean afterStars = !out.isEmpty() && out.charAt(out.length() - 1) == '*';
                var delimiter = switch (mark) {
                    case Mark.Link l -> "[";
                    case Mark.StoryLink l -> "[";
                    case Mark.Bold b -> afterStars ? "__" : "**";
                    case Mark.Italic i -> afterStars ? "_" : "*";
                    case Mark.Superscript s -> "^";
                    case Mark.Subscript s -> "~";
                };
                delimiters.push(delimiter);
                out.append(delimiter);
            }

            @Override
            public void close(Mark mark) {
                var delimiter = delimiters.pop();
                out.append(switch (mark) {
                    case Mark.Link l -> "](" + destination(l.href())
                            + (l.rel().isEmpty() ? "" : " \"" + String.join(" ", l.rel()) + "\"") + ")";
                    case Mark.StoryLink l -> "](story:" + l.storyId() + ")";
                    default -> delimiter;
                });
            }

            @Override
            public void text(String run) {
                escape(run, out);
            }
        });
        return out.toString();
    }

    private static String destination(String href) {
        return href.indexOf('(') >= 0 || href.indexOf(')') >= 0 ? "<" + href + ">" : href;
    }

    private static void escape(String text, StringBuilder out) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\\', '*', '_', '[', ']', '^', '~', '`' -> out.append('\\').append(c);
                case '<' -> out.append(i + 1 < text.length() && !Character.isWhitespace(text.charAt(i + 1)) ? "\\<" : "<");
                case '!' -> out.append(i + 1 < text.length() && text.charAt(i + 1) == '[' ? "\\!" : "!");
                case '&' -> out.append(ENTITY.matcher(text).region(i, text.length()).lookingAt() ? "\\&" : "&");
                default -> out.append(c);
            }
        }
    }

    private static int position(Node node) {
        var spans = node.getSourceSpans();
        return spans.isEmpty() ? 1 : spans.getFirst().getInputIndex() + 1;
    }

    /** Superscript (^) and subscript (~) as nodes of their own. */
    static final class ScriptNode extends CustomNode {

        final char delimiter;

        ScriptNode(char delimiter) {
            this.delimiter = delimiter;
        }
    }

    private record Script(char delimiter) implements DelimiterProcessor {

        @Override
        public char getOpeningCharacter() {
            return delimiter;
        }

        @Override
        public char getClosingCharacter() {
            return delimiter;
        }

        @Override
        public int getMinLength() {
            return 1;
        }

        @Override
        public int process(DelimiterRun opening, DelimiterRun closing) {
            if (opening.length() != 1 || closing.length() != 1) {
                return 0;
            }
            var opener = opening.getOpener();
            var node = new ScriptNode(delimiter);
            for (var inside : Nodes.between(opener, closing.getCloser())) {
                node.appendChild(inside);
            }
            opener.insertAfter(node);
            return 1;
        }
    }

    /** Collects the text and marks of the paragraph's inline nodes. */
    private static final class Builder {

        private final String source;
        private final StringBuilder text = new StringBuilder();
        private final List<Mark> marks = new ArrayList<>();

        Builder(String source) {
            this.source = source;
        }

        RichText result() {
            return new RichText(text.toString(), marks).canonical();
        }

        void children(Node parent) {
            for (var node = parent.getFirstChild(); node != null; node = node.getNext()) {
                node(node);
            }
        }

        private void node(Node node) {
            int start = text.length();
            switch (node) {
                case Text t -> {
                    checkDelimiters(t);
                    text.append(t.getLiteral());
                }
                case SoftLineBreak b -> text.append('\n');
                case HardLineBreak b -> text.append('\n');
                case Code c -> text.append('`').append(c.getLiteral()).append('`');
                case HtmlInline h -> text.append(h.getLiteral());
                case Image i -> throw new Unreadable("content.markup.image", position(node));
                case StrongEmphasis s -> {
                    children(s);
                    marks.add(new Mark.Bold(start, text.length()));
                }
                case Emphasis e -> {
                    children(e);
                    marks.add(new Mark.Italic(start, text.length()));
                }
                case ScriptNode s -> {
                    children(s);
                    marks.add(s.delimiter == '^' ? new Mark.Superscript(start, text.length())
                            : new Mark.Subscript(start, text.length()));
                }
                case Link l -> {
                    children(l);
                    var story = STORY.matcher(l.getDestination());
                    if (story.matches()) {
                        marks.add(new Mark.StoryLink(start, text.length(), Long.parseLong(story.group(1))));
                    } else {
                        var title = l.getTitle() == null ? "" : l.getTitle().strip();
                        var rel = title.isEmpty() ? List.<String>of() : Arrays.asList(title.split("\\s+"));
                        marks.add(new Mark.Link(start, text.length(), l.getDestination(), rel));
                    }
                }
                default -> children(node);
            }
        }

        /**
         * A mark character left in plain text was typed without its partner: refused, unless it was
         * escaped with a backslash. Brackets alone are plain text ("[sic]"), a bracket followed by "(" is not.
         */
        private void checkDelimiters(Text node) {
            var spans = node.getSourceSpans();
            if (spans.isEmpty()) {
                return;
            }
            int from = spans.getFirst().getInputIndex();
            var last = spans.getLast();
            int to = Math.min(source.length(), last.getInputIndex() + last.getLength());
            for (int i = from; i < to; i++) {
                char c = source.charAt(i);
                if (c == '\\') {
                    i++;
                } else if (c == '*' || c == '^' || c == '~') {
                    throw new Unreadable("content.markup.unbalanced", i + 1);
                } else if (c == ']' && i + 1 < source.length() && source.charAt(i + 1) == '(') {
                    throw new Unreadable("content.markup.link", i + 1);
                }
            }
        }
    }
}
