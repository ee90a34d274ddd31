package org.masthead.site;

import gg.jte.Content;
import gg.jte.TemplateOutput;
import org.masthead.content.InlineTree;
import org.masthead.content.Mark;
import org.masthead.content.RichText;

/**
 * A text with marks as HTML, for every surface that shows HTML (reader pages, full-text feeds, the content
 * API's {@code html} fields): every character of the text escaped, and no element but {@code strong},
 * {@code em}, {@code sup}, {@code sub}, {@code br} and {@code a}. An outside link carries
 * {@code rel="noopener"} and the rel values its mark chose; a link to a story goes to the address
 * {@link StoryLinks} found for the reader's language (with {@code hreflang} when it is a version in another
 * language) and is plain text while that story is not published. A JTE template writes it with
 * {@code ${...}}, as it is already escaped.
 */
public record InlineHtml(String html) implements Content {

    public static final InlineHtml EMPTY = new InlineHtml("");

    public static InlineHtml of(RichText text, StoryLinks.Targets targets) {
        var html = new StringBuilder(text.text().length() + 32 * text.marks().size());
        InlineTree.walk(text, new InlineTree.Visitor() {
            @Override
            public void open(Mark mark) {
                switch (mark) {
                    case Mark.Link link -> {
                        escape(link.href(), false, html.append("<a href=\""));
                        html.append("\" rel=\"noopener")
                                .append(link.rel().isEmpty() ? "" : " " + String.join(" ", link.rel())).append("\">");
                    }
                    case Mark.StoryLink link -> {
                        var target = targets.story(link.storyId());
                        if (target != null) {
                            escape(target.url(), false, html.append("<a href=\""));
                            html.append('"');
                            if (target.hreflang() != null) {
                                html.append(" hreflang=\"").append(target.hreflang()).append('"');
                            }
                            html.append('>');
                        }
                    }
                    case Mark.Bold b -> html.append("<strong>");
                    case Mark.Italic i -> html.append("<em>");
                    case Mark.Superscript s -> html.append("<sup>");
                    case Mark.Subscript s -> html.append("<sub>");
                }
            }

            @Override
            public void close(Mark mark) {
                switch (mark) {
                    case Mark.Link link -> html.append("</a>");
                    case Mark.StoryLink link -> {
                        if (targets.story(link.storyId()) != null) {
                            html.append("</a>");
                        }
                    }
                    case Mark.Bold b -> html.append("</strong>");
                    case Mark.Italic i -> html.append("</em>");
                    case Mark.Superscript s -> html.append("</sup>");
                    case Mark.Subscript s -> html.append("</sub>");
                }
            }

            @Override
            public void text(String run) {
                escape(run, true, html);
            }
        });
        return new InlineHtml(html.toString());
    }

    public boolean isEmpty() {
        return html.isEmpty();
    }

    @Override
    public void writeTo(TemplateOutput output) {
        output.writeContent(html);
    }

    @Override
    public String toString() {
        return html;
    }

    /**
     * Appends {@code text} with the five characters that mean something in HTML as references, as Spring's
     * HtmlUtils writes them, and with {@code lineBreaks} each line break as {@code <br>}. The runs between them are
     * copied whole, not character by character: a story's text is most of the work of its page.
     */
    static void escape(String text, boolean lineBreaks, StringBuilder html) {
        int copied = 0;
        for (int i = 0; i < text.length(); i++) {
            var reference = switch (text.charAt(i)) {
                case '<' -> "&lt;";
                case '>' -> "&gt;";
                case '&' -> "&amp;";
                case '"' -> "&quot;";
                case '\'' -> "&#39;";
                case '\n' -> lineBreaks ? "<br>" : null;
                default -> null;
            };
            if (reference != null) {
                html.append(text, copied, i).append(reference);
                copied = i + 1;
            }
        }
        html.append(text, copied, text.length());
    }
}
