package org.masthead.imports;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.masthead.content.AuthorDraft;
import org.masthead.content.Block;
import org.masthead.content.ContentRules;
import org.masthead.content.InvalidContent;
import org.masthead.content.NewStory;
import org.masthead.content.PageDraft;
import org.masthead.content.PagePurpose;
import org.masthead.content.PageSettings;
import org.masthead.content.Pages;
import org.masthead.content.SaveVersion;
import org.masthead.content.SectionDraft;
import org.masthead.content.Stories;
import org.masthead.content.StoryMetadata;
import org.masthead.content.StoryStatus;
import org.masthead.content.TagDraft;
import org.masthead.content.Taxonomy;
import org.masthead.content.TaxonomyRejected;
import org.masthead.imports.ImportReport.Outcome;
import org.masthead.media.MediaLibrary;
import org.masthead.platform.Language;
import org.masthead.platform.Localized;
import org.masthead.platform.db.SqlDialect;
import org.masthead.platform.text.Slugs;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes what an {@link Archive} describes through the newsroom's own front doors: sections, tags and authors
 * through {@link Taxonomy}, stories through {@link Stories} (whose {@link ContentRules} check every body), pages
 * through {@link Pages}, images through {@link ArchiveImages}. Each item is one savepoint of an {@link ImportBatch}
 * that also records what the item became ({@link ImportLedger}), so an item is either wholly there, with its record,
 * or not at all: a run stopped at any point and started again ends as an uninterrupted one. A dry run reads the
 * ledger and checks the bodies, and writes nothing.
 */
@Component
class ArchiveWriter {

    static final String BY = "import";

    private static final Pattern BODY_FIELD = Pattern.compile("^body\\[(\\d+)\\].*");
    private static final Pattern TAGS = Pattern.compile("<[^>]*>");

    /** One post or page with what it says: read on the second pass, one at a time. */
    record Content(String title, String excerpt, String html, String digest, boolean tooLarge) {
    }

    /** One run's state: the archive, the options, the report and the batch being written. */
    static final class Run {
        final Archive archive;
        final ImportOptions options;
        final ImportReport report;
        final ImportBatch batch;
        final Set<String> reportedImages = new HashSet<>();
        /** Images being read and encoded ahead of the posts that show them (see {@link #expect}), by key. */
        private final Map<String, CompletableFuture<MediaLibrary.PreparedUpload>> ahead = new ConcurrentHashMap<>();
        private final Set<String> expected = ConcurrentHashMap.newKeySet();
        private @Nullable ExecutorService encoder;

        private Run(Archive archive, ImportOptions options, ImportReport report, ImportBatch batch) {
            this.archive = archive;
            this.options = options;
            this.report = report;
            this.batch = batch;
        }

