package org.masthead.translation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.masthead.platform.Language.EN;
import static org.masthead.platform.Language.RU;
import static org.masthead.platform.Language.UK;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.masthead.content.Block;
import org.masthead.content.NewStory;
import org.masthead.content.SaveVersion;
import org.masthead.content.Stories;
import org.masthead.content.Taxonomy;
import org.masthead.platform.Language;
import org.masthead.platform.outbox.OutboxRelay;
import org.masthead.platform.text.WordDiff;
import org.masthead.support.Fixtures;
import org.masthead.support.MastheadTest;
import org.springframework.beans.factory.annotation.Autowired;

@MastheadTest
class TranslationDeskIntegrationTest {

    @Autowired TranslationDesk desk;
    @Autowired Stories stories;
    @Autowired Taxonomy taxonomy;
    @Autowired OutboxRelay relay;
    @Autowired org.masthead.identity.AuditLog audit;
    @Autowired org.masthead.identity.Accounts accounts;
    @Autowired org.springframework.security.core.userdetails.UserDetailsService users;
    /** An agency's account: a translator, as the desk's import acts for whoever uploads the file. */
    org.masthead.identity.NewsroomUser agency;
    long storyId;

    private static final List<Block> UKRAINIAN = List.of(
            new Block.Paragraph("b1", "Переговори тривали понад годину."),
            new Block.Quote("b2", "Ми домовилися про обмін.", "Олена Петренко", "речниця"),
            new Block.Image("b3", 1, "Делегації в залі", "Фото: Masthead", "Зала з двома столами"),
            new Block.Paragraph("b4", "Наступна зустріч відбудеться в серпні."));

    private static final List<Block> ENGLISH = List.of(
            new Block.Paragraph("b1", "The talks lasted over an hour."),
            new Block.Quote("b2", "We agreed on an exchange.", "Olena Petrenko", "spokeswoman"),
            new Block.Image("b3", 1, "Delegations in the hall", "Photo: Masthead", "A hall with two tables"),
            new Block.Paragraph("b4", "The next meeting will take place in August."));

    @BeforeEach
    void aStoryWrittenInUkrainianAndTranslatedIntoEnglish() {
        var fixtures = new Fixtures(stories, taxonomy);
        storyId = stories.create(new NewStory(fixtures.section(), UK, List.of(), List.of(), null));
        save(UK, 0, "Переговори у Стамбулі", UKRAINIAN);
        save(EN, 0, "Talks in Istanbul", ENGLISH);
        relay.drain();
        agency = (org.masthead.identity.NewsroomUser) users.loadUserByUsername(
                new org.masthead.support.Staff(accounts).member(org.masthead.identity.Role.TRANSLATOR).username());
    }

    @Test
    void aFreshTranslationIsUpToDate() {
        var status = desk.status(storyId, EN);
        assertThat(status.items()).extracting(ItemStatus::state).containsOnly(ItemState.TRANSLATED);
        assertThat(status.needsUpdate()).isFalse();
        assertThat(queueFor(EN)).isEmpty();
    }

    @Test
    void anEditedSourceBlockMarksItsTranslationWithTheSourceChange() {
        var edited = new ArrayList<>(UKRAINIAN);
        edited.set(3, new Block.Paragraph("b4", "Наступна зустріч відбудеться у вересні."));
        save(UK, 1, "Переговори у Стамбулі", edited);
        relay.drain();

        var status = states(EN);
        assertThat(status).containsEntry("b4", ItemState.SOURCE_CHANGED).containsEntry("b1", ItemState.TRANSLATED);
        var changed = desk.status(storyId, EN).items().stream().filter(i -> i.itemId().equals("b4")).findFirst().orElseThrow();
        assertThat(changed.sourceChanges().getFirst()).contains(new WordDiff.Part(WordDiff.Kind.REMOVED, "в серпні"),
                new WordDiff.Part(WordDiff.Kind.ADDED, "у вересні"));
        assertThat(queueFor(EN)).singleElement().satisfies(entry -> {
            assertThat(entry.kind()).isEqualTo(QueueEntry.Kind.NEEDS_UPDATE);
            assertThat(entry.behind()).isEqualTo(1);
        });
    }

