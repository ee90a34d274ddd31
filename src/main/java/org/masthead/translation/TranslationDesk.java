package org.masthead.translation;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.masthead.content.Block;
import org.masthead.content.InlineMarkup;
import org.masthead.content.InvalidContent;
import org.masthead.content.LiveBlogs;
import org.masthead.content.LiveEntry;
import org.masthead.content.RichText;
import org.masthead.content.SaveVersion;
import org.masthead.content.Stories;
import org.masthead.content.StoryNotFound;
import org.masthead.content.TaxonomyNotFound;
import org.masthead.content.VersionView;
import org.masthead.editorial.EditorialWorkflow;
import org.masthead.editorial.TranslationBadges;
import org.masthead.editorial.WorkflowRefused;
import org.masthead.identity.NewsroomUser;
import org.masthead.platform.Language;
import org.masthead.platform.text.WordDiff;
import org.masthead.translation.TranslationRecords.ItemRecord;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps a story's language versions in step: which translated items are behind their source, what
 * changed in the source since, the queue of translation work, XLIFF exchange and the translation memory.
 */
@Service
public class TranslationDesk implements TranslationBadges {

    /** How many of the newest stories the queue looks at. */
    static final int QUEUE_WINDOW = 500;

    private final Stories stories;
    private final TranslationRecords records;
    private final TranslationMemory memory;
    private final XliffFiles xliff;
    private final EditorialWorkflow workflow;
    private final LiveBlogs liveBlogs;

    TranslationDesk(Stories stories, TranslationRecords records, TranslationMemory memory, XliffFiles xliff,
            EditorialWorkflow workflow, LiveBlogs liveBlogs) {
        this.stories = stories;
        this.liveBlogs = liveBlogs;
        this.workflow = workflow;
        this.records = records;
        this.memory = memory;
        this.xliff = xliff;
    }

    /**
     * Whether text {@code index} of an item of {@code kind} carries inline marks (paragraphs, sub-headings,
     * quote texts, list items, image captions); the others (headlines, names, credits) are plain text.
     */
    public static boolean takesMarks(String kind, int index) {
        return Translatable.rich(kind, index);
    }

    /** The target version beside its source, item by item, in the source's order. */
    @Transactional(readOnly = true)
    public TranslationStatus status(long storyId, Language target) {
        var pair = pair(storyId, target);
        return compare(pair, records.items(storyId, target));
    }

    /**
     * Marks items as translated from the current source, clearing their "needs update" mark. Items
     * whose translation is still empty are not marked. Returns the ids that were marked.
     */
    @Transactional
    public List<String> markUpToDate(long storyId, Language target, Collection<String> itemIds, String by) {
        records.lockStory(storyId);
        var pair = pair(storyId, target);
        var marked = new ArrayList<String>();
        var targetItems = pair.targetItems();
        for (var source : pair.sourceItems()) {
            var translated = targetItems.get(source.id());
            if (itemIds.contains(source.id()) && translated != null && translated.translates(source)) {
                recordItem(pair, source, translated, by);
                marked.add(source.id());
            }
        }
        records.saveState(storyId, target, compare(pair, records.items(storyId, target)).behind());
        return marked;
    }

    /**
     * A translation in the source's structure with the given texts: {@code texts} maps item ids to
     * the item's texts in order. Items without texts start empty; images, speakers, links and list
     * kinds always follow the source.
     */
    @Transactional(readOnly = true)
    public ComposedTranslation compose(long storyId, Language target, Map<String, List<RichText>> texts) {
        return compose(pair(storyId, target), texts);
    }

    private static ComposedTranslation compose(Pair pair, Map<String, List<RichText>> texts) {
        var body = new ArrayList<Block>();
        var version = new HashMap<String, List<RichText>>();
        for (var item : pair.sourceItems()) {
            var typed = texts.get(item.id());
            var fitting = typed != null && typed.size() == item.texts().size() ? typed : null;
            if (item.block() == null) {
                version.put(item.id(), fitting != null ? fitting : item.texts().stream().map(t -> RichText.EMPTY).toList());
                continue;
            }
            var block = fitting != null ? item.withTexts(fitting) : item.skeleton();
            if (block != null) {
                body.add(block);
            }
        }
        var lead = version.get(Translatable.LEAD_IMAGE);
        return new ComposedTranslation(version.get(Translatable.HEADLINE).getFirst().text(),
                version.get(Translatable.STANDFIRST).getFirst().text(), lead.get(0).text(), lead.get(1).text(),
                lead.get(2).text(), body);
    }

