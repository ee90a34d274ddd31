package org.masthead.translation;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
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
import org.masthead.editorial.LiveDesk;
import org.masthead.editorial.TranslationBadges;
import org.masthead.editorial.WorkflowRefused;
import org.masthead.identity.NewsroomUser;
import org.masthead.platform.Language;
import org.masthead.platform.text.WordDiff;
import org.masthead.translation.TranslationRecords.ItemRecord;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps a story's language versions in step: which translated items are behind their source, what
 * changed in the source since, the queue of translation work, XLIFF exchange and the translation memory.
 */
@Service
public class TranslationDesk implements TranslationBadges {

    /** How many of the newest stories the queue looks at. */
    static final int QUEUE_WINDOW = 500;
    /** The item id of an entry's headline among {@link #entryItems}; the others are its blocks' ids. */
    public static final String ENTRY_HEADLINE = Translatable.HEADLINE;
    /** How many entries of a live blog an XLIFF exchange reads at a time. */
    private static final int ENTRY_PAGE = 200;

    private final Stories stories;
    private final TranslationRecords records;
    private final TranslationMemory memory;
    private final XliffFiles xliff;
    private final EditorialWorkflow workflow;
    private final LiveBlogs liveBlogs;
    private final LiveDesk liveDesk;
    /** Each entry of an XLIFF file is saved in a savepoint: one the content rules refuse leaves the others saved. */
    private final TransactionTemplate savepoint;

    TranslationDesk(Stories stories, TranslationRecords records, TranslationMemory memory, XliffFiles xliff,
            EditorialWorkflow workflow, LiveBlogs liveBlogs, LiveDesk liveDesk, PlatformTransactionManager transactions) {
        this.stories = stories;
        this.liveBlogs = liveBlogs;
        this.liveDesk = liveDesk;
        this.savepoint = new TransactionTemplate(transactions);
        this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
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
        var version = new HashMap<String, List<RichText>>();
        var body = composed(pair.sourceItems(), texts, version);
        var lead = version.get(Translatable.LEAD_IMAGE);
        return new ComposedTranslation(version.get(Translatable.HEADLINE).getFirst().text(),
                version.get(Translatable.STANDFIRST).getFirst().text(), lead.get(0).text(), lead.get(1).text(),
                lead.get(2).text(), body);
    }

    /**
     * The blocks of {@code items} with the texts of {@code texts} (by item id; an item without texts that fit starts
     * from its skeleton); the texts of the items that are no blocks (headline, standfirst, lead image) go into
     * {@code others}.
     */
    private static List<Block> composed(List<Translatable> items, Map<String, List<RichText>> texts,
            Map<String, List<RichText>> others) {
        var body = new ArrayList<Block>();
        for (var item : items) {
            var typed = texts.get(item.id());
            var fitting = typed != null && typed.size() == item.texts().size() ? typed : null;
            if (item.block() == null) {
                others.put(item.id(), fitting != null ? fitting : item.texts().stream().map(t -> RichText.EMPTY).toList());
                continue;
            }
            var block = fitting != null ? item.withTexts(fitting) : item.skeleton();
            if (block != null) {
                body.add(block);
            }
        }
        return body;
    }

    /**
     * A live blog entry beside its translation into {@code target}, item by item (its headline, then each block): the
     * texts of the translated items, or for an entry not yet translated its skeleton's (a quote's speaker, an image's
     * credit), which the translation desk's form starts from. {@code state} is the entry's as a whole.
     */
    public List<ItemStatus> entryItems(LiveEntry entry, Language target) {
        var unit = EntryUnit.of(entry, target);
        var translation = entry.translations().get(target);
        var translated = unit.translated(translation);
        var state = switch (entry.standing(target)) {
            case TRANSLATED -> ItemState.TRANSLATED;
            case OUTDATED -> ItemState.SOURCE_CHANGED;
            default -> ItemState.NOT_TRANSLATED;
        };
        var items = new ArrayList<ItemStatus>();
        for (int i = 0; i < unit.items().size(); i++) {
            var item = unit.items().get(i);
            var skeleton = item.skeleton();
            var texts = translation != null || skeleton == null ? translated.get(i) : Translatable.of(List.of(skeleton)).getFirst().texts();
            items.add(new ItemStatus(item.id(), item.kind(), state, item.texts(), texts, List.of()));
        }
        return items;
    }

