package org.masthead.translation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.masthead.platform.Language.EN;
import static org.masthead.platform.Language.UK;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.masthead.content.Block;
import org.masthead.content.Mark;
import org.masthead.content.NewStory;
import org.masthead.content.RichText;
import org.masthead.content.SaveVersion;
import org.masthead.content.Stories;
import org.masthead.content.Taxonomy;
import org.masthead.platform.Language;
import org.masthead.platform.outbox.OutboxRelay;
import org.masthead.platform.text.WordDiff;
import org.masthead.support.Fixtures;
import org.masthead.support.MastheadTest;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Marks on the translation desk: they are part of what a translation is made from (a new emphasis or a
 * changed link target puts it behind, and the diff shows it), they travel through XLIFF 2 as inline codes
 * with link targets outside the text, a file whose codes do not fit is refused naming the unit with nothing
 * applied, and the memory matches texts with their codes.
 */
@MastheadTest
class TranslationMarksIntegrationTest {

    private static final String SOURCE = "Читайте звіт агентства і наш матеріал.";
    private static final String TARGET = "Read the agency's report and our story.";

    @Autowired TranslationDesk desk;
    @Autowired Stories stories;
    @Autowired Taxonomy taxonomy;
    @Autowired OutboxRelay relay;
    @Autowired org.masthead.identity.Accounts accounts;
    @Autowired org.springframework.security.core.userdetails.UserDetailsService users;
    /** An agency's account: a translator, as the desk's import acts for whoever uploads the file. */
    org.masthead.identity.NewsroomUser agency;
    long storyId;
    long linked;

    @BeforeEach
    void aMarkedUpStoryAndItsTranslation() {
        var fixtures = new Fixtures(stories, taxonomy);
        linked = fixtures.story().in(UK, "Пов’язаний").published();
        storyId = stories.create(new NewStory(fixtures.section(), UK, List.of(), List.of(), null));
        save(UK, 0, "Звіт", source("https://example.org/report"));
        save(EN, 0, "Report", List.of(new Block.Paragraph("p1", new RichText(TARGET, List.of(
                new Mark.Link(5, 24, "https://example.org/report", List.of("nofollow")), new Mark.Italic(9, 15),
                new Mark.StoryLink(29, 38, linked))))));
        relay.drain();
        agency = (org.masthead.identity.NewsroomUser) users.loadUserByUsername(
                new org.masthead.support.Staff(accounts).member(org.masthead.identity.Role.TRANSLATOR).username());
    }

    private List<Block> source(String href) {
        return List.of(new Block.Paragraph("p1", new RichText(SOURCE + "\nДругий рядок.", List.of(
                new Mark.Link(8, 22, href, List.of("nofollow")), new Mark.Italic(13, 22),
                new Mark.StoryLink(25, 37, linked)))));
    }

    @Test
    void aChangedLinkTargetOrANewEmphasisPutsTheTranslationBehindAndTheDiffShowsIt() {
        assertThat(states()).containsEntry("p1", ItemState.TRANSLATED);
        save(UK, 1, "Звіт", source("https://example.org/report-v2"));
        relay.drain();
        assertThat(states()).containsEntry("p1", ItemState.SOURCE_CHANGED);
        var item = desk.status(storyId, EN).items().stream().filter(i -> i.itemId().equals("p1")).findFirst().orElseThrow();
        assertThat(item.sourceChanges().getFirst()).anySatisfy(part -> {
            assertThat(part.kind()).isEqualTo(WordDiff.Kind.ADDED);
            assertThat(part.text()).contains("report-v2");
        });

        desk.markUpToDate(storyId, EN, List.of("p1"), "translator");
        var emphasis = source("https://example.org/report-v2").getFirst();
        var text = ((Block.Paragraph) emphasis).text();
        var marks = new java.util.ArrayList<>(text.marks());
        marks.add(new Mark.Bold(0, 7));
        save(UK, 2, "Звіт", List.of(new Block.Paragraph("p1", new RichText(text.text(), marks))));
        relay.drain();
        assertThat(states()).containsEntry("p1", ItemState.SOURCE_CHANGED);
    }

