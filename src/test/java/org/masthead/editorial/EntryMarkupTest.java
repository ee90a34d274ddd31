package org.masthead.editorial;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.masthead.content.Block;

class EntryMarkupTest {

    private static final Block.Quote QUOTE = new Block.Quote("p2", "We will meet again", "A minister", "of energy");
    private static final Block.BulletList LIST = Block.BulletList.of("l1", false, List.of("One", "Two"));

    @Test
    void aCorrectionKeepsTheBlocksTheMarkupCannotShowWhereTheyStood() {
        var current = List.<Block>of(new Block.Paragraph("p1", "First."), QUOTE, new Block.Paragraph("p3", "Second."), LIST);

        var corrected = EntryMarkup.corrected(current, "First, corrected.\n\nSecond, corrected.");

        assertThat(corrected).containsExactly(new Block.Paragraph("p1", "First, corrected."), QUOTE,
                new Block.Paragraph("p3", "Second, corrected."), LIST);
    }

    @Test
    void typedBlocksTakeNoIdOfAKeptBlockAndFewerOfThemLeaveTheKeptOnesInOrder() {
        var current = List.<Block>of(new Block.Paragraph("p1", "First."), QUOTE, new Block.Paragraph("p3", "Second."), LIST);

        var shortened = EntryMarkup.corrected(current, "Only one.");
        var longer = EntryMarkup.corrected(current, "One.\n\nTwo.\n\n## Three\n\nFour.");

        assertThat(shortened).containsExactly(new Block.Paragraph("p1", "Only one."), QUOTE, LIST);
        assertThat(longer).extracting(Block::id).containsExactly("p1", "p2", "p3", "l1", "h4", "p5").doesNotHaveDuplicates();
    }

    @Test
    void anEntryOfTextAloneIsWhatWasTyped() {
        var current = List.<Block>of(new Block.Paragraph("p1", "First."));

        assertThat(EntryMarkup.corrected(current, "New.\n\n## Heading")).isEqualTo(EntryMarkup.blocks("New.\n\n## Heading"));
    }
}