    /**
     * An entry's translation into {@code target} with the given texts ({@code texts} by item id, as {@link
     * #entryItems} lists them): the entry's blocks, each with its texts replaced, the image, linked story, embedded
     * address and list kind kept as the entry has them.
     */
    public LiveEntry.TranslationDraft entryTranslation(LiveEntry entry, Language target, Map<String, List<RichText>> texts) {
        var others = new HashMap<String, List<RichText>>();
        var body = composed(Translatable.of(entry.headline(), entry.body()), texts, others);
        return new LiveEntry.TranslationDraft(target, others.get(Translatable.HEADLINE).getFirst().text(), body);
    }

    /** An entry's headline and the texts of its blocks, in order, as the translation desk sees them. */
    public static List<RichText> entryTexts(String headline, List<Block> body) {
        return Translatable.of(headline, body).stream().flatMap(item -> item.texts().stream()).toList();
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

    /**
     * The target version as an XLIFF 2.0 file: every item, or only those that need work. A live blog's file also
     * carries its entries written in the story's source language (not those withdrawn), one unit each ({@link
     * EntryUnit}), every one or those not translated from their current text.
     */
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
        for (var entry : entryUnits(storyId, pair.source().language(), target).values()) {
            var source = entry.source();
            if (onlyNeedingWork && entry.entry().standing(target) == LiveEntry.Standing.TRANSLATED
                    || source.texts().stream().allMatch(RichText::isBlank)) {
                continue;
            }
            var previous = entry.previous();
            units.add(new XliffFiles.WriteUnit(entry.id(), EntryUnit.KIND, source.texts(),
                    previous == null ? List.of() : previous.texts()));
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
     *
     * <p>The units of a live blog's entries are checked the same way, but each entry is a translation of its own:
     * one whose source text changed since the export, whose codes do not fit, or whose translation the content rules
     * refuse is left out and named in the report's {@code rejected}, and the others are saved through the live desk
     * ({@link LiveDesk#translate}: its permissions, the audit log, the outbox), which puts each up to date.
     */
    @Transactional
    public ImportReport importXliff(long storyId, Language target, byte[] file, NewsroomUser user) {
        if (!workflow.permissions(user, storyId).editVersion(target)) {
            throw new WorkflowRefused("translation.import", storyId);
        }
        records.lockStory(storyId);
        var pair = pair(storyId, target);
        var entries = entryUnits(storyId, pair.source().language(), target);
        var current = pair.sourceItems().stream().collect(Collectors.toMap(Translatable::id, Translatable::texts));
        entries.forEach((id, entry) -> current.put(id, entry.source().texts()));
        var read = xliff.read(file, current);
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
        var storyUnits = new ArrayList<XliffFiles.ReadUnit>();
        var entryUnits = new ArrayList<XliffFiles.ReadUnit>();
        var rejected = new ArrayList<ImportRejected.Problem>();
        for (var unit : read.units()) {
            var item = sourceItems.get(unit.id());
            if (item == null && unit.id().startsWith(EntryUnit.PREFIX)) {
                var entry = entries.get(unit.id());
                var reasons = entry == null ? List.of("the live blog no longer has this entry to translate")
                        : mismatches(unit, entry.source());
                reasons.forEach(reason -> rejected.add(new ImportRejected.Problem(unit.id(), reason)));
                if (reasons.isEmpty()) {
                    entryUnits.add(unit);
                }
            } else if (item == null) {
                problems.add(new ImportRejected.Problem(unit.id(), "the source no longer has this block"));
            } else {
                mismatches(unit, item).forEach(reason -> problems.add(new ImportRejected.Problem(unit.id(), reason)));
                storyUnits.add(unit);
            }
        }
        if (!problems.isEmpty()) {
            throw new ImportRejected(problems.stream().distinct().toList());
        }
        var story = apply(pair, storyUnits, user);
        var live = applyEntries(storyId, entries, entryUnits, user);
        return new ImportReport(concat(story.applied(), live.applied()),
                concat(story.keptAlreadyTranslated(), live.keptAlreadyTranslated()),
                concat(story.untranslatedUnits(), live.untranslatedUnits()), story.revision(),
                concat(rejected, live.rejected()));
    }

    /** Why a unit does not fit the item it translates: a source text changed since the export, or its codes. */
    private static List<String> mismatches(XliffFiles.ReadUnit unit, Translatable item) {
        var reasons = new ArrayList<String>();
        unit.sources().forEach((index, text) -> {
            if (index >= item.texts().size() || !item.texts().get(index).text().equals(text.text())
                    || !XliffFiles.sameCodes(item.texts().get(index), text)) {
                reasons.add("the source text changed since the file was exported");
            }
        });
        reasons.addAll(unit.problems());
        return reasons.stream().distinct().toList();
    }

    /**
     * The texts of {@code item} with the answers of {@code unit}, or null when the unit brings none (no answer, or
     * the translation sent back as it was exported). A text the file leaves out (blank in the source) keeps what
     * the translation {@code previous} has, if anything.
     */
    private static @Nullable List<RichText> answer(XliffFiles.ReadUnit unit, Translatable item,
            @Nullable Translatable previous) {
        boolean unchanged = previous != null && unit.targets().entrySet().stream().allMatch(t ->
                t.getKey() < previous.texts().size() && previous.texts().get(t.getKey()).equals(t.getValue()));
        if (unchanged || unit.targets().values().stream().allMatch(RichText::isBlank)) {
            return null;
        }
        var texts = new ArrayList<RichText>();
        for (int i = 0; i < item.texts().size(); i++) {
            var fromFile = unit.targets().get(i);
            var before = previous != null && previous.kind().equals(item.kind()) && i < previous.texts().size()
                    ? previous.texts().get(i) : RichText.EMPTY;
            texts.add(fromFile != null && !fromFile.isBlank() ? fromFile : before.isBlank() ? item.texts().get(i) : before);
        }
        return texts;
    }

    /** Saves the entries the units answer, each in a savepoint; those the content rules refuse are reported. */
    private ImportReport applyEntries(long storyId, Map<String, EntryUnit> entries, List<XliffFiles.ReadUnit> units,
            NewsroomUser user) {
        var applied = new ArrayList<String>();
        var kept = new ArrayList<String>();
        var untranslated = new ArrayList<String>();
        var rejected = new ArrayList<ImportRejected.Problem>();
        for (var unit : units) {
            var entry = entries.get(unit.id());
            var texts = answer(unit, entry.source(), entry.previous());
            if (texts == null) {
                untranslated.add(unit.id());
            } else if (entry.entry().standing(entry.target()) == LiveEntry.Standing.TRANSLATED) {
                kept.add(unit.id());
            } else {
                var draft = entryTranslation(entry.entry(), entry.target(), entry.split(texts));
                try {
                    savepoint.executeWithoutResult(status -> liveDesk.translate(user, storyId, entry.entry().id(), draft));
                    applied.add(unit.id());
                } catch (InvalidContent refused) {
                    refused.problems().forEach(p -> rejected.add(new ImportRejected.Problem(unit.id(), p.messageKey(), p.args())));
                }
            }
        }
        return new ImportReport(applied, kept, untranslated, null, rejected);
    }

    /**
     * The entries of the live blog a file from {@code source} into {@code target} carries, newest first, by unit
     * id: those written in {@code source} and not withdrawn (none when the story is no live blog).
     */
    private Map<String, EntryUnit> entryUnits(long storyId, Language source, Language target) {
        var units = new LinkedHashMap<String, EntryUnit>();
        if (liveBlogs.find(storyId).isEmpty()) {
            return units;
        }
        Long older = null;
        do {
            var page = liveBlogs.entries(storyId, null, older, ENTRY_PAGE);
            for (var entry : page.entries()) {
                if (entry.language() == source && !entry.withdrawn()) {
                    var unit = EntryUnit.of(entry, target);
                    units.put(unit.id(), unit);
                }
            }
            older = page.olderThan();
        } while (older != null);
        return units;
    }

    private static <T> List<T> concat(List<T> first, List<T> second) {
        return java.util.stream.Stream.concat(first.stream(), second.stream()).toList();
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
            var texts = answer(unit, sourceItems.get(unit.id()), pair.targetItems().get(unit.id()));
            if (texts == null) {
                untranslated.add(unit.id());
            } else if (current.get(unit.id()) == ItemState.TRANSLATED) {
                kept.add(unit.id());
            } else {
                translatedTexts.put(unit.id(), texts);
                applied.add(unit.id());
            }
        }
        if (applied.isEmpty()) {
            return new ImportReport(applied, kept, untranslated, null, List.of());
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
        return new ImportReport(applied, kept, untranslated, revision, List.of());
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
