package org.masthead.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.masthead.platform.Language;

/** The one check of what a version may hold: the list of bad input of the body model, field by field. */
class ContentRulesTest {

    private final ContentRules rules = new ContentRules(id -> id == 7 || id == 8);

    private static SaveVersion version(String headline, Block... body) {
        return new SaveVersion(1, Language.EN, 0, headline, "Standfirst", "", "", "", "", "", List.of(body), "test");
    }

    private static Block paragraph(String text, Mark... marks) {
        return new Block.Paragraph("p1", new RichText(text, List.of(marks)));
    }

    private List<InvalidContent.Problem> problems(SaveVersion save) {
        try {
            rules.check(save, ContentRules.Completeness.COMPLETE);
            return List.of();
        } catch (InvalidContent e) {
            return e.problems();
        }
    }

    private List<String> fields(SaveVersion save) {
        return problems(save).stream().map(InvalidContent.Problem::field).toList();
    }

    @Test
    void acceptsNestedAndCrossingMarksOfDifferentKinds() {
        var save = version("Talks", paragraph("Bold italic link text",
                new Mark.Bold(0, 11), new Mark.Italic(5, 16), new Mark.Link(12, 16, "https://example.org/a", List.of("nofollow")),
                new Mark.StoryLink(17, 21, 7)));
        var clean = rules.check(save, ContentRules.Completeness.COMPLETE);
        assertThat(((Block.Paragraph) clean.body().getFirst()).text().marks()).hasSize(4);
    }

    @Test
    void refusesOutOfRangeSpansNamingTheMark() {
        assertThat(fields(version("Talks", paragraph("short", new Mark.Bold(2, 9)))))
                .containsExactly("body[0].text.marks[0]");
        assertThat(fields(version("Talks", paragraph("short", new Mark.Bold(-1, 2))))).containsExactly("body[0].text.marks[0]");
        assertThat(fields(version("Talks", paragraph("short", new Mark.Italic(3, 3))))).containsExactly("body[0].text.marks[0]");
    }

