package org.masthead.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.masthead.content.Block;
import org.masthead.content.Mark;

class HtmlBlocksTest {

    private static final HtmlBlocks.Resolver NOTHING = new HtmlBlocks.Resolver() {
        @Override
        public Optional<Long> story(String href) {
            return href.contains("/known/") ? Optional.of(7L) : Optional.empty();
        }

        @Override
        public String absolute(String href) {
            return ArchiveImages.absolute(href, "https://old.example");
        }

        @Override
        public Optional<HtmlBlocks.Image> image(String src, long attachmentId) {
            return Optional.empty();
        }
    };

    @Test
    void classicTextBecomesParagraphsAtBlankLinesAndLineBreaksWithin() {
        var result = HtmlBlocks.convert("First line\nsecond line\n\nNext <i>paragraph</i>", NOTHING);
        assertThat(result.blocks()).hasSize(2);
        assertThat(((Block.Paragraph) result.blocks().get(0)).text().text()).isEqualTo("First line\nsecond line");
        var next = ((Block.Paragraph) result.blocks().get(1)).text();
        assertThat(next.marks()).containsExactly(new Mark.Italic(5, 14));
    }

    @Test
    void relativeLinksToKnownPostsBecomeStoryLinksAndOthersAbsoluteOnes() {
        var result = HtmlBlocks.convert("<p><a href=\"/known/post/\">one</a> and <a href=\"/other/\">two</a></p>", NOTHING);
        var text = ((Block.Paragraph) result.blocks().getFirst()).text();
        assertThat(text.marks()).containsExactly(new Mark.StoryLink(0, 3, 7),
                new Mark.Link(8, 11, "https://old.example/other/", java.util.List.of()));
    }

    @Test
    void nestedEmphasisOfOneKindIsOneMarkAndNoHtmlIsKept() {
        var result = HtmlBlocks.convert("<p><b>bold <strong>still</strong></b> <span onclick=\"x()\">plain</span><script>bad()</script></p>",
                NOTHING);
        var text = ((Block.Paragraph) result.blocks().getFirst()).text();
        assertThat(text.text()).isEqualTo("bold still plain");
        assertThat(text.marks()).containsExactly(new Mark.Bold(0, 10));
        assertThat(result.notes()).contains("<script> left out");
    }

    @Test
    void anImageThatWasNotBroughtInIsNotedAndItsCaptionKept() {
        var result = HtmlBlocks.convert("<figure><img src=\"https://old.example/a.jpg\"><figcaption>Caption</figcaption></figure>", NOTHING);
        assertThat(result.blocks()).singleElement().isInstanceOf(Block.Paragraph.class);
        assertThat(result.notes()).anyMatch(n -> n.startsWith("image not brought in"));
    }
}