    @Test
    void insertedDeletedAndMovedSourceBlocksAreEachFlagged() {
        var changed = new ArrayList<Block>();
        changed.add(UKRAINIAN.get(3));                                        // b4 moved to the top
        changed.add(UKRAINIAN.get(0));
        changed.add(new Block.Subheading("b5", "Що далі"));                   // inserted
        changed.add(UKRAINIAN.get(2));                                        // b2 deleted
        save(UK, 1, "Переговори у Стамбулі", changed);
        relay.drain();

        assertThat(states(EN)).containsEntry("b4", ItemState.MOVED).containsEntry("b1", ItemState.TRANSLATED)
                .containsEntry("b5", ItemState.NOT_TRANSLATED).containsEntry("b3", ItemState.TRANSLATED)
                .containsEntry("b2", ItemState.REMOVED_FROM_SOURCE);
    }

    @Test
    void markingAnUpdatedBlockClearsItsMark() {
        var edited = new ArrayList<>(UKRAINIAN);
        edited.set(0, new Block.Paragraph("b1", "Переговори тривали дві години."));
        save(UK, 1, "Переговори у Стамбулі", edited);
        var english = new ArrayList<>(ENGLISH);
        english.set(0, new Block.Paragraph("b1", "The talks lasted two hours."));
        save(EN, 1, "Talks in Istanbul", english);
        relay.drain();
        assertThat(states(EN)).containsEntry("b1", ItemState.SOURCE_CHANGED);

        assertThat(desk.markUpToDate(storyId, EN, List.of("b1"), "translator")).containsExactly("b1");
        assertThat(states(EN)).containsEntry("b1", ItemState.TRANSLATED);
        assertThat(queueFor(EN)).isEmpty();
    }

    @Test
    void aNewTranslationStartsFromTheSourceStructureWithTextsToTranslate() {
        assertThat(queueFor(RU)).singleElement().satisfies(e -> assertThat(e.kind()).isEqualTo(QueueEntry.Kind.MISSING));

        var start = desk.startingPoint(storyId, RU);
        assertThat(start).containsExactly(
                new Block.Paragraph("b1", ""),
                new Block.Quote("b2", "", "Олена Петренко", ""),
                new Block.Image("b3", 1, "", "Фото: Masthead", ""),
                new Block.Paragraph("b4", ""));
        save(RU, 0, "Переговоры в Стамбуле", start);
        relay.drain();
        assertThat(states(RU)).containsEntry("b1", ItemState.NOT_TRANSLATED).containsEntry("_headline", ItemState.TRANSLATED);
    }

    @Test
    void anXliffRoundTripFillsInOnlyWhatNeedsWork() {
        var edited = new ArrayList<>(UKRAINIAN);
        edited.set(0, new Block.Paragraph("b1", "Переговори тривали дві години."));
        save(UK, 1, "Переговори у Стамбулі", edited);
        relay.drain();

        var exported = desk.exportXliff(storyId, EN, true);
        assertThat(exported).contains("srcLang=\"uk\"", "trgLang=\"en\"", "<unit id=\"b1\"", "Переговори тривали дві години.")
                .doesNotContain("<unit id=\"b4\"");
        assertThat(exported).contains("<target>The talks lasted over an hour.</target>");   // the old translation, for reference
        var translated = exported.replace("The talks lasted over an hour.", "The talks lasted two hours.");
        var report = desk.importXliff(storyId, EN, translated.getBytes(StandardCharsets.UTF_8), agency);

        assertThat(report.applied()).containsExactly("b1");
        assertThat(report.revision()).isEqualTo(2);
        assertThat(stories.working(storyId, EN).orElseThrow().body().getFirst())
                .isEqualTo(new Block.Paragraph("b1", "The talks lasted two hours."));
        assertThat(states(EN).values()).containsOnly(ItemState.TRANSLATED);
        stories.publish(storyId);
        assertThat(stories.published(storyId, EN).orElseThrow().body().getFirst())
                .isEqualTo(new Block.Paragraph("b1", "The talks lasted two hours."));
    }

