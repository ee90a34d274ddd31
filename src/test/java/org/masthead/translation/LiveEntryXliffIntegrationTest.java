package org.masthead.translation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.masthead.platform.Language.EN;
import static org.masthead.platform.Language.UK;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.masthead.content.Block;
import org.masthead.content.LiveBlog;
import org.masthead.content.LiveBlogs;
import org.masthead.content.LiveEntry;
import org.masthead.content.Mark;
import org.masthead.content.RichText;
import org.masthead.content.Stories;
import org.masthead.content.Taxonomy;
import org.masthead.identity.Accounts;
import org.masthead.identity.AuditLog;
import org.masthead.identity.NewsroomUser;
import org.masthead.identity.Role;
import org.masthead.platform.outbox.OutboxRelay;
import org.masthead.support.Fixtures;
import org.masthead.support.MastheadTest;
import org.masthead.support.Staff;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * A live blog's entries in the translation desk's XLIFF exchange, on a real database: one unit per entry written in
 * the story's source language, with its headline and every text of its blocks (marks as codes), brought back into
 * the entry's translation with the non-text parts of its blocks kept; an entry that no longer fits is left out and
 * reported while the others are saved.
 */
@MastheadTest
class LiveEntryXliffIntegrationTest {

    private static final String REPORT = "https://example.org/live-report";

    @Autowired TranslationDesk desk;
    @Autowired LiveBlogs blogs;
    @Autowired Stories stories;
    @Autowired Taxonomy taxonomy;
    @Autowired OutboxRelay relay;
    @Autowired Accounts accounts;
    @Autowired AuditLog audit;
    @Autowired UserDetailsService users;
    NewsroomUser translator;
    long id;

    @BeforeEach
    void aLiveBlogWrittenInUkrainian() {
        id = new Fixtures(stories, taxonomy).story().in(UK, "Онлайн: переговори").in(EN, "Live: talks").published();
        blogs.setState(id, LiveBlog.State.LIVE, true);
        translator = (NewsroomUser) users.loadUserByUsername(new Staff(accounts).member(Role.TRANSLATOR).username());
        relay.drain();
    }

    @Test
    void everyTextOfAnEntryTravelsInTheFileAndComesBackIntoItsTranslation() {
        var opening = new RichText("Переговори почалися о дев’ятій.", List.of(new Mark.Bold(22, 30)));
        var entry = post("Делегації прибули", List.of(
                new Block.Paragraph("p1", opening),
                new Block.Quote("q2", "Ми готові говорити.", "Олена Петренко", "речниця"),
                new Block.Image("i3", 7, "Делегації в залі", "Фото: Masthead", "Зала з двома столами"),
                new Block.BulletList("l4", true, List.of(RichText.plain("Обмін полоненими"), RichText.plain("Гуманітарні коридори"))),
                new Block.Embed("m5", REPORT, "Звіт місії"),
                new Block.ReadAlso("r6", id)));
        var english = post(EN, "Only in English", "Written in English.");
        var withdrawn = post("Відкликаний запис", List.of(new Block.Paragraph("p1", "Помилковий текст.")));
        blogs.withdraw(id, withdrawn.id());

        var exported = desk.exportXliff(id, EN, false);
        var unit = unit(exported, entry.id());
        assertThat(unit).contains("name=\"entry\"", "Делегації прибули", "Ми готові говорити.", "Олена Петренко", "речниця",
                "Делегації в залі", "Фото: Masthead", "Зала з двома столами", "Обмін полоненими", "Гуманітарні коридори",
                "Звіт місії", "<pc id=\"s1m0\"");
        // what is no text of the entry stays out of the translatable text
        assertThat(unit).doesNotContain(REPORT);
        assertThat(exported).doesNotContain("entry-" + english.id() + "\"", "entry-" + withdrawn.id() + "\"");

        var translated = exported;
        var answers = List.of("Delegations arrive", "The talks began at <pc id=\"s1m0\">nine</pc>.", "We are ready to talk.",
                "Olena Petrenko", "spokeswoman", "Delegations in the hall", "Photo: Masthead", "A hall with two tables",
                "Prisoner exchange", "Humanitarian corridors", "The mission's report");
        for (int i = 0; i < answers.size(); i++) {
            translated = answer(translated, entry.id(), i, answers.get(i));
        }
        var report = desk.importXliff(id, EN, bytes(translated), translator);

        assertThat(report.applied()).containsExactly("entry-" + entry.id());
        assertThat(report.rejected()).isEmpty();
        var translation = blogs.entry(id, entry.id()).translations().get(EN);
        assertThat(translation.headline()).isEqualTo("Delegations arrive");
        assertThat(translation.body()).containsExactly(
                new Block.Paragraph("p1", new RichText("The talks began at nine.", List.of(new Mark.Bold(19, 23)))),
                new Block.Quote("q2", "We are ready to talk.", "Olena Petrenko", "spokeswoman"),
                new Block.Image("i3", 7, "Delegations in the hall", "Photo: Masthead", "A hall with two tables"),
                new Block.BulletList("l4", true, List.of(RichText.plain("Prisoner exchange"), RichText.plain("Humanitarian corridors"))),
                new Block.Embed("m5", REPORT, "The mission's report"),
                new Block.ReadAlso("r6", id));
        assertThat(blogs.entry(id, entry.id()).standing(EN)).isEqualTo(LiveEntry.Standing.TRANSLATED);
        assertThat(audit.recent(null, translator.username(), 10)).extracting(org.masthead.identity.AuditEntry::action).contains("live.translate");
        relay.drain();
        assertThat(desk.proposals(UK, EN, RichText.plain("Делегації в залі")))
                .anySatisfy(match -> assertThat(match.targetText()).isEqualTo("Delegations in the hall"));

        // the same file again: the entry is translated from its current text, so nothing is overwritten
        var again = desk.importXliff(id, EN, bytes(translated.replace("Delegations arrive", "Overwritten")), translator);
        assertThat(again.applied()).isEmpty();
        assertThat(again.keptAlreadyTranslated()).contains("entry-" + entry.id());
        assertThat(blogs.entry(id, entry.id()).translations().get(EN).headline()).isEqualTo("Delegations arrive");
    }