    /** The body a new translation starts from: the source's blocks with their texts left to translate. */
    @Transactional(readOnly = true)
    public List<Block> startingPoint(long storyId, Language target) {
        return pair(storyId, target).sourceItems().stream().map(Translatable::skeleton)
                .filter(java.util.Objects::nonNull).toList();
    }

    /**
     * Translation work, newest stories first: languages a story lacks and versions behind their source.
     * Either language of the pair may be left open.
     */
    @Transactional(readOnly = true)
    public List<QueueEntry> queue(@Nullable Language source, @Nullable Language target) {
        var entries = new ArrayList<QueueEntry>();
        for (var story : stories.outlines(0, QUEUE_WINDOW)) {
            if (source != null && story.sourceLanguage() != source
                    || !story.revisions().containsKey(story.sourceLanguage())) {
                continue;
            }
            for (var language : Language.all()) {
                if (language == story.sourceLanguage() || target != null && language != target) {
                    continue;
                }
                if (!story.revisions().containsKey(language)) {
                    entries.add(new QueueEntry(story.storyId(), story.headline(), story.status(),
                            story.sourceLanguage(), language, QueueEntry.Kind.MISSING, 0, story.createdAt()));
                } else {
                    int behind = records.staleItems(story.storyId(), language).orElse(0);
                    if (behind > 0) {
                        entries.add(new QueueEntry(story.storyId(), story.headline(), story.status(),
                                story.sourceLanguage(), language, QueueEntry.Kind.NEEDS_UPDATE, behind,
                                story.createdAt()));
                    }
                }
            }
        }
        return entries;
    }

    /** The story desk's "needs update" badges, read from the counts the tracker keeps. */
    @Override
    @Transactional(readOnly = true)
    public Map<Long, Set<Language>> behind(Collection<Long> storyIds) {
        return records.behind(storyIds);
    }

    /** Earlier translations of texts equal or close (80 % or more) to {@code text}. */
    @Transactional(readOnly = true)
    public List<MemoryMatch> proposals(Language from, Language to, RichText text) {
        return memory.proposals(from, to, text);
    }

    /** The target version as an XLIFF 2.0 file: every item, or only those that need work. */
    @Transactional(readOnly = true)
    public String exportXliff(long storyId, Language target, boolean onlyNeedingWork) {
        var pair = pair(storyId, target);
        var status = compare(pair, records.items(storyId, target));
        var needsWork = status.items().stream().filter(ItemStatus::needsWork).map(ItemStatus::itemId)
                .collect(Collectors.toSet());
        var units = new ArrayList<XliffFiles.WriteUnit>();
        for (var item : pair.sourceItems()) {
            if (onlyNeedingWork && !needsWork.contains(item.id()) || item.texts().stream().allMatch(RichText::isBlank)) {
                continue;
            }
            var translated = pair.targetItems().get(item.id());
            units.add(new XliffFiles.WriteUnit(item.id(), item.kind(), item.texts(),
                    translated == null ? List.of() : translated.texts()));
        }
        return xliff.write(pair.source().language(), target, "story-" + storyId,
                "masthead:story:" + storyId + ":" + pair.source().language().code() + ":r" + pair.source().revision(),
                units);
    }

    /**
     * Applies a translated XLIFF file into {@code target}. The file must match the current source text by text; if any
     * unit does not, the whole file is refused with the list of units that differ and nothing is
     * applied. Items already translated from the current source are never overwritten. The translation is
     * saved through the editorial workflow as {@code user}'s ({@link EditorialWorkflow#importTranslation}): the
     * same checks as a save on the desk (translators write only the other languages; a save after an editor's
     * approval waits for a new one) and a {@code translation.import} line in the audit log.
     */
    @Transactional
    public ImportReport importXliff(long storyId, Language target, byte[] file, NewsroomUser user) {
        if (!workflow.permissions(user, storyId).editVersion(target)) {
            throw new WorkflowRefused("translation.import", storyId);
        }
        records.lockStory(storyId);
        var pair = pair(storyId, target);
        var read = xliff.read(file, pair.sourceItems().stream()
                .collect(Collectors.toMap(Translatable::id, Translatable::texts)));
        var problems = new ArrayList<ImportRejected.Problem>();
        if (!target.code().equals(read.targetLanguage())) {
            problems.add(new ImportRejected.Problem("", "the file translates into '" + read.targetLanguage()
                    + "', not into '" + target.code() + "'"));
        }
        if (!pair.source().language().code().equals(read.sourceLanguage())) {
            problems.add(new ImportRejected.Problem("", "the file translates from '" + read.sourceLanguage()
                    + "' but this story's source language is '" + pair.source().language().code() + "'"));
        }
        var sourceItems = pair.sourceItems().stream().collect(Collectors.toMap(Translatable::id, Function.identity()));
        for (var unit : read.units()) {
            var item = sourceItems.get(unit.id());
            if (item == null) {
                problems.add(new ImportRejected.Problem(unit.id(), "the source no longer has this block"));
                continue;
            }
            unit.sources().forEach((index, text) -> {
                if (index >= item.texts().size() || !item.texts().get(index).text().equals(text.text())
                        || !XliffFiles.sameCodes(item.texts().get(index), text)) {
                    problems.add(new ImportRejected.Problem(unit.id(),
                            "the source text changed since the file was exported"));
                }
            });
            unit.problems().forEach(reason -> problems.add(new ImportRejected.Problem(unit.id(), reason)));
        }
        if (!problems.isEmpty()) {
            throw new ImportRejected(problems.stream().distinct().toList());
        }
        return apply(pair, read.units(), user);
    }

