package org.masthead.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The newsroom's markup for marks, typed without a script: read by the CommonMark parser, written back the same. */
class InlineMarkupTest {

    @Test
    void readsEveryMarkOfTheModel() {
        var text = InlineMarkup.parse("**Bold** and *italic*, E=mc^2^, H~2~O, [source](https://example.org/a \"nofollow ugc\")"
                + " and [the earlier story](story:42)\nnext line");
        assertThat(text.text()).isEqualTo("Bold and italic, E=mc2, H2O, source and the earlier story\nnext line");
        assertThat(text.marks()).containsExactlyInAnyOrder(new Mark.Bold(0, 4), new Mark.Italic(9, 15),
                new Mark.Superscript(21, 22), new Mark.Subscript(25, 26),
                new Mark.Link(29, 35, "https://example.org/a", List.of("nofollow", "ugc")), new Mark.StoryLink(40, 57, 42));
    }

    @Test
    void nestedMarksInsideALink() {
        var text = InlineMarkup.parse("[a **bold** link](https://example.org)");
        assertThat(text.text()).isEqualTo("a bold link");
        assertThat(text.marks()).containsExactly(new Mark.Link(0, 11, "https://example.org", List.of()), new Mark.Bold(2, 6));
    }

    @Test
    void whatLooksLikeBlocksOrHtmlStaysText() {
        assertThat(InlineMarkup.parse("# Not a heading").text()).isEqualTo("# Not a heading");
        assertThat(InlineMarkup.parse("- not a list").text()).isEqualTo("- not a list");
        assertThat(InlineMarkup.parse("> not a quote").text()).isEqualTo("> not a quote");
        assertThat(InlineMarkup.parse("<script>alert(1)</script>").text()).isEqualTo("<script>alert(1)</script>");
        assertThat(InlineMarkup.parse("    indented").text()).isEqualTo("indented");
        assertThat(InlineMarkup.parse("[sic] and a_b_c").text()).isEqualTo("[sic] and a_b_c");
    }

    @Test
    void entitiesInALinkAddressAreDecodedSoTheRulesSeeTheRealScheme() {
        var text = InlineMarkup.parse("[x](jav&#x61;script:alert(1))");
        assertThat(text.marks()).singleElement().satisfies(m -> assertThat(((Mark.Link) m).href()).isEqualTo("javascript:alert(1)"));
        assertThat(ContentRules.linkTarget("javascript:alert(1)")).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"**bold without end", "an ^ alone", "~5 km", "ends with *"})
    void unbalancedMarkupIsRefusedWithItsPosition(String markup) {
        assertThatThrownBy(() -> InlineMarkup.parse(markup)).isInstanceOf(InlineMarkup.Unreadable.class)
                .satisfies(e -> assertThat(((InlineMarkup.Unreadable) e).messageKey()).isEqualTo("content.markup.unbalanced"));
        var unreadable = org.assertj.core.api.Assertions.catchThrowableOfType(InlineMarkup.Unreadable.class,
                () -> InlineMarkup.parse("fine **bold"));
        assertThat(unreadable.position()).isEqualTo(6);
    }

    @Test
    void imagesBlankLinesAndBrokenLinksAreRefused() {
        assertThat(key("see ![a](https://example.org/a.png)")).isEqualTo("content.markup.image");
        assertThat(key("one\n\ntwo")).isEqualTo("content.markup.paragraphs");
        assertThat(key("[text](https://example.org/a b)")).isEqualTo("content.markup.link");
    }

    @Test
    void anEscapedMarkCharacterIsText() {
        assertThat(InlineMarkup.parse("5 \\* 3 \\~ 4 \\^").text()).isEqualTo("5 * 3 ~ 4 ^");
    }

    @Test
    void writesMarkupThatReadsBackToTheSameText() {
        var texts = List.of(
                RichText.plain("Plain *stars*, [brackets], back\\slash, a_b, 5^2 ~ 3 & AT&T &amp; <tag> !["),
                new RichText("Bold italic both", List.of(new Mark.Bold(0, 4), new Mark.Italic(5, 11), new Mark.Bold(12, 16),
                        new Mark.Italic(12, 16))),
                new RichText("crossing marks here", List.of(new Mark.Bold(0, 12), new Mark.Italic(9, 19))),
                new RichText("a link (with parens) and story", List.of(
                        new Mark.Link(2, 6, "https://en.wikipedia.org/wiki/Bridge_(structure)", List.of("sponsored")),
                        new Mark.StoryLink(25, 30, 7), new Mark.Bold(25, 30))),
                new RichText("line one\nline two", List.of(new Mark.Italic(0, 17))),
                new RichText("x2 and H2O", List.of(new Mark.Superscript(1, 2), new Mark.Subscript(8, 9))));
        for (var text : texts) {
            var markup = InlineMarkup.write(text);
            assertThat(InlineMarkup.parse(markup)).as(markup).isEqualTo(text.canonical());
        }
    }

    private static String key(String markup) {
        try {
            InlineMarkup.parse(markup);
            return "";
        } catch (InlineMarkup.Unreadable e) {
            return e.messageKey();
        }
    }
}