    @Test
    void aStaleFileCarriesTheEntriesBehindAndAnEntryThatNoLongerFitsIsReportedWhileTheOthersAreSaved() {
        var corrected = post("Заява", List.of(new Block.Paragraph("p1", "Міністр зробив заяву.")));
        var upToDate = post("Ранок", List.of(new Block.Paragraph("p1", "Ранок почався тихо.")));
        var movedOn = post("Вечір", List.of(new Block.Paragraph("p1", "Вечір буде довгим.")));
        var tooLong = post("Підсумок", List.of(new Block.Paragraph("p1", "Підсумок дня.")));
        blogs.translate(id, corrected.id(), new LiveEntry.TranslationDraft(EN, "Statement",
                List.of(new Block.Paragraph("p1", "The minister made a statement."))), "test");
        blogs.translate(id, upToDate.id(), new LiveEntry.TranslationDraft(EN, "Morning",
                List.of(new Block.Paragraph("p1", "The morning began quietly."))), "test");
        blogs.correct(id, corrected.id(), new LiveEntry.Draft(UK, "Test desk", "Заява",
                List.of(new Block.Paragraph("p1", "Міністр зробив нову заяву.")), false));
        relay.drain();

        var exported = desk.exportXliff(id, EN, true);
        assertThat(exported).contains("entry-" + corrected.id() + "\"", "entry-" + movedOn.id() + "\"",
                "entry-" + tooLong.id() + "\"", "<target>The minister made a statement.</target>")
                .doesNotContain("entry-" + upToDate.id() + "\"");

        var file = answer(exported, corrected.id(), 1, "The minister made a new statement.");
        file = answer(file, movedOn.id(), 0, "Evening");
        file = answer(file, movedOn.id(), 1, "The evening will be long.");
        file = answer(file, tooLong.id(), 0, "x".repeat(400));
        file = answer(file, tooLong.id(), 1, "Summary of the day.");
        // the reporter corrects one entry while the file is at the agency
        blogs.correct(id, movedOn.id(), new LiveEntry.Draft(UK, "Test desk", "Вечір",
                List.of(new Block.Paragraph("p1", "Вечір буде дуже довгим.")), false));

        var report = desk.importXliff(id, EN, bytes(file), translator);

        assertThat(report.applied()).containsExactly("entry-" + corrected.id());
        assertThat(report.rejected()).containsExactlyInAnyOrder(
                new ImportRejected.Problem("entry-" + movedOn.id(), "the source text changed since the file was exported"),
                new ImportRejected.Problem("entry-" + tooLong.id(), "content.error.too-long", List.of("300")));
        var now = blogs.entry(id, corrected.id());
        assertThat(now.standing(EN)).isEqualTo(LiveEntry.Standing.TRANSLATED);
        assertThat(now.translations().get(EN).body())
                .containsExactly(new Block.Paragraph("p1", "The minister made a new statement."));
        assertThat(blogs.entry(id, movedOn.id()).translations()).isEmpty();
        assertThat(blogs.entry(id, tooLong.id()).translations()).isEmpty();
    }

    @Test
    void aStoryBlockThatNoLongerFitsStillRefusesTheWholeFileItsEntriesToo() {
        var entry = post("Заява", List.of(new Block.Paragraph("p1", "Міністр зробив заяву.")));
        var exported = answer(desk.exportXliff(id, EN, false), entry.id(), 1, "The minister made a statement.");
        var file = exported.replace("Онлайн: переговори", "Онлайн: інші переговори");

        assertThatThrownBy(() -> desk.importXliff(id, EN, bytes(file), translator))
                .isInstanceOfSatisfying(ImportRejected.class, rejected -> assertThat(rejected.problems())
                        .extracting(ImportRejected.Problem::unitId).contains(Translatable.HEADLINE)
                        .doesNotContain("entry-" + entry.id()));
        assertThat(blogs.entry(id, entry.id()).translations()).isEmpty();
    }

    // ---- helpers ----

    private LiveEntry post(String headline, List<Block> body) {
        return blogs.post(id, new LiveEntry.Draft(UK, "Test desk", headline, body, false), "test").entry();
    }

    private LiveEntry post(org.masthead.platform.Language language, String headline, String text) {
        return blogs.post(id, new LiveEntry.Draft(language, "Test desk", headline,
                List.of(new Block.Paragraph("p1", text)), false), "test").entry();
    }

    /** The unit of entry {@code entry} in an exported file. */
    private static String unit(String xliff, long entry) {
        var matcher = Pattern.compile("(?s)(<unit id=\"entry-" + entry + "\".*?</unit>)").matcher(xliff);
        assertThat(matcher.find()).as("unit of entry " + entry).isTrue();
        return matcher.group(1);
    }

    private static String answer(String xliff, long entry, int index, String target) {
        return XliffAnswers.answer(xliff, "entry-" + entry, index, target);
    }

    private static byte[] bytes(String xliff) {
        return xliff.getBytes(StandardCharsets.UTF_8);
    }
}