    @Test
    void refusesOverlappingLinksAndOverlappingMarksOfOneKind() {
        assertThat(problems(version("Talks", paragraph("one two three",
                new Mark.Link(0, 7, "https://a.example", List.of()), new Mark.StoryLink(4, 13, 7)))))
                .extracting(InvalidContent.Problem::field, InvalidContent.Problem::messageKey)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("body[0].text.marks[1]", "content.error.link-overlap"));
        assertThat(problems(version("Talks", paragraph("one two three", new Mark.Bold(0, 7), new Mark.Bold(4, 13)))))
                .extracting(InvalidContent.Problem::messageKey).containsExactly("content.error.mark-overlap");
        assertThat(problems(version("Talks", paragraph("H2O x2", new Mark.Superscript(0, 3), new Mark.Subscript(1, 2)))))
                .extracting(InvalidContent.Problem::messageKey).containsExactly("content.error.script-overlap");
    }

    @Test
    void refusesALinkWithoutText() {
        assertThat(problems(version("Talks", paragraph("a    b", new Mark.Link(1, 5, "https://a.example", List.of())))))
                .extracting(InvalidContent.Problem::field, InvalidContent.Problem::messageKey)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("body[0].text.marks[0]", "content.error.link-text"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"javascript:alert(1)", "JavaScript:alert(1)", " javascript:alert(1)", "java\tscript:alert(1)",
            "jav&#x61;script:alert(1)", "javascript&colon;alert(1)", "data:text/html,<script>x</script>",
            "vbscript:msgbox", "//evil.example/x", "/relative/path", "https://", "https://exa mple.org",
            "https://example.org/\u202Egpj.exe", "https://user:pw@example.org/", "mailto:nobody", "tel:call-me",
            "https:\\\\evil.example", "\u0000https://example.org", "ftp://example.org/file"})
    void refusesLinkTargetsThatAreNotPlainOutsideAddresses(String href) {
        assertThat(fields(version("Talks", paragraph("a link", new Mark.Link(2, 6, href, List.of())))))
                .containsExactly("body[0].text.marks[0].href");
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://example.org/", "http://example.org/a?b=c#d", "https://uk.wikipedia.org/wiki/Київ",
            "https://en.wikipedia.org/wiki/Bridge_(structure)", "mailto:desk@example.org", "mailto:desk@example.org?subject=Hi",
            "tel:+380441234567", "HTTPS://EXAMPLE.ORG"})
    void acceptsOutsideAddressesWrittenInFull(String href) {
        assertThat(fields(version("Talks", paragraph("a link", new Mark.Link(2, 6, href, List.of()))))).isEmpty();
    }

    @Test
    void relTakesOnlyTheKnownValuesOnce() {
        assertThat(fields(version("Talks", paragraph("a link", new Mark.Link(2, 6, "https://a.example",
                List.of("nofollow", "sponsored", "ugc")))))).isEmpty();
        assertThat(fields(version("Talks", paragraph("a link", new Mark.Link(2, 6, "https://a.example",
                List.of("noopener\" onclick=\"x")))))).containsExactly("body[0].text.marks[0].rel");
        assertThat(fields(version("Talks", paragraph("a link", new Mark.Link(2, 6, "https://a.example",
                List.of("ugc", "ugc")))))).containsExactly("body[0].text.marks[0].rel");
    }

    @Test
    void linksToStoriesThatExistOnlyAndNeverToItself() {
        assertThat(fields(version("Talks", paragraph("see this", new Mark.StoryLink(4, 8, 8))))).isEmpty();
        assertThat(fields(version("Talks", paragraph("see this", new Mark.StoryLink(4, 8, 99)))))
                .containsExactly("body[0].text.marks[0].storyId");
        assertThat(fields(version("Talks", paragraph("see this", new Mark.StoryLink(4, 8, 1)))))
                .containsExactly("body[0].text.marks[0].storyId");
    }

    @Test
    void tenThousandMarksInOneBlockAreRefusedAsTooMany() {
        var text = "a".repeat(20_000);
        var marks = new ArrayList<Mark>();
        for (int i = 0; i < 10_000; i++) {
            marks.add(new Mark.Bold(2 * i, 2 * i + 1));
        }
        assertThat(problems(version("Talks", paragraph(text, marks.toArray(Mark[]::new)))))
                .extracting(InvalidContent.Problem::field, InvalidContent.Problem::messageKey)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("body[0].text.marks", "content.error.too-many-marks"));
    }

    @Test
    void theLimitOfMarksHoldsForAllTheItemsOfAListTogether() {
        var items = new ArrayList<RichText>();
        for (int i = 0; i < 100; i++) {
            var marks = new ArrayList<Mark>();
            for (int j = 0; j < 10; j++) {
                marks.add(new Mark.Italic(2 * j, 2 * j + 1));
            }
            items.add(new RichText("a".repeat(20), marks));
        }
        assertThat(fields(version("Talks", new Block.BulletList("l1", false, items)))).containsExactly("body[0]");
    }

    @Test
    void aMarkCannotSplitACharacterOutsideTheBasicPlane() {
        assertThat(problems(version("Talks", paragraph("x \uD83D\uDE00 y", new Mark.Bold(0, 3)))))
                .extracting(InvalidContent.Problem::messageKey).containsExactly("content.error.mark-surrogate");
    }

    @Test
    void controlCharactersAreRemovedAndTextNormalisedWithMarksMovedAlong() {
        // "e" + combining acute becomes "é": the bold after it moves one place left
        var save = version("Head\u0001line\u0007", paragraph("Cafe\u0301 \u0000open", new Mark.Bold(6, 11)));
        var clean = rules.check(save, ContentRules.Completeness.COMPLETE);
        assertThat(clean.headline()).isEqualTo("Headline");
        var text = ((Block.Paragraph) clean.body().getFirst()).text();
        assertThat(text.text()).isEqualTo("Café open");
        assertThat(text.marks()).containsExactly(new Mark.Bold(5, 9));
        assertThat(text.text().substring(5, 9)).isEqualTo("open");
    }

    @Test
    void unpairedSurrogatesAndNoncharactersAreRemovedLineEndsKept() {
        var clean = CleanText.rich(RichText.plain("a\uD800b\uFFFEc\r\nd\u2028e\u0085f"));
        assertThat(clean.text()).isEqualTo("abc\nd\nef");
        assertThat(CleanText.line("one\ttwo\nthree")).isEqualTo("one two three");
    }

    @Test
    void headlinesRefuseBidiControlsNamingThePosition() {
        assertThat(problems(version("Price \u202E001$"))).extracting(InvalidContent.Problem::field,
                InvalidContent.Problem::messageKey, p -> p.args().getFirst())
                .containsExactly(org.assertj.core.groups.Tuple.tuple("headline", "content.error.bidi", "7"));
        assertThat(fields(new SaveVersion(1, Language.EN, 0, "Fine", "", "Isolated \u2067x\u2069", "", "", "", "",
                List.of(), "t"))).containsExactly("seoTitle");
    }

    @Test
    void completeVersionsNeedTheirTextsPartialTranslationsMayLeaveThemEmpty() {
        var empty = version("", new Block.Paragraph("p1", ""), new Block.Quote("q1", "", "", ""));
        assertThat(fields(empty)).containsExactly("headline", "body[0].text", "body[1].text", "body[1].speaker");
        assertThat(rules.check(empty, ContentRules.Completeness.PARTIAL).body()).hasSize(2);
    }

    @Test
    void blockIdsAreKeptUnlessMissingMalformedOrRepeated() {
        var clean = rules.check(version("Talks", new Block.Paragraph("keep-1", "a"), new Block.Paragraph("keep-1", "b"),
                new Block.Paragraph("<bad>", "c"), new Block.Paragraph(null, "d")), ContentRules.Completeness.COMPLETE);
        var ids = clean.body().stream().map(Block::id).toList();
        assertThat(ids.getFirst()).isEqualTo("keep-1");
        assertThat(ids).doesNotHaveDuplicates().allMatch(id -> id.matches("[A-Za-z0-9_-]{1,40}"));
    }

    @Test
    void listItemsAndCaptionsAreCheckedLikeParagraphs() {
        var list = new Block.BulletList("l1", false, List.of(RichText.plain("fine"),
                new RichText("bad link", List.of(new Mark.Link(4, 8, "javascript:x", List.of())))));
        var image = new Block.Image("i1", 3, new RichText("cap", List.of(new Mark.Italic(0, 9))), "credit", "alt");
        assertThat(fields(version("Talks", list, image)))
                .containsExactly("body[0].items[1].marks[0].href", "body[1].caption.marks[0]");
    }
}