        private synchronized ExecutorService encoder() {
            if (encoder == null) {
                // a thread per core: while images are wanted faster than they are made, the writer waits for them
                encoder = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors(),
                        Thread.ofPlatform().name("archive-images-", 0).daemon(true).factory());
            }
            return encoder;
        }
    }

    private final Stories stories;
    private final Taxonomy taxonomy;
    private final Pages pages;
    private final ContentRules rules;
    private final ImportLedger ledger;
    private final ArchiveImages images;
    private final PlatformTransactionManager transactions;
    /** For the reading thread: read-only, so on SQLite it reads on the read pool, never waiting for the writer. */
    private final TransactionTemplate committed;
    private final SqlDialect dialect;
    private final Clock clock;

    ArchiveWriter(Stories stories, Taxonomy taxonomy, Pages pages, ContentRules rules, ImportLedger ledger,
            ArchiveImages images, PlatformTransactionManager transactions, SqlDialect dialect, Clock clock) {
        this.dialect = dialect;
        this.stories = stories;
        this.taxonomy = taxonomy;
        this.pages = pages;
        this.rules = rules;
        this.ledger = ledger;
        this.images = images;
        this.transactions = transactions;
        this.committed = new TransactionTemplate(transactions);
        this.committed.setReadOnly(true);
        this.clock = clock;
    }

    /** A run of {@code archive}: end it with {@link #finish}, however it ends. */
    Run start(Archive archive, ImportOptions options, ImportReport report) {
        return new Run(archive, options, report, new ImportBatch(transactions, report, dialect == SqlDialect.SQLITE));
    }

    /** Commits what the run's last batch holds, and stops encoding images ahead. */
    void finish(Run run) {
        try {
            run.batch.commit();
        } finally {
            synchronized (run) {
                if (run.encoder != null) {
                    run.encoder.shutdownNow();
                }
            }
            run.ahead.clear();
        }
    }

    /**
     * Told of a post before {@link #post} brings it in, from another thread: starts reading and encoding the images
     * it shows that no earlier run brought in, so that they are ready when the post is written. Reads only what is
     * committed, and writes nothing; if it cannot read, the images are encoded when the post is written.
     */
    void expect(Run run, Archive.Post post, Content content) {
        if (run.options.dryRun() || !brought(post, content)) {
            return;
        }
        var wanted = wantedImages(run, post, content);
        List<String> missing;
        try {
            missing = committed.execute(status -> {
                var found = ledger.find(run.archive.source, run.archive.site, post.key());
                if (found.isPresent() && found.get().digest().equals(content.digest())) {
                    return List.<String>of();
                }
                return wanted.stream().filter(key -> !run.expected.contains(key)
                        && ledger.find(run.archive.source, run.archive.site, key).isEmpty()).toList();
            });
        } catch (RuntimeException unread) {
            return;
        }
        for (var key : java.util.Objects.requireNonNull(missing)) {
            var image = run.archive.images.get(key);
            if (image != null && run.expected.add(key)) {
                run.ahead.put(key, CompletableFuture.supplyAsync(() -> images.prepare(image, run.archive, run.options),
                        run.encoder()));
            }
        }
    }

    private static boolean brought(Archive.Post post, Content content) {
        return post.language() != null && STATUSES.contains(post.status()) && !content.tooLarge() && !content.title().isBlank();
    }

    private static final Set<String> STATUSES = Set.of("publish", "draft", "pending", "future", "private");

    /** The images a post shows: its group's featured image, then those in its content. */
    private static List<String> wantedImages(Run run, Archive.Post post, Content content) {
        var wanted = new ArrayList<String>();
        var group = run.archive.groups.get(post.group());
        if (group != null && group.featuredImage() != null) {
            wanted.add(group.featuredImage());
        }
        wanted.addAll(ArchiveImages.referenced(content.html(), run.archive));
        return wanted;
    }

    // ---- sections, tags, authors

    /** Brings in every section, tag and author that the archive's stories are filed under, one line each. */
    void taxonomy(Run run) {
        if (!run.options.dryRun()) {
            run.batch.begin();
        }
        var used = new HashSet<String>();
        run.archive.groups.values().forEach(g -> {
            if (g.section() != null) {
                used.add(g.section());
            }
            used.addAll(g.tags());
            used.addAll(g.authors());
        });
        for (var term : run.archive.terms.values()) {
            if (used.contains(term.key())) {
                once(run, term.label(), term.section() ? "category" : "tag", () -> term(run, term, term.slug()),
                        () -> term(run, term, ""));
            }
        }
        for (var author : run.archive.authors.values()) {
            if (used.contains(author.key())) {
                once(run, author.label(), "author", () -> author(run, author, author.slug()), () -> author(run, author, ""));
            }
        }
        run.archive.aliases.forEach((alias, target) -> {
            var term = run.archive.terms.get(alias);
            var id = mapped(run, target);
            if (term != null && id != null && !run.options.dryRun()) {
                run.batch.inSavepoint(() -> {
                    ledger.put(run.archive.source, run.archive.site, alias, "section", id, term.language(), "");
                    addresses(term.addresses(), "section", id, term.language());
                    return id;
                });
            }
        });
        if (!run.options.dryRun()) {
            // the old site's own feeds lead to the home feed
            run.batch.inSavepoint(() -> {
                for (var feed : HOME_FEEDS) {
                    ledger.address(run.archive.basePath + feed, "home", 0, run.archive.defaultLanguage, true);
                }
                return HOME_FEEDS.size();
            });
            run.batch.commit();
        }
    }

    private static final List<String> HOME_FEEDS = List.of("/feed", "/feed/rss2", "/feed/rss", "/feed/atom", "/rss",
            "/rss.xml", "?feed=rss2", "?feed=rss", "?feed=atom");

    private record Done(Outcome outcome, String target, String reason) {
    }

    /** Runs one item in its own savepoint; a clash with a concurrent run of the same file is tried once more. */
    private void once(Run run, String label, String type, java.util.function.Supplier<Done> work) {
        once(run, label, type, work, null);
    }

    /**
     * The same; when the newsroom refuses a slug the item kept from its source (taken, reserved), {@code freeSlug}
     * does it again in a new savepoint with a slug of the newsroom's making.
     */
    private void once(Run run, String label, String type, java.util.function.Supplier<Done> work,
            java.util.function.@Nullable Supplier<Done> freeSlug) {
        Done done;
        try {
            done = inTransaction(run, work);
        } catch (TaxonomyRejected rejected) {
            if (freeSlug == null) {
                done = new Done(Outcome.FAILED, "", reason(rejected));
            } else {
                try {
                    var second = inTransaction(run, freeSlug);
                    done = new Done(second.outcome(), second.target(), (second.reason().isEmpty() ? "" : second.reason() + "; ")
                            + "the slug could not be kept (" + rejected.messageKey() + ")");
                } catch (RuntimeException e) {
                    done = new Done(Outcome.FAILED, "", reason(e));
                }
            }
        } catch (DataIntegrityViolationException clash) {
            try {
                done = inTransaction(run, work);
            } catch (RuntimeException e) {
                done = new Done(Outcome.FAILED, "", reason(e));
            }
        } catch (RuntimeException e) {
            done = new Done(Outcome.FAILED, "", reason(e));
        }
        run.batch.line(label, type, done.outcome(), done.target(), done.reason());
    }

    private Done inTransaction(Run run, java.util.function.Supplier<Done> work) {
        if (run.options.dryRun()) {
            return work.get();
        }
        return run.batch.inSavepoint(work);
    }

    private Done term(Run run, Archive.Term term, String slug) {
        var kind = term.section() ? "section" : "tag";
        var found = ledger.find(run.archive.source, run.archive.site, term.key());
        if (found.isPresent()) {
            if (!run.options.dryRun()) {
                addresses(term.addresses(), kind, found.get().targetId(), term.language(), run);
            }
            return new Done(Outcome.UNCHANGED, kind + " " + found.get().targetId(), "");
        }
        var names = names(term.names());
        var existing = term.section() ? taxonomy.section(term.slug()).map(s -> s.id()) : taxonomy.tag(term.slug()).map(t -> t.id());
        if (run.options.dryRun()) {
            return new Done(Outcome.IMPORTED, kind + " " + term.slug(), existing.isPresent() ? "the newsroom's own " + kind + " is used" : "");
        }
        long id;
        String reason = "";
        if (existing.isPresent()) {
            id = existing.get();
            reason = "the newsroom's own " + kind + " " + term.slug() + " is used";
        } else if (term.section()) {
            id = taxonomy.createSection(SectionDraft.named(slug, names));
        } else {
            id = taxonomy.createTag(TagDraft.named(slug, names));
        }
        ledger.claim(run.archive.source, run.archive.site, term.key(), kind, id);
        addresses(term.addresses(), kind, id, term.language(), run);
        return new Done(Outcome.IMPORTED, kind + " " + id, reason);
    }

    private Done author(Run run, Archive.Author author, String slug) {
        var found = ledger.find(run.archive.source, run.archive.site, author.key());
        if (found.isPresent()) {
            if (!run.options.dryRun()) {
                addresses(author.addresses(), "author", found.get().targetId(), null, run);
            }
            return new Done(Outcome.UNCHANGED, "author " + found.get().targetId(), "");
        }
        var existing = taxonomy.author(author.slug()).map(a -> a.id());
        if (run.options.dryRun()) {
            return new Done(Outcome.IMPORTED, "author " + author.slug(), existing.isPresent() ? "the newsroom's own author is used" : "");
        }
        long id;
        if (existing.isPresent()) {
            id = existing.get();
        } else {
            var name = Localized.same(author.name().isBlank() ? author.slug() : author.name());
            id = taxonomy.createAuthor(AuthorDraft.named(slug, name, Localized.EMPTY));
        }
        ledger.claim(run.archive.source, run.archive.site, author.key(), "author", id);
        addresses(author.addresses(), "author", id, null, run);
        return new Done(Outcome.IMPORTED, "author " + id, existing.isPresent() ? "the newsroom's own author is used" : "");
    }

    /** Names in every language: a language the source did not name takes the name it had in another. */
    static Localized names(Map<Language, String> names) {
        var first = names.values().stream().filter(n -> !n.isBlank()).findFirst().orElse("—");
        var all = new EnumMap<Language, String>(Language.class);
        for (var language : Language.all()) {
            var name = names.getOrDefault(language, "").strip();
            all.put(language, name.isEmpty() ? first : name.length() > 120 ? name.substring(0, 120) : name);
        }
        return Localized.of(all);
    }

    private void addresses(List<String> addresses, String kind, long id, @Nullable Language language) {
        addresses(addresses, kind, id, language, null);
    }

    private void addresses(List<String> addresses, String kind, long id, @Nullable Language language, @Nullable Run run) {
        if (language == null && run != null) {
            language = run.archive.defaultLanguage;
        }
        for (var address : addresses) {
            boolean feed = address.endsWith("/feed") || address.endsWith("/rss") || address.contains("/feed/") || address.contains("?feed=");
            ledger.address(address, kind, id, language, feed);
        }
    }

    // ---- posts and pages

    /** Brings in one post or page in one language; one line in the report. */
    void post(Run run, Archive.Post post, Content content) {
        if (!run.options.dryRun()) {
            run.batch.begin();
        }
        item(run, post, content);
        run.batch.commitIfDue();
    }

    private void item(Run run, Archive.Post post, Content content) {
        var type = post.page() ? "page" : "post";
        if (post.language() == null) {
            run.batch.line(post.label(), type, Outcome.SKIPPED, "", "language " + post.languageCode()
                    + " is not one of the newsroom's (uk, en, ru)");
            return;
        }
        if (!STATUSES.contains(post.status())) {
            run.batch.line(post.label(), type, Outcome.SKIPPED, "", "status " + post.status() + " is not brought in");
            return;
        }
        if (content.tooLarge()) {
            run.batch.line(post.label(), type, Outcome.FAILED, "", "the content is longer than "
                    + WxrReader.MAX_TEXT + " characters");
            return;
        }
        if (content.title().isBlank()) {
            run.batch.line(post.label(), type, Outcome.SKIPPED, "", "no title");
            return;
        }
        var found = ledger.find(run.archive.source, run.archive.site, post.key());
        if (found.isPresent() && found.get().digest().equals(content.digest())) {
            run.batch.line(post.label(), type, Outcome.UNCHANGED, target(found.get()), "");
            return;
        }
        // the images come in first, each in its own savepoint: a file on disk never outlives its row
        if (!run.options.dryRun()) {
            for (var key : wantedImages(run, post, content)) {
                image(run, key);
            }
        }
        once(run, post.label(), type, () -> post.page() ? page(run, post, content, found.orElse(null), true)
                : story(run, post, content, found.orElse(null)), post.page() ? () -> page(run, post, content, found.orElse(null), false) : null);
    }

    /** The image as read and encoded ahead, or read and encoded now if it was not. */
    private MediaLibrary.PreparedUpload prepared(Run run, String key, Archive.Image image) {
        var ahead = run.ahead.remove(key);
        if (ahead == null) {
            return images.prepare(image, run.archive, run.options);
        }
        try {
            return ahead.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }

    private static String target(ImportLedger.Entry entry) {
        return (entry.kind().equals("page-version") ? "page " : "story ") + entry.targetId() + " " + entry.language();
    }

    private Optional<Long> image(Run run, String key) {
        var found = ledger.find(run.archive.source, run.archive.site, key);
        if (found.isPresent()) {
            return Optional.of(found.get().targetId());
        }
        var image = run.archive.images.get(key);
        if (image == null || run.reportedImages.contains(key)) {
            return Optional.empty();
        }
        run.reportedImages.add(key);
        try {
            var id = run.batch.inSavepoint(() -> {
                var stored = images.store(prepared(run, key, image), image);
                ledger.claim(run.archive.source, run.archive.site, key, "media", stored);
                return stored;
            });
            run.batch.line(image.key(), "image", Outcome.IMPORTED, "media " + id, "");
            return Optional.ofNullable(id);
        } catch (ArchiveImages.NotBrought e) {
            run.batch.line(image.key(), "image", Outcome.FAILED, "", e.getMessage() + ": " + image.url());
        } catch (RuntimeException e) {
            run.batch.line(image.key(), "image", Outcome.FAILED, "", reason(e) + ": " + image.url());
        }
        return Optional.empty();
    }

    private Done story(Run run, Archive.Post post, Content content, ImportLedger.@Nullable Entry before) {
        var language = java.util.Objects.requireNonNull(post.language());
        var group = run.archive.groups.get(post.group());
        boolean dry = run.options.dryRun();
        long storyId = dry ? ledger.find(run.archive.source, run.archive.site, "group:" + post.group())
                .map(ImportLedger.Entry::targetId).orElse(0L) : ensureStory(run, group);
        var converted = HtmlBlocks.convert(content.html(), resolver(run, dry));
        var notes = new ArrayList<>(converted.notes());
        var leadImage = group == null || group.featuredImage() == null ? null : run.archive.images.get(group.featuredImage());
        var slug = slug(post.slug(), content.title(), language);
        var body = converted.blocks();
        // read once: the save below changes none of what status() reads of it
        var details = dry || storyId == 0 ? null : stories.details(storyId).orElseThrow();
        int basedOn = details == null ? 0 : details.revisions().getOrDefault(language, 0);
        var save = new SaveVersion(storyId, language, basedOn, content.title(), plain(content.excerpt()), "", "",
                leadImage == null ? "" : leadImage.caption(), leadImage == null ? "" : leadImage.credit(),
                leadImage == null ? "" : leadImage.alt(), body, BY);
        if (dry) {
            check(save, notes);
            return new Done(before == null ? Outcome.IMPORTED : Outcome.UPDATED,
                    storyId == 0 ? "new story " + language.code() : "story " + storyId + " " + language.code(), String.join("; ", notes));
        }
        saveDroppingRefused(save, slug, notes);
        status(java.util.Objects.requireNonNull(details), language, post, before != null);
        if (before != null && group != null) {
            refile(run, storyId, group);
        }
        addresses(post.addresses(), "story", storyId, language);
        ledger.put(run.archive.source, run.archive.site, post.key(), "version", storyId, language, content.digest());
        return new Done(before == null ? Outcome.IMPORTED : Outcome.UPDATED, "story " + storyId + " " + language.code(),
                String.join("; ", notes));
    }

    /**
     * Saves the version; blocks the content rules refuse are left out and named, the rest is saved. The rules are
     * asked first, so that a refusal never reaches the transaction (which it would mark for rollback).
     */
    private void saveDroppingRefused(SaveVersion save, String slug, List<String> notes) {
        try {
            rules.check(save, ContentRules.Completeness.COMPLETE);
        } catch (InvalidContent invalid) {
            var refused = refusedBlocks(invalid);
            if (refused.isEmpty()) {
                throw invalid;
            }
            var kept = new ArrayList<Block>();
            for (int i = 0; i < save.body().size(); i++) {
                if (!refused.contains(i)) {
                    kept.add(save.body().get(i));
                }
            }
            notes.add(refused.size() + " block(s) the content rules refuse were left out (" + invalid.problems().stream()
                    .map(p -> p.field() + " " + p.messageKey()).limit(5).toList() + ")");
            save = new SaveVersion(save.storyId(), save.language(), save.basedOnRevision(), save.headline(),
                    save.standfirst(), save.seoTitle(), save.seoDescription(), save.leadImageCaption(), save.leadImageCredit(),
                    save.leadImageAlt(), kept, save.savedBy());
        }
        stories.saveImported(save, slug);
    }

    /** The dry run's check: the same rules, with links to stories not made yet read as outside links. */
    private void check(SaveVersion save, List<String> notes) {
        try {
            rules.body("body", save.body(), ContentRules.Completeness.COMPLETE);
        } catch (InvalidContent invalid) {
            var refused = refusedBlocks(invalid);
            if (refused.isEmpty()) {
                throw invalid;
            }
            notes.add(refused.size() + " block(s) the content rules refuse would be left out");
        }
        if (save.headline().length() > ContentRules.MAX_HEADLINE) {
            throw new InvalidContent(List.of(new InvalidContent.Problem("headline", "content.error.too-long", List.of())));
        }
    }

    private static Set<Integer> refusedBlocks(InvalidContent invalid) {
        var refused = new HashSet<Integer>();
        for (var problem : invalid.problems()) {
            var m = BODY_FIELD.matcher(problem.field());
            if (!m.matches()) {
                return Set.of();   // a problem outside the body (the headline): nothing can be saved
            }
            refused.add(Integer.parseInt(m.group(1)));
        }
        return refused;
    }

    /** WordPress's status of the version, with its original time: published, scheduled, in review or a draft. */
    private void status(org.masthead.content.StoryDetails details, Language language, Archive.Post post, boolean update) {
        long storyId = details.id();
        var at = post.date() == null ? clock.instant() : post.date();
        switch (post.status()) {
            case "publish" -> {
                boolean live = details.publishedRevisions().containsKey(language);
                stories.publishVersion(storyId, language, live && update && post.modified() != null ? post.modified() : at);
            }
            case "future" -> {
                if (details.status() == StoryStatus.DRAFT || details.status() == StoryStatus.IN_REVIEW
                        || details.status() == StoryStatus.SCHEDULED) {
                    stories.moveTo(storyId, StoryStatus.SCHEDULED, details.scheduledAt() != null
                            && details.scheduledAt().isBefore(at) ? details.scheduledAt() : at);
                    stories.approve(storyId, language);
                }
            }
            case "pending" -> {
                if (details.status() == StoryStatus.DRAFT) {
                    stories.moveTo(storyId, StoryStatus.IN_REVIEW, null);
                }
            }
            default -> {
                // draft and private stay drafts
            }
        }
    }

    /** The story of a translation group, opened (without any version yet) the first time it is needed. */
    private long ensureStory(Run run, Archive.@Nullable Group group) {
        if (group == null) {
            throw new IllegalStateException("no translation group");
        }
        var key = "group:" + group.key();
        var found = ledger.find(run.archive.source, run.archive.site, key);
        if (found.isPresent()) {
            return found.get().targetId();
        }
        var filing = filing(run, group);
        long id = stories.create(new NewStory(filing.sectionId(), java.util.Objects.requireNonNullElse(group.sourceLanguage(),
                run.archive.defaultLanguage), filing.authorIds(), filing.tagIds(), filing.leadImageId()), BY);
        ledger.claim(run.archive.source, run.archive.site, key, "story", id);
        return id;
    }

    private StoryMetadata filing(Run run, Archive.Group group) {
        Long section = group.section() == null ? null : mapped(run, group.section());
        if (section == null) {
            section = fallbackSection(run);
        }
        var tags = new ArrayList<Long>();
        for (var tag : group.tags()) {
            var id = mapped(run, tag);
            if (id != null && !tags.contains(id)) {
                tags.add(id);
            }
        }
        var authors = new ArrayList<Long>();
        for (var author : group.authors()) {
            var id = mapped(run, author);
            if (id != null && !authors.contains(id)) {
                authors.add(id);
            }
        }
        Long image = group.featuredImage() == null ? null : mapped(run, group.featuredImage());
        return new StoryMetadata(section, authors, tags, image);
    }

    private void refile(Run run, long storyId, Archive.Group group) {
        var wanted = filing(run, group);
        var details = stories.details(storyId).orElseThrow();
        if (details.sectionId() != wanted.sectionId() || !details.authorIds().equals(wanted.authorIds())
                || !Set.copyOf(details.tagIds()).equals(Set.copyOf(wanted.tagIds()))
                || !java.util.Objects.equals(details.leadImageId(), wanted.leadImageId())) {
            stories.updateMetadata(storyId, wanted);
        }
    }

    private @Nullable Long mapped(Run run, String key) {
        return ledger.find(run.archive.source, run.archive.site, key).map(ImportLedger.Entry::targetId).orElse(null);
    }

    /** Where a post without a category goes: the newsroom's "archive" section, made if need be. */
    private long fallbackSection(Run run) {
        var key = "section:fallback";
        var found = ledger.find(run.archive.source, run.archive.site, key);
        if (found.isPresent()) {
            return found.get().targetId();
        }
        long id = taxonomy.section("archive").map(s -> s.id()).orElseGet(() -> taxonomy.createSection(
                SectionDraft.named("", new Localized("Архів", "Archive", "Архив"))));
        ledger.claim(run.archive.source, run.archive.site, key, "section", id);
        return id;
    }

    private Done page(Run run, Archive.Post post, Content content, ImportLedger.@Nullable Entry before, boolean keepSlug) {
        var language = java.util.Objects.requireNonNull(post.language());
        boolean dry = run.options.dryRun();
        var converted = HtmlBlocks.convert(content.html(), resolver(run, dry));
        var notes = new ArrayList<>(converted.notes());
        var slug = keepSlug ? slug(post.slug(), content.title(), language) : "";
        var body = converted.blocks();
        if (dry) {
            check(new SaveVersion(0, language, 0, content.title(), "", "", "", "", "", "", body, BY), notes);
            return new Done(before == null ? Outcome.IMPORTED : Outcome.UPDATED, "page " + language.code(), String.join("; ", notes));
        }
        body = rules.body("body", dropRefused(body, notes), ContentRules.Completeness.COMPLETE);
        var draft = new PageDraft(language, slug, content.title(), plain(content.excerpt()), "", "", body,
                post.status().equals("publish"));
        var key = "pagegroup:" + post.group();
        var found = ledger.find(run.archive.source, run.archive.site, key);
        long pageId;
        if (found.isPresent()) {
            pageId = found.get().targetId();
            pages.save(pageId, draft, BY);
        } else {
            pageId = pages.create(new PageSettings(false, PagePurpose.NONE), draft, BY);
            ledger.claim(run.archive.source, run.archive.site, key, "page", pageId);
        }
        addresses(post.addresses(), "page", pageId, language);
        ledger.put(run.archive.source, run.archive.site, post.key(), "page-version", pageId, language, content.digest());
        return new Done(before == null ? Outcome.IMPORTED : Outcome.UPDATED, "page " + pageId + " " + language.code(),
                String.join("; ", notes));
    }

    private List<Block> dropRefused(List<Block> body, List<String> notes) {
        try {
            rules.body("body", body, ContentRules.Completeness.COMPLETE);
            return body;
        } catch (InvalidContent invalid) {
            var refused = refusedBlocks(invalid);
            if (refused.isEmpty()) {
                throw invalid;
            }
            notes.add(refused.size() + " block(s) the content rules refuse were left out");
            var kept = new ArrayList<Block>();
            for (int i = 0; i < body.size(); i++) {
                if (!refused.contains(i)) {
                    kept.add(body.get(i));
                }
            }
            return kept;
        }
    }

    /** How links and images of a post are found: links to posts become story links, images are those brought in. */
    private HtmlBlocks.Resolver resolver(Run run, boolean dry) {
        return new HtmlBlocks.Resolver() {
            @Override
            public Optional<Long> story(String href) {
                var target = run.archive.postAt(href);
                if (target.isEmpty() || target.get().page() || target.get().language() == null) {
                    return Optional.empty();
                }
                var group = run.archive.groups.get(target.get().group());
                if (group == null) {
                    return Optional.empty();
                }
                if (dry) {
                    return ledger.find(run.archive.source, run.archive.site, "group:" + group.key()).map(ImportLedger.Entry::targetId);
                }
                return Optional.of(ensureStory(run, group));
            }

            @Override
            public String absolute(String href) {
                return ArchiveImages.absolute(href, run.archive.site);
            }

            @Override
            public Optional<HtmlBlocks.Image> image(String src, long attachmentId) {
                var image = attachmentId > 0 && run.archive.images.containsKey("media:" + attachmentId)
                        ? Optional.of(run.archive.images.get("media:" + attachmentId)) : run.archive.imageAt(src);
                if (image.isEmpty()) {
                    return Optional.empty();
                }
                var id = dry ? Optional.of(-1L) : Optional.ofNullable(mapped(run, image.get().key()));
                return id.map(mediaId -> new HtmlBlocks.Image(mediaId, image.get().caption(), image.get().credit(), image.get().alt()));
            }
        };
    }

    /** The source's slug where it is one (a percent-encoded Cyrillic slug is transliterated), else one from the title. */
    static String slug(String source, String title, Language language) {
        var decoded = Archive.decode(source).strip();
        if (Slugs.isValid(decoded)) {
            return decoded;
        }
        return Slugs.of(decoded.isEmpty() ? title : decoded.replace('-', ' '), language);
    }

    /** An excerpt as plain text. */
    static String plain(String html) {
        var text = org.jsoup.parser.Parser.unescapeEntities(TAGS.matcher(html).replaceAll(" "), false)
                .replaceAll("\\s+", " ").strip();
        return text.length() > ContentRules.MAX_SHORT ? text.substring(0, ContentRules.MAX_SHORT - 1) + "…" : text;
    }

    /** The SHA-256 of what was read of an item, its parts kept apart: a second run compares it to leave it alone. */
    static String digest(List<String> parts) {
        try {
            var sha = java.security.MessageDigest.getInstance("SHA-256");
            for (var part : parts) {
                sha.update(part.getBytes(java.nio.charset.StandardCharsets.UTF_8));
                sha.update((byte) 0);
            }
            return java.util.HexFormat.of().formatHex(sha.digest());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String reason(Throwable e) {
        if (e instanceof InvalidContent invalid) {
            return "refused by the content rules: " + invalid.problems().stream().map(p -> p.field() + " " + p.messageKey())
                    .limit(5).toList();
        }
        if (e instanceof TaxonomyRejected rejected) {
            return "refused: " + rejected.field() + " " + rejected.messageKey() + " " + rejected.arguments();
        }
        var message = e.getMessage();
        return e.getClass().getSimpleName() + (message == null ? "" : ": " + message.lines().findFirst().orElse(""));
    }

    Instant now() {
        return clock.instant();
    }
}