    /**
     * Called after an entry of a live blog was translated (on the live desk or through the API): remembers the
     * translation's texts beside the entry's, block by block, so that the memory proposes them next time.
     */
    @Transactional
    void rememberEntry(long storyId, long entryId, Language target) {
        LiveEntry entry;
        try {
            entry = liveBlogs.entry(storyId, entryId);
        } catch (TaxonomyNotFound gone) {
            return;   // deleted since: nothing to remember
        }
        var translation = entry.translations().get(target);
        if (translation == null) {
            return;
        }
        memory.remember(entry.language(), target, RichText.plain(entry.headline()), RichText.plain(translation.headline()));
        var translated = Translatable.of(translation.body()).stream()
                .collect(Collectors.toMap(Translatable::id, Function.identity(), (a, b) -> a));
        for (var source : Translatable.of(entry.body())) {
            var item = translated.get(source.id());
            if (item != null && item.translates(source)) {
                for (int i = 0; i < source.texts().size(); i++) {
                    memory.remember(entry.language(), target, source.texts().get(i), item.texts().get(i));
                }
            }
        }
    }

    /** Called after each save of a version: records newly translated items and refreshes the counts. */
    @Transactional
    void refresh(long storyId, Language saved) {
        var story = stories.details(storyId);
        if (story.isEmpty()) {
            return;   // deleted since the save: nothing left to keep in step
        }
        records.lockStory(storyId);
        var sourceLanguage = story.get().sourceLanguage();
        var source = stories.working(storyId, sourceLanguage);
        if (source.isEmpty()) {
            return;
        }
        // a saved source can put every translation behind; a saved translation concerns only itself
        var targets = saved == sourceLanguage ? Language.all() : List.of(saved);
        for (var target : targets) {
            var translation = target == sourceLanguage ? Optional.<VersionView>empty() : stories.working(storyId, target);
            if (translation.isEmpty()) {
                continue;
            }
            var pair = pair(storyId, target, source.get(), translation.get());
            var known = records.items(storyId, target);
            if (target == saved) {
                for (var item : pair.sourceItems()) {
                    var translated = pair.targetItems().get(item.id());
                    if (!known.containsKey(item.id()) && translated != null && translated.translates(item)) {
                        recordItem(pair, item, translated, translation.get().savedBy());
                    }
                }
                known = records.items(storyId, target);
            }
            records.saveState(storyId, target, compare(pair, known).behind());
        }
    }


