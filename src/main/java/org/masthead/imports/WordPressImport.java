package org.masthead.imports;

import java.net.URI;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.masthead.imports.ImportReport.Outcome;
import org.masthead.platform.Language;
import org.masthead.platform.text.Slugs;

/**
 * A WordPress export read twice: a first pass learns the site, its terms, people, images and the translation groups
 * of its posts (WPML's import meta or Polylang's taxonomies), a second brings in each post and page with its
 * content, one at a time.
 */
final class WordPressImport {

    static final String SOURCE = "wordpress";

    private static final Pattern CREDIT = Pattern.compile("s:6:\"credit\";s:\\d+:\"([^\"]*)\"");
    private static final Set<String> BROUGHT = Set.of("post", "page");

    private final ArchiveWriter writer;
    private final Path file;
    private final ImportOptions options;
    private final ArchiveImports.Progress progress;
    private final WxrReader reader = new WxrReader();

    WordPressImport(ArchiveWriter writer, Path file, ImportOptions options, ArchiveImports.Progress progress) {
        this.writer = writer;
        this.file = file;
        this.options = options;
        this.progress = progress;
    }

    ImportReport run() {
        var report = new ImportReport();
        var archive = index(report);
        var run = writer.start(archive, options, report);
        int total = archive.posts.size() + (int) archive.terms.size() + archive.authors.size();
        progress.total(total);
        var reading = new Reading(run);
        try {
            writer.taxonomy(run);
            int done = report.lines().size();
            progress.done(done);
            reading.start();
            for (var next = reading.next(); next != null; next = reading.next()) {
                writer.post(run, next.post(), next.content());
                progress.done(++done);
            }
        } finally {
            reading.stop();
            writer.finish(run);
        }
        return report;
    }

    /** A post read from the file, for the writer. */
    private record Read(Archive.Post post, ArchiveWriter.Content content) {
    }

    /**
     * The second pass on a thread of its own, up to {@value #AHEAD} posts ahead of the writer: while one post is
     * written the next are parsed and the images they show encoded (see {@link ArchiveWriter#expect}).
     */
    private final class Reading {

        private static final int AHEAD = 100;
        private static final Object END = new Object();

        private final ArchiveWriter.Run run;
        private final BlockingQueue<Object> queue = new ArrayBlockingQueue<>(AHEAD);
        private volatile boolean stopped;
        private @Nullable Thread thread;

        Reading(ArchiveWriter.Run run) {
            this.run = run;
        }

        void start() {
            thread = Thread.ofPlatform().name("archive-read").daemon(true).start(() -> {
                Object last = END;
                try {
                    reader.read(file, true, channel -> { }, item -> {
                        var post = run.archive.posts.get(key(item));
                        if (post != null) {
                            var content = new ArchiveWriter.Content(item.title(), item.excerpt(), item.content(),
                                    digest(item, post), item.tooLarge());
                            writer.expect(run, post, content);
                            put(new Read(post, content));
                        }
                    });
                } catch (Stopped stopped) {
                    return;
                } catch (RuntimeException | Error e) {
                    last = e;
                }
                try {
                    put(last);
                } catch (Stopped stopped) {
                    // nobody is waiting for the end any more
                }
            });
        }

        /** The next post, or null at the end of the file; what failed the reading is thrown here. */
        @Nullable Read next() {
            try {
                var next = queue.take();
                if (next instanceof Read read) {
                    return read;
                }
                if (next instanceof RuntimeException e) {
                    throw e;
                }
                if (next instanceof Error e) {
                    throw e;
                }
                return null;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while reading the export", e);
            }
        }

        private void put(Object read) {
            try {
                while (!stopped && !queue.offer(read, 100, TimeUnit.MILLISECONDS)) {
                    // the writer is busy: wait for room, unless it has stopped
                }
                if (stopped) {
                    throw new Stopped();
                }
            } catch (InterruptedException e) {
                throw new Stopped();
            }
        }