    @Test
    void anImportThatNoLongerMatchesTheSourceIsRefusedWholeWithTheBlocksNamed() {
        var exported = desk.exportXliff(storyId, EN, false);
        var edited = new ArrayList<>(UKRAINIAN);
        edited.set(3, new Block.Paragraph("b4", "Зустріч перенесли."));
        save(UK, 1, "Переговори у Стамбулі", edited);
        relay.drain();
        var file = exported.replace("The next meeting will take place in August.", "Changed by the agency.")
                .replace("The talks lasted over an hour.", "Also changed.");

        assertThatThrownBy(() -> desk.importXliff(storyId, EN, file.getBytes(StandardCharsets.UTF_8), agency))
                .isInstanceOfSatisfying(ImportRejected.class, rejected -> assertThat(rejected.problems())
                        .extracting(ImportRejected.Problem::unitId).containsExactly("b4"));
        assertThat(stories.working(storyId, EN).orElseThrow().revision()).isEqualTo(1);
        assertThat(stories.working(storyId, EN).orElseThrow().body()).isEqualTo(ENGLISH);
    }

    @Test
    void anImportNeverOverwritesWhatIsAlreadyTranslated() {
        var file = desk.exportXliff(storyId, EN, false).replace("The talks lasted over an hour.", "Overwritten!")
                .replace("The next meeting will take place in August.", "Overwritten too!");

        var report = desk.importXliff(storyId, EN, file.getBytes(StandardCharsets.UTF_8), agency);
        assertThat(report.applied()).isEmpty();
        assertThat(report.keptAlreadyTranslated()).containsExactly("b1", "b4");
        assertThat(report.untranslatedUnits()).contains("b2", "_headline");
        assertThat(stories.working(storyId, EN).orElseThrow().body()).isEqualTo(ENGLISH);
    }

    @Test
    void anUnchangedOldTranslationInTheFileDoesNotCountAsAnUpdate() {
        var edited = new ArrayList<>(UKRAINIAN);
        edited.set(0, new Block.Paragraph("b1", "Переговори тривали дві години."));
        save(UK, 1, "Переговори у Стамбулі", edited);
        relay.drain();

        var report = desk.importXliff(storyId, EN, desk.exportXliff(storyId, EN, true).getBytes(StandardCharsets.UTF_8), agency);
        assertThat(report.applied()).isEmpty();
        assertThat(report.untranslatedUnits()).containsExactly("b1");
        assertThat(states(EN)).containsEntry("b1", ItemState.SOURCE_CHANGED);
    }