    private ImportReport apply(Pair pair, List<XliffFiles.ReadUnit> units, NewsroomUser user) {
        var by = user.username();
        var current = compare(pair, records.items(pair.storyId(), pair.targetLanguage())).items().stream()
                .collect(Collectors.toMap(ItemStatus::itemId, ItemStatus::state));
        var sourceItems = pair.sourceItems().stream().collect(Collectors.toMap(Translatable::id, Function.identity()));
        var translatedTexts = new HashMap<String, List<RichText>>();
        var applied = new ArrayList<String>();
        var kept = new ArrayList<String>();
        var untranslated = new ArrayList<String>();
        for (var unit : units) {
            var previous = pair.targetItems().get(unit.id());
            boolean unchanged = previous != null && unit.targets().entrySet().stream().allMatch(t ->
                    t.getKey() < previous.texts().size() && previous.texts().get(t.getKey()).equals(t.getValue()));
            boolean noAnswer = unchanged || unit.targets().values().stream().allMatch(RichText::isBlank);
            if (!noAnswer && current.get(unit.id()) == ItemState.TRANSLATED) {
                kept.add(unit.id());
            } else if (noAnswer) {
                // no answer, or the old translation sent back as it was exported: not an update
                untranslated.add(unit.id());
            } else {
                var item = sourceItems.get(unit.id());
                var existing = pair.targetItems().get(unit.id());
                var texts = new ArrayList<RichText>();
                for (int i = 0; i < item.texts().size(); i++) {
                    var fromFile = unit.targets().get(i);
                    var before = existing != null && existing.kind().equals(item.kind()) && i < existing.texts().size()
                            ? existing.texts().get(i) : RichText.EMPTY;
                    // texts the file leaves out (blank in the source) keep what the translation has, if anything
                    texts.add(fromFile != null && !fromFile.isBlank() ? fromFile : before.isBlank() ? item.texts().get(i) : before);
                }
                translatedTexts.put(unit.id(), texts);
                applied.add(unit.id());
            }
        }
        if (applied.isEmpty()) {
            return new ImportReport(applied, kept, untranslated, null);
        }
        var merged = merged(pair, translatedTexts, by);
        int revision;
        try {
            revision = workflow.importTranslation(user, merged, "units " + String.join(" ", applied));
        } catch (InvalidContent refused) {
            // the rules refuse what the file would make (a text too long, a direction override in the headline):
            // the whole file is refused, naming the units, and the transaction leaves nothing applied
            throw new ImportRejected(refused.problems().stream()
                    .map(p -> new ImportRejected.Problem(unitOf(p.field(), merged), p.messageKey(), p.args())).distinct().toList());
        }
        var saved = pair(pair.storyId(), pair.targetLanguage());
        for (var id : applied) {
            var translated = saved.targetItems().get(id);
            if (translated != null && translated.translates(sourceItems.get(id))) {
                recordItem(saved, sourceItems.get(id), translated, by);
            }
        }
        records.saveState(pair.storyId(), pair.targetLanguage(),
                compare(saved, records.items(pair.storyId(), pair.targetLanguage())).behind());
        return new ImportReport(applied, kept, untranslated, revision);
    }

    /** The unit a field of the content rules belongs to: {@code body[2].text} is the third block's. */
    private static String unitOf(String field, SaveVersion save) {
        var matcher = java.util.regex.Pattern.compile("body\\[(\\d{1,3})].*").matcher(field);
        if (matcher.matches() && Integer.parseInt(matcher.group(1)) < save.body().size()) {
            return save.body().get(Integer.parseInt(matcher.group(1))).id();
        }
        return switch (field) {
            case "headline", "seoTitle" -> Translatable.HEADLINE;
            case "standfirst" -> Translatable.STANDFIRST;
            default -> field.startsWith("leadImage") ? Translatable.LEAD_IMAGE : "";
        };
    }

    /**
     * The target version after an import: items in the source's order, each either freshly translated
     * from the file, or as the translation had it, or (new in the source) still to translate.
     */
    private SaveVersion merged(Pair pair, Map<String, List<RichText>> translatedTexts, String by) {
        var texts = new HashMap<String, List<RichText>>();
        var sourceKinds = pair.sourceItems().stream().collect(Collectors.toMap(Translatable::id, Translatable::kind));
        pair.targetItems().forEach((id, item) -> {
            if (item.kind().equals(sourceKinds.get(id))) {
                texts.put(id, item.texts());
            }
        });
        texts.putAll(translatedTexts);
        var composed = compose(pair, texts);
        var target = pair.target();
        return new SaveVersion(pair.storyId(), pair.targetLanguage(), target == null ? 0 : target.revision(),
                composed.headline(), composed.standfirst(), target == null ? "" : target.seoTitle(),
                target == null ? "" : target.seoDescription(), composed.leadImageCaption(),
                composed.leadImageCredit(), composed.leadImageAlt(), composed.body(), by);
    }

    private void recordItem(Pair pair, Translatable source, Translatable translated, String by) {
        records.record(pair.storyId(), pair.targetLanguage(), source.id(), pair.source().language(),
                pair.source().revision(), source.fingerprint(), by);
        for (int i = 0; i < source.texts().size(); i++) {
            memory.remember(pair.source().language(), pair.targetLanguage(), source.texts().get(i),
                    translated.texts().get(i));
        }
    }