    @Test
    void xliffCarriesMarksAsCodesWithLinkTargetsOutsideTheTextAndBringsThemBack() {
        markNeedsWork();
        var exported = desk.exportXliff(storyId, EN, false);
        assertThat(exported).contains("<pc id=\"s0m0\"", "<ph id=\"s0b0\"", "<originalData>")
                .contains("https://example.org/report");
        // the URL is in the original data, never in the translatable source text
        var unit = exported.substring(exported.indexOf("<unit id=\"p1\""));
        var source = unit.substring(unit.indexOf("<source>"), unit.indexOf("</source>"));
        assertThat(source).doesNotContain("example.org").contains("агентства");

        // the agency moves the link to other words and translates; the import takes the target from our source
        var translated = target(exported, "<target>Read <pc id=\"s0m0\">the "
                + "<pc id=\"s0m1\">report</pc></pc> and <pc id=\"s0m2\">our story</pc>.<ph id=\"s0b0\"/>"
                + "Second line.</target>");
        var report = desk.importXliff(storyId, EN, translated.getBytes(StandardCharsets.UTF_8), agency);
        assertThat(report.applied()).contains("p1");
        var text = ((Block.Paragraph) stories.working(storyId, EN).orElseThrow().body().getFirst()).text();
        assertThat(text.text()).isEqualTo("Read the report and our story.\nSecond line.");
        assertThat(text.marks()).containsExactly(new Mark.Link(5, 15, "https://example.org/report", List.of("nofollow")),
                new Mark.Italic(9, 15), new Mark.StoryLink(20, 29, linked));
    }

    @Test
    void aFileWhoseCodesDoNotFitIsRefusedNamingTheUnitWithNothingApplied() {
        markNeedsWork();
        int before = stories.working(storyId, EN).orElseThrow().revision();
        var exported = desk.exportXliff(storyId, EN, false);
        var foreign = target(exported, "<target>Read <pc id=\"x9\">the report</pc> and our story.</target>");
        var unbalanced = target(exported, "<target>Read <sc id=\"s0m0\"/>the report and our story.</target>");
        for (var file : List.of(foreign, unbalanced)) {
            var refused = catchThrowableOfType(ImportRejected.class,
                    () -> desk.importXliff(storyId, EN, file.getBytes(StandardCharsets.UTF_8), agency));
            assertThat(refused).as(file).isNotNull();
            assertThat(refused.problems()).as(file).anySatisfy(p -> assertThat(p.unitId()).isIn("p1", ""));
        }
        assertThat(stories.working(storyId, EN).orElseThrow().revision()).isEqualTo(before);
    }

    @Test
    void theMemoryMatchesTextsWithTheirCodes() {
        var source = ((Block.Paragraph) stories.working(storyId, UK).orElseThrow().body().getFirst()).text();
        assertThat(desk.proposals(UK, EN, source)).first().satisfies(match -> {
            assertThat(match.percent()).isEqualTo(100);
            assertThat(match.targetText()).contains("[the *agency*'s report](https://example.org/report \"nofollow\")",
                    "(story:" + linked + ")");
        });
        // the same words with another link target are no exact match
        var otherLink = new RichText(source.text(), source.marks().stream()
                .map(m -> m instanceof Mark.Link l ? new Mark.Link(l.start(), l.end(), "https://other.example/", l.rel()) : m)
                .toList());
        assertThat(desk.proposals(UK, EN, otherLink)).first().satisfies(match -> assertThat(match.percent()).isLessThan(100));
    }

    /** The file with the first target of unit p1 (the paragraph) replaced. */
    private static String target(String xliff, String target) {
        int unit = xliff.indexOf("<unit id=\"p1\"");
        return xliff.substring(0, unit) + xliff.substring(unit).replaceFirst("(?s)<target>.*?</target>",
                java.util.regex.Matcher.quoteReplacement(target));
    }

    /** Changes a source word after the line break, marks untouched, so that the translation needs work. */
    private void markNeedsWork() {
        var edited = stories.working(storyId, UK).orElseThrow();
        var text = ((Block.Paragraph) edited.body().getFirst()).text();
        save(UK, edited.revision(), "Звіт", List.of(new Block.Paragraph("p1",
                new RichText(text.text().replace("Другий рядок.", "Другий рядок тексту."), text.marks()))));
        relay.drain();
        assertThat(states()).containsEntry("p1", ItemState.SOURCE_CHANGED);
    }

    private Map<String, ItemState> states() {
        return desk.status(storyId, EN).items().stream().collect(Collectors.toMap(ItemStatus::itemId, ItemStatus::state));
    }

    private int save(Language language, int basedOn, String headline, List<Block> body) {
        return stories.savePartial(new SaveVersion(storyId, language, basedOn, headline, "Standfirst", "", "", "", "", "",
                body, "writer"));
    }
}