    @Test
    void filesWithADocumentTypeOrNotXliffAtAllAreRefused() {
        var withEntity = """
                <?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>
                <xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="uk" trgLang="en"/>""";
        assertThatThrownBy(() -> desk.importXliff(storyId, EN, withEntity.getBytes(StandardCharsets.UTF_8), agency))
                .isInstanceOf(ImportRejected.class);
        assertThatThrownBy(() -> desk.importXliff(storyId, EN, "hello".getBytes(StandardCharsets.UTF_8), agency))
                .isInstanceOf(ImportRejected.class);
        var english = desk.exportXliff(storyId, EN, false).getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> desk.importXliff(storyId, RU, english, agency)).isInstanceOf(ImportRejected.class);
    }

    @Test
    void aDocumentTypeIsRefusedWhereverItStandsAndInAnyEncoding() {
        var hidden = """
                <?xml version="1.0" encoding="ENCODING"?><!-- PADDING -->
                <!DOCTYPE xliff [<!ENTITY e SYSTEM "file:///etc/hostname"><!ENTITY lol "lol">]>
                <xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="uk" trgLang="en"/>"""
                .replace("PADDING", "a long comment ".repeat(400));
        for (var encoding : List.of(StandardCharsets.UTF_8, StandardCharsets.UTF_16, StandardCharsets.UTF_16LE)) {
            var bytes = hidden.replace("ENCODING", encoding.name()).getBytes(encoding);
            assertThatThrownBy(() -> desk.importXliff(storyId, EN, bytes, agency)).as(encoding.name())
                    .isInstanceOfSatisfying(ImportRejected.class, e -> assertThat(e.problems())
                            .anySatisfy(p -> assertThat(p.toString()).contains("document type declaration")));
        }
    }

    @Test
    void theMemoryProposesEarlierTranslationsOfEqualAndCloseTexts() {
        assertThat(desk.proposals(UK, EN, org.masthead.content.RichText.plain("Переговори тривали понад годину."))).first().satisfies(match -> {
            assertThat(match.targetText()).isEqualTo("The talks lasted over an hour.");
            assertThat(match.percent()).isEqualTo(100);
        });
        var close = desk.proposals(UK, EN, org.masthead.content.RichText.plain("Переговори тривали понад годину вчора."));
        assertThat(close).first().satisfies(match -> assertThat(match.percent()).isBetween(80, 99));
        assertThat(desk.proposals(UK, EN, org.masthead.content.RichText.plain("Зовсім інший текст про погоду."))).isEmpty();
        assertThat(desk.proposals(UK, RU, org.masthead.content.RichText.plain("Переговори тривали понад годину."))).isEmpty();
    }

    @Test
    void anImportGoesThroughTheWorkflowItsChecksAndTheAuditLog() {
        var edited = new ArrayList<>(UKRAINIAN);
        edited.set(0, new Block.Paragraph("b1", "Переговори тривали дві години."));
        save(UK, 1, "Переговори у Стамбулі", edited);
        relay.drain();
        // an editor scheduled the story: what goes live is the English revision 1 approved then
        stories.moveTo(storyId, org.masthead.content.StoryStatus.SCHEDULED, java.time.Instant.now().plusSeconds(3600));
        stories.approve(storyId);
        var file = desk.exportXliff(storyId, EN, true).replace("The talks lasted over an hour.", "The talks lasted two hours.")
                .getBytes(StandardCharsets.UTF_8);

        // someone who may not write this story's translations is refused, and nothing is saved
        var outsider = (org.masthead.identity.NewsroomUser) users.loadUserByUsername(
                new org.masthead.support.Staff(accounts).member(org.masthead.identity.Role.CONTRIBUTOR).username());
        assertThatThrownBy(() -> desk.importXliff(storyId, EN, file, outsider))
                .isInstanceOf(org.masthead.editorial.WorkflowRefused.class);
        assertThat(stories.working(storyId, EN).orElseThrow().revision()).isEqualTo(1);

        // the translator's import is saved and audited, and waits for an editor's approval
        var report = desk.importXliff(storyId, EN, file, agency);
        assertThat(report.revision()).isEqualTo(2);
        assertThat(stories.working(storyId, EN).orElseThrow().savedBy()).isEqualTo(agency.username());
        assertThat(stories.approvedRevisions(storyId)).containsEntry(EN, 1);
        var entries = audit.recent(null, agency.username(), 10);
        assertThat(entries).extracting(org.masthead.identity.AuditEntry::action)
                .containsExactlyInAnyOrder("translation.import", "story.edit-after-approval");
        assertThat(entries).filteredOn(e -> e.action().equals("translation.import")).singleElement()
                .satisfies(e -> assertThat(e.subject()).isEqualTo("story " + storyId + " (en)"))
                .satisfies(e -> assertThat(e.detail()).isEqualTo("revision 2; units b1"));
        assertThat(stories.publishIfDue(storyId, java.time.Instant.now().plusSeconds(7200))).isTrue();
        assertThat(stories.published(storyId, EN).orElseThrow().body().getFirst())
                .isEqualTo(new Block.Paragraph("b1", "The talks lasted over an hour."));
    }

    private int save(Language language, int basedOn, String headline, List<Block> body) {
        return stories.savePartial(new SaveVersion(storyId, language, basedOn, headline, "Standfirst " + language.code(), "", "",
                "", "", "", body, "writer"));
    }

    private Map<String, ItemState> states(Language target) {
        return desk.status(storyId, target).items().stream()
                .collect(Collectors.toMap(ItemStatus::itemId, ItemStatus::state));
    }

    private List<QueueEntry> queueFor(Language target) {
        return desk.queue(UK, target).stream().filter(e -> e.storyId() == storyId).toList();
    }
}
