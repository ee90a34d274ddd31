package org.masthead.imports;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.masthead.imports.ImportReport.Outcome;
import org.masthead.platform.Language;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A Ghost export (the JSON of Ghost's "Export your content"): posts and pages with their tags and authors. Their
 * content comes from Lexical (Ghost 5) or Mobiledoc (Ghost 1–4), rendered to the HTML the converter reads, with the
 * export's own HTML when neither is there. The primary tag is the section; internal tags ({@code #…}) are left out
 * and reported; members and newsletters are not content and are reported as out of scope. Ghost has no translations:
 * every post is in the site's language (its {@code locale} setting, or {@code --language}).
 */
final class GhostImport {

    static final String SOURCE = "ghost";
    /** The largest export read: a Ghost export holds the text of the site, not its images. */
    static final long MAX_FILE = 512L * 1024 * 1024;

    private static final String GHOST_URL = "__GHOST_URL__";
    private static final Pattern IMG_SRC = Pattern.compile("<img\\b[^>]*\\ssrc\\s*=\\s*\"([^\"]+)\"", Pattern.CASE_INSENSITIVE);

    private final ArchiveWriter writer;
    private final Path file;
    private final ImportOptions options;
    private final ArchiveImports.Progress progress;

    GhostImport(ArchiveWriter writer, Path file, ImportOptions options, ArchiveImports.Progress progress) {
        this.writer = writer;
        this.file = file;
        this.options = options;
        this.progress = progress;
    }

    ImportReport run() {
        var data = data();
        var report = new ImportReport();
        var site = siteUrl(data);
        var archive = new Archive(SOURCE, site);
        siteForLinks = site;
        archive.host(site);
        archive.defaultLanguage = options.language() != null ? options.language()
                : Archive.language(setting(data, "locale")).orElse(Language.EN);
        for (var skipped : List.of("members", "newsletters", "subscriptions", "offers", "products", "comments")) {
            int n = data.path(skipped).size();
            if (n > 0) {
                report.add(skipped, "file", Outcome.SKIPPED, "", n + " " + skipped + " are out of scope and not brought in");
            }
        }
        var tags = new HashMap<String, JsonNode>();
        for (var tag : data.path("tags")) {
            tags.put(tag.path("id").asString(), tag);
            var slug = tag.path("slug").asString();
            var name = tag.path("name").asString();
            if (name.startsWith("#") || "internal".equals(tag.path("visibility").asString())) {
                report.add("tag " + slug, "tag", Outcome.SKIPPED, "", "internal tag " + name + " is left out");
                continue;
            }
            var names = new EnumMap<Language, String>(Language.class);
            names.put(archive.defaultLanguage, name);
            archive.terms.put("tag:" + slug, new Archive.Term("tag:" + slug, "tag " + slug, false,
                    ArchiveWriter.slug(slug, name, archive.defaultLanguage), names,
                    List.of("/tag/" + slug, "/tag/" + slug + "/rss"), null));
            archive.terms.put("section:" + slug, new Archive.Term("section:" + slug, "tag " + slug + " (as a section)", true,
                    ArchiveWriter.slug(slug, name, archive.defaultLanguage), names,
                    List.of("/tag/" + slug, "/tag/" + slug + "/rss"), null));
        }
        for (var user : data.path("users")) {
            var slug = user.path("slug").asString();
            archive.authors.put("user:" + user.path("id").asString(), new Archive.Author("user:" + user.path("id").asString(),
                    "user " + slug, ArchiveWriter.slug(slug, user.path("name").asString(), archive.defaultLanguage),
                    user.path("name").asString(), List.of("/author/" + slug, "/author/" + slug + "/rss")));
        }
        var postTags = byPost(data.path("posts_tags"), "tag_id");
        var postAuthors = byPost(data.path("posts_authors"), "author_id");
        var meta = new HashMap<String, JsonNode>();
        data.path("posts_meta").forEach(m -> meta.put(m.path("post_id").asString(), m));
        var contents = new LinkedHashMap<String, ArchiveWriter.Content>();
        for (var post : data.path("posts")) {
            var id = post.path("id").asString();
            boolean page = "page".equals(post.path("type").asString()) || post.path("page").asBoolean(false);
            var html = html(post, report, id);
            var status = switch (post.path("status").asString()) {
                case "published", "sent" -> "publish";
                case "scheduled" -> "future";
                case "draft" -> "draft";
                default -> post.path("status").asString();
            };
            var tagIds = postTags.getOrDefault(id, List.of());
            String section = null;
            var tagKeys = new ArrayList<String>();
            for (var tagId : tagIds) {
                var tag = tags.get(tagId);
                if (tag == null || !archive.terms.containsKey("tag:" + tag.path("slug").asString())) {
                    continue;
                }
                if (section == null) {
                    section = "section:" + tag.path("slug").asString();
                } else {
                    tagKeys.add("tag:" + tag.path("slug").asString());
                }
            }
            var authors = postAuthors.getOrDefault(id, List.of()).stream().map(a -> "user:" + a)
                    .filter(archive.authors::containsKey).toList();
            var feature = ghost(post.path("feature_image").asString(""));
            var postMeta = meta.get(id);
            if (!feature.isBlank()) {
                archive.addImage(new Archive.Image(feature, feature,
                        ArchiveWriter.plain(first(postMeta, post, "feature_image_caption")), "", first(postMeta, post, "feature_image_alt")));
            }
            var imgs = IMG_SRC.matcher(html);
            while (imgs.find()) {
                var src = org.jsoup.parser.Parser.unescapeEntities(imgs.group(1), true);
                if (archive.imageAt(src).isEmpty()) {
                    archive.addImage(new Archive.Image(src, src, "", "", ""));
                }
            }
            var slug = post.path("slug").asString();
            var addresses = List.of("/" + slug, "/p/" + post.path("uuid").asString(""));
            var language = options.language() != null ? options.language() : archive.defaultLanguage;
            archive.add(new Archive.Post("post:" + id, (page ? "page " : "post ") + id, page, language, language.code(),
                    "post:" + id, status, slug, date(post.path("published_at").asString(null), post.path("created_at").asString(null)),
                    date(post.path("updated_at").asString(null), null), section, List.copyOf(tagKeys), authors,
                    feature.isBlank() ? null : feature, addresses, true));
            var excerpt = post.path("custom_excerpt").asString("");
            contents.put("post:" + id, new ArchiveWriter.Content(post.path("title").asString(""), excerpt, html,
                    digest(post, html, section, tagKeys, authors), false));
        }
        archive.group();
        var run = writer.start(archive, options, report);
        progress.total(archive.posts.size() + archive.terms.size() + archive.authors.size());
        try {
            writer.taxonomy(run);
            int done = report.lines().size();
            progress.done(done);
            for (var entry : contents.entrySet()) {
                writer.post(run, archive.posts.get(entry.getKey()), entry.getValue());
                progress.done(++done);
            }
        } finally {
            writer.finish(run);
        }
        return report;
    }

    private JsonNode data() {
        try {
            if (Files.size(file) > MAX_FILE) {
                throw new ArchiveImports.InvalidArchive("The file is larger than " + MAX_FILE + " bytes");
            }
            var root = JsonMapper.builder().build().readTree(Files.newInputStream(file));
            var db = root.path("db");
            var data = db.isArray() && !db.isEmpty() ? db.get(0).path("data") : root.path("data");
            if (!data.isObject() || !data.path("posts").isArray()) {
                throw new ArchiveImports.InvalidArchive("Not a Ghost export: no db[0].data.posts");
            }
            return data;
        } catch (JacksonException e) {
            var at = e.getLocation();
            throw new ArchiveImports.InvalidArchive("Not well-formed JSON" + (at == null ? "" : " at line " + at.getLineNr()
                    + ", column " + at.getColumnNr()) + ": " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new ArchiveImports.InvalidArchive("The file cannot be read: " + e.getMessage());
        }
    }

    private static String siteUrl(JsonNode data) {
        var url = setting(data, "url");
        if (url != null && url.startsWith("http")) {
            return url.replaceFirst("/+$", "");
        }
        // an export without its address: its links say __GHOST_URL__, which stands for this one
        return "https://ghost.invalid";
    }

    private static @Nullable String setting(JsonNode data, String key) {
        for (var setting : data.path("settings")) {
            if (key.equals(setting.path("key").asString())) {
                return setting.path("value").asString(null);
            }
        }
        return null;
    }

    private static Map<String, List<String>> byPost(JsonNode links, String field) {
        var sorted = new ArrayList<JsonNode>();
        links.forEach(sorted::add);
        sorted.sort(Comparator.comparingInt(n -> n.path("sort_order").asInt(0)));
        var out = new LinkedHashMap<String, List<String>>();
        for (var link : sorted) {
            out.computeIfAbsent(link.path("post_id").asString(), k -> new ArrayList<>()).add(link.path(field).asString());
        }
        return out;
    }

    private static String first(@Nullable JsonNode meta, JsonNode post, String field) {
        var value = meta == null ? "" : meta.path(field).asString("");
        return value.isBlank() ? post.path(field).asString("") : value;
    }

    /** Ghost writes its own address as a placeholder in exports. */
    private String ghost(String text) {
        return text.replace(GHOST_URL, siteForLinks);
    }

    private String siteForLinks = "";

    /** The post's content as HTML: from Lexical, else Mobiledoc, else the export's HTML. */
    private String html(JsonNode post, ImportReport report, String id) {
        var json = JsonMapper.builder().build();
        try {
            var lexical = post.path("lexical").asString(null);
            if (lexical != null && !lexical.isBlank()) {
                return ghost(GhostContent.lexical(json.readTree(lexical)));
            }
            var mobiledoc = post.path("mobiledoc").asString(null);
            if (mobiledoc != null && !mobiledoc.isBlank()) {
                return ghost(GhostContent.mobiledoc(json.readTree(mobiledoc)));
            }
        } catch (RuntimeException e) {
            report.add("post " + id + " content", "post", Outcome.SKIPPED, "", "its Lexical or Mobiledoc cannot be read ("
                    + e.getClass().getSimpleName() + "); its HTML is used");
        }
        return ghost(post.path("html").asString(""));
    }

    private static @Nullable Instant date(@Nullable String first, @Nullable String second) {
        for (var text : new String[] {first, second}) {
            if (text != null && !text.isBlank()) {
                try {
                    return Instant.parse(text);
                } catch (DateTimeParseException ignored) {
                    // the next one
                }
            }
        }
        return null;
    }

    private static String digest(JsonNode post, String html, @Nullable String section, List<String> tags, List<String> authors) {
        return ArchiveWriter.digest(List.of(post.path("title").asString(""), post.path("slug").asString(""), post.path("status").asString(""),
                    post.path("custom_excerpt").asString(""), post.path("published_at").asString(""), html, String.valueOf(section),
                    tags.toString(), authors.toString(), post.path("feature_image").asString("")));
    }
}