        /** Stops the reading thread (the writer has ended, maybe on an error) and waits for it. */
        void stop() {
            stopped = true;
            var reading = thread;
            if (reading != null) {
                reading.interrupt();
                try {
                    reading.join(10_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }

    /** The writer has stopped: the reading thread ends. */
    private static final class Stopped extends RuntimeException {
        Stopped() {
            super("stopped", null, false, false);
        }
    }

    private static String key(WxrReader.Item item) {
        return "post:" + item.id();
    }

    /** The first pass: everything but the contents. */
    Archive index(ImportReport report) {
        Archive[] holder = new Archive[1];
        var terms = new HashMap<String, WxrReader.Term>();
        var termById = new HashMap<Long, WxrReader.Term>();
        var skippedTypes = new HashMap<String, Integer>();
        var otherLanguages = new LinkedHashSet<String>();
        reader.read(file, false, channel -> holder[0] = archive(channel, terms, termById, report), item -> {
            var archive = holder[0];
            if (item.type().equals("attachment")) {
                archive.addImage(new Archive.Image("media:" + item.id(), item.attachmentUrl(), item.excerpt().isBlank()
                        ? "" : item.excerpt(), credit(item.meta("_wp_attachment_metadata")), item.meta("_wp_attachment_image_alt")));
                return;
            }
            if (!BROUGHT.contains(item.type())) {
                skippedTypes.merge(item.type(), 1, Integer::sum);
                return;
            }
            var post = post(archive, item, termById);
            if (post.language() == null) {
                otherLanguages.add(post.languageCode());
            }
            archive.add(post);
        });
        var archive = holder[0];
        // attachments are read after the posts that show them in many exports: their excerpts are captions
        skippedTypes.forEach((type, n) -> report.add("post_type " + type, "file", Outcome.SKIPPED, "",
                n + " item(s) of this type are not brought in"));
        report.add("comments", "file", Outcome.SKIPPED, "", "comments are not brought in");
        archive.group();
        sectionNames(archive);
        return archive;
    }

    private Archive archive(WxrReader.Channel channel, Map<String, WxrReader.Term> terms, Map<Long, WxrReader.Term> byId,
            ImportReport report) {
        var site = !channel.baseBlogUrl().isBlank() ? channel.baseBlogUrl() : !channel.link().isBlank() ? channel.link()
                : channel.baseSiteUrl();
        var archive = new Archive(SOURCE, site.strip().replaceFirst("/+$", ""));
        archive.host(channel.baseSiteUrl());
        archive.host(channel.baseBlogUrl());
        archive.host(channel.link());
        try {
            var path = URI.create(archive.site).getPath();
            archive.basePath = path == null ? "" : path.replaceFirst("/+$", "").toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            archive.basePath = "";
        }
        archive.defaultLanguage = options.language() != null ? options.language()
                : Archive.language(channel.language()).orElse(Language.EN);
        for (var term : channel.terms()) {
            terms.put(term.taxonomy() + ":" + term.slug(), term);
            byId.put(term.id(), term);
        }
        for (var term : channel.terms()) {
            if (term.taxonomy().equals("category") || term.taxonomy().equals("post_tag")) {
                boolean section = term.taxonomy().equals("category");
                var base = section ? "/category/" + categoryPath(term, terms) : "/tag/" + Archive.decode(term.slug()).toLowerCase(Locale.ROOT);
                var addresses = new ArrayList<String>(List.of(archive.basePath + base, archive.basePath + base + "/feed",
                        archive.basePath + (section ? "?cat=" + term.id() : "?tag=" + term.slug())));
                var key = (section ? "category:" : "tag:") + term.slug();
                archive.terms.put(key, new Archive.Term(key, (section ? "category " : "tag ") + term.slug(), section,
                        ArchiveWriter.slug(term.slug(), term.name(), archive.defaultLanguage), new EnumMap<>(Language.class),
                        addresses, null));
                archive.terms.get(key).names().put(archive.defaultLanguage, term.name());
            }
        }
        for (var author : channel.authors()) {
            var login = author.login();
            var name = !author.displayName().isBlank() ? author.displayName()
                    : (author.firstName() + " " + author.lastName()).strip();
            var nicename = login.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_-]", "-");
            var slug = Slugs.of(name.isBlank() ? login : name, archive.defaultLanguage);
            var addresses = new ArrayList<String>(List.of(archive.basePath + "/author/" + nicename,
                    archive.basePath + "/author/" + nicename + "/feed"));
            if (author.id() > 0) {
                addresses.add(archive.basePath + "?author=" + author.id());
            }
            archive.authors.put("author:" + login, new Archive.Author("author:" + login, "author " + login, slug,
                    name.isBlank() ? login : name, addresses));
        }
        return archive;
    }

    private static String categoryPath(WxrReader.Term term, Map<String, WxrReader.Term> terms) {
        var path = new ArrayList<String>();
        var current = term;
        for (int depth = 0; current != null && depth < 10; depth++) {
            path.addFirst(Archive.decode(current.slug()).toLowerCase(Locale.ROOT));
            current = current.parent().isBlank() ? null : terms.get("category:" + current.parent());
        }
        return String.join("/", path);
    }

    private Archive.Post post(Archive archive, WxrReader.Item item, Map<Long, WxrReader.Term> termById) {
        // languages and translation groups: WPML's export meta, else Polylang's taxonomies, else the site's language
        String code;
        String group;
        boolean source = true;
        var wpmlLanguage = item.meta("_wpml_import_language_code");
        String polylangLanguage = null;
        String polylangGroup = null;
        for (var term : item.terms()) {
            if (term.domain().equals("language")) {
                polylangLanguage = term.slug();
            } else if (term.domain().equals("post_translations")) {
                polylangGroup = term.slug();
            }
        }
        if (!wpmlLanguage.isBlank()) {
            code = wpmlLanguage;
            var trid = item.meta("_wpml_import_translation_group");
            group = trid.isBlank() ? "post:" + item.id() : "wpml:" + trid;
            source = item.meta("_wpml_import_source_language_code").isBlank();
        } else if (polylangLanguage != null) {
            code = polylangLanguage;
            group = polylangGroup == null ? "post:" + item.id() : "pll:" + polylangGroup;
            source = false;   // Polylang does not say which was first: the earliest is the source
        } else {
            code = archive.defaultLanguage.code();
            group = "post:" + item.id();
        }
        var language = options.language() != null && wpmlLanguage.isBlank() && polylangLanguage == null
                ? Optional.of(options.language()) : Archive.language(code);
        // sections: the primary category (Yoast's, else the first); the other categories are tags
        var categories = item.terms().stream().filter(t -> t.domain().equals("category")).map(WxrReader.ItemTerm::slug).toList();
        String primary = null;
        var yoast = termById.get(WxrReader.number(item.meta("_yoast_wpseo_primary_category")));
        if (yoast != null && categories.contains(yoast.slug())) {
            primary = yoast.slug();
        } else if (!categories.isEmpty()) {
            primary = categories.getFirst();
        }
        var tags = new ArrayList<String>();
        for (var category : categories) {
            if (!category.equals(primary)) {
                var key = "category-tag:" + category;
                var term = archive.terms.get("category:" + category);
                if (term != null && !archive.terms.containsKey(key)) {
                    archive.terms.put(key, new Archive.Term(key, "category " + category + " (as a tag)", false, term.slug(),
                            term.names(), List.of(), null));
                }
                if (term != null) {
                    tags.add(key);
                }
            }
        }
        item.terms().stream().filter(t -> t.domain().equals("post_tag")).forEach(t -> {
            if (!archive.terms.containsKey("tag:" + t.slug())) {
                var key = "tag:" + t.slug();
                var names = new EnumMap<Language, String>(Language.class);
                names.put(archive.defaultLanguage, t.name());
                archive.terms.put(key, new Archive.Term(key, "tag " + t.slug(), false,
                        ArchiveWriter.slug(t.slug(), t.name(), archive.defaultLanguage), names,
                        List.of(archive.basePath + "/tag/" + Archive.decode(t.slug()).toLowerCase(Locale.ROOT)), null));
            }
            tags.add("tag:" + t.slug());
        });
        if (primary != null && !archive.terms.containsKey("category:" + primary)) {
            var name = item.terms().stream().filter(t -> t.domain().equals("category")).findFirst().map(WxrReader.ItemTerm::name)
                    .orElse(primary);
            var names = new EnumMap<Language, String>(Language.class);
            names.put(archive.defaultLanguage, name);
            archive.terms.put("category:" + primary, new Archive.Term("category:" + primary, "category " + primary, true,
                    ArchiveWriter.slug(primary, name, archive.defaultLanguage), names,
                    new ArrayList<>(List.of(archive.basePath + "/category/" + primary.toLowerCase(Locale.ROOT))), null));
        }
        var authors = item.creator().isBlank() ? List.<String>of() : List.of("author:" + item.creator());
        if (!item.creator().isBlank() && !archive.authors.containsKey("author:" + item.creator())) {
            archive.authors.put("author:" + item.creator(), new Archive.Author("author:" + item.creator(), "author " + item.creator(),
                    Slugs.of(item.creator(), archive.defaultLanguage), item.creator(), List.of()));
        }
        var thumbnail = item.meta("_thumbnail_id");
        var addresses = new ArrayList<String>();
        var link = archive.address(item.link());
        if (!link.isEmpty() && !link.equals("/")) {
            addresses.add(link);
        }
        boolean page = item.type().equals("page");
        addresses.add(archive.basePath + (page ? "?page_id=" : "?p=") + item.id());
        if (!page && !options.permalinks().isEmpty()) {
            var structured = archive.address(permalink(options.permalinks(), item, primary));
            if (!structured.isEmpty() && !addresses.contains(structured)) {
                addresses.add(structured);
            }
        }
        if (!item.guid().isBlank()) {
            var guid = archive.address(item.guid());
            if (!guid.isEmpty() && !addresses.contains(guid)) {
                addresses.add(guid);
            }
        }
        return new Archive.Post(key(item), (page ? "page " : "post ") + item.id(), page, language.orElse(null), code, group,
                item.status(), item.slug(), item.date(), item.modified(), primary == null ? null : "category:" + primary,
                List.copyOf(tags), authors, thumbnail.isBlank() ? null : "media:" + thumbnail.strip(), List.copyOf(addresses),
                source);
    }

    /** An address of the post in the old site's permalink structure. */
    static String permalink(String structure, WxrReader.Item item, @Nullable String category) {
        var date = item.date() == null ? java.time.LocalDateTime.of(1970, 1, 1, 0, 0) : item.date().atOffset(ZoneOffset.UTC).toLocalDateTime();
        return structure.replace("%year%", String.format("%04d", date.getYear()))
                .replace("%monthnum%", String.format("%02d", date.getMonthValue()))
                .replace("%day%", String.format("%02d", date.getDayOfMonth()))
                .replace("%hour%", String.format("%02d", date.getHour()))
                .replace("%minute%", String.format("%02d", date.getMinute()))
                .replace("%second%", String.format("%02d", date.getSecond()))
                .replace("%post_id%", Long.toString(item.id()))
                .replace("%postname%", item.slug())
                .replace("%category%", category == null ? "uncategorized" : category)
                .replace("%author%", item.creator());
    }

    /**
     * A section's name in the other languages: the category its translations are filed under (WPML and Polylang
     * keep one category per language), whose old addresses then lead to the same section.
     */
    private static void sectionNames(Archive archive) {
        var usedAsSection = new java.util.HashSet<String>();
        archive.groups.values().forEach(g -> {
            if (g.section() != null) {
                usedAsSection.add(g.section());
            }
        });
        for (var group : archive.groups.values()) {
            if (group.section() == null) {
                continue;
            }
            var section = archive.terms.get(group.section());
            if (section == null) {
                continue;
            }
            if (group.sourceLanguage() != null && section.language() == null) {
                var names = section.names();
                var name = names.getOrDefault(archive.defaultLanguage, "");
                if (group.sourceLanguage() != archive.defaultLanguage && names.size() == 1) {
                    names.remove(archive.defaultLanguage);
                    names.put(group.sourceLanguage(), name);
                }
                archive.terms.put(section.key(), new Archive.Term(section.key(), section.label(), true, section.slug(),
                        names, section.addresses(), group.sourceLanguage()));
                section = archive.terms.get(group.section());
            }
            for (var key : group.posts()) {
                var post = archive.posts.get(key);
                if (post.section() == null || post.section().equals(group.section()) || post.language() == null) {
                    continue;
                }
                var translated = archive.terms.get(post.section());
                if (translated == null) {
                    continue;
                }
                section.names().putIfAbsent(post.language(), translated.names().values().stream().findFirst().orElse(""));
                if (!usedAsSection.contains(post.section())) {
                    // its archive leads to the section in that language
                    archive.terms.put(post.section(), new Archive.Term(post.section(), translated.label(), true, section.slug(),
                            translated.names(), translated.addresses(), post.language()));
                    archive.aliases.put(post.section(), group.section());
                }
            }
        }
    }

    private static String credit(String serialized) {
        var m = CREDIT.matcher(serialized);
        return m.find() ? m.group(1) : "";
    }

    static String digest(WxrReader.Item item, Archive.Post post) {
        return ArchiveWriter.digest(List.of(item.type(), item.status(), item.title(), item.slug(), item.content(), item.excerpt(),
                    String.valueOf(item.date()), String.valueOf(post.language()), post.group(), String.valueOf(post.section()),
                    post.tags().toString(), post.authors().toString(), String.valueOf(post.featuredImage())));
    }
}