    private TranslationStatus compare(Pair pair, Map<String, ItemRecord> known) {
        var sourceOrder = new HashMap<String, Integer>();
        for (int i = 0; i < pair.sourceItems().size(); i++) {
            sourceOrder.put(pair.sourceItems().get(i).id(), i);
        }
        var moved = outOfOrder(pair.targetOrder(), sourceOrder);
        var pastSources = new HashMap<Integer, Map<String, Translatable>>();
        var items = new ArrayList<ItemStatus>();
        for (var source : pair.sourceItems()) {
            var translated = pair.targetItems().get(source.id());
            var record = known.get(source.id());
            var targetTexts = translated == null ? List.<RichText>of() : translated.texts();
            ItemState state;
            List<List<WordDiff.Part>> changes = List.of();
            if (translated == null || !translated.translates(source) || record == null) {
                state = ItemState.NOT_TRANSLATED;
            } else if (!record.sourceHash().equals(source.fingerprint())) {
                state = ItemState.SOURCE_CHANGED;
                var then = pastSources.computeIfAbsent(record.sourceRevision(), revision -> stories
                        .revision(pair.storyId(), record.sourceLanguage(), revision)
                        .map(v -> Translatable.of(v).stream().collect(Collectors.toMap(Translatable::id, t -> t)))
                        .orElse(Map.of()));
                var before = Optional.ofNullable(then.get(source.id())).map(Translatable::texts).orElse(List.of());
                changes = new ArrayList<>();
                for (int i = 0; i < source.texts().size(); i++) {
                    changes.add(change(i < before.size() ? before.get(i) : RichText.EMPTY, source.texts().get(i)));
                }
            } else if (moved.contains(source.id())) {
                state = ItemState.MOVED;
            } else {
                state = ItemState.TRANSLATED;
            }
            items.add(new ItemStatus(source.id(), source.kind(), state, source.texts(), targetTexts, changes));
        }
        for (var id : pair.targetOrder()) {
            if (!sourceOrder.containsKey(id)) {
                var orphan = pair.targetItems().get(id);
                items.add(new ItemStatus(id, orphan.kind(), ItemState.REMOVED_FROM_SOURCE, List.of(), orphan.texts(),
                        List.of()));
            }
        }
        var target = pair.target();
        return new TranslationStatus(pair.storyId(), pair.source().language(), pair.targetLanguage(),
                pair.source().revision(), target == null ? null : target.revision(), items);
    }

    /**
     * How a source text changed: a word diff of the plain texts, or of their markup when either has marks,
     * so a new emphasis or a changed link target shows as the change it is.
     */
    private static List<WordDiff.Part> change(RichText before, RichText after) {
        return before.marks().isEmpty() && after.marks().isEmpty()
                ? WordDiff.between(before.text(), after.text())
                : WordDiff.between(InlineMarkup.write(before), InlineMarkup.write(after));
    }

    /**
     * The items of the translation that stand in another order than in the source: those outside the
     * longest run of items that keep the source's order (so one moved block flags one block, not all).
     */
    private static java.util.Set<String> outOfOrder(List<String> targetOrder, Map<String, Integer> sourceOrder) {
        var common = targetOrder.stream().filter(sourceOrder::containsKey).toList();
        int n = common.size();
        var length = new int[n];
        var previous = new int[n];
        int best = -1;
        for (int i = 0; i < n; i++) {
            length[i] = 1;
            previous[i] = -1;
            for (int j = 0; j < i; j++) {
                if (sourceOrder.get(common.get(j)) < sourceOrder.get(common.get(i)) && length[j] + 1 > length[i]) {
                    length[i] = length[j] + 1;
                    previous[i] = j;
                }
            }
            if (best < 0 || length[i] > length[best]) {
                best = i;
            }
        }
        var inOrder = new HashSet<String>();
        for (int i = best; i >= 0; i = previous[i]) {
            inOrder.add(common.get(i));
        }
        var moved = new HashSet<>(common);
        moved.removeAll(inOrder);
        return moved;
    }

    private Pair pair(long storyId, Language target) {
        var sourceLanguage = stories.sourceLanguage(storyId);
        if (target == sourceLanguage) {
            throw new IllegalArgumentException("'" + target.code() + "' is the source language of story " + storyId);
        }
        var source = stories.working(storyId, sourceLanguage).orElseThrow(() -> new StoryNotFound(storyId));
        return pair(storyId, target, source, stories.working(storyId, target).orElse(null));
    }

    private static Pair pair(long storyId, Language target, VersionView source, @Nullable VersionView translation) {
        var targetItems = translation == null ? List.<Translatable>of() : Translatable.of(translation);
        return new Pair(storyId, target, source, translation, Translatable.of(source),
                targetItems.stream().collect(Collectors.toMap(Translatable::id, Function.identity(), (a, b) -> a)),
                targetItems.stream().map(Translatable::id).toList());
    }

    /** A source version and one translation of it, each as translatable items. */
    private record Pair(long storyId, Language targetLanguage, VersionView source, @Nullable VersionView target,
            List<Translatable> sourceItems, Map<String, Translatable> targetItems, List<String> targetOrder) {
    }
}
