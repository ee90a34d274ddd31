package org.masthead.content;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.masthead.content.LiveEvent.EntryChanged;
import org.masthead.content.LiveEvent.LiveBlogChanged;
import org.masthead.platform.Language;
import org.masthead.platform.outbox.Outbox;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Live blogs: a story made one, its state (live, paused, ended) and its entries. Each entry is its own row, so
 * several editors post at once without conflicts; every post, correction and withdrawal is a numbered change
 * (the event stream readers follow, resumable from any change) and an outbox event in the same transaction.
 * Entry bodies are checked by {@link ContentRules}, as every other body.
 */
@Service
public class LiveBlogs {

    private static final TypeReference<List<Block>> BODY = new TypeReference<>() { };
    public static final int MAX_AUTHOR = 120;
    /** Blocks of one entry: an entry is short; a long text is a story of its own. */
    public static final int MAX_ENTRY_BLOCKS = 30;
    /** Characters of text in one entry, every block's together. */
    public static final int MAX_ENTRY_TEXT = 20_000;

    /** The entries that read in {@code :lang}: written in it, or translated into it. */
    private static final String READS_IN = " and (language = :lang or exists (select 1 from live_entry_translation t"
            + " where t.entry_id = live_entry.id and t.language = :lang))";

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final ContentRules rules;
    private final Outbox outbox;
    private final Clock clock;

    LiveBlogs(JdbcClient jdbc, JsonMapper json, ContentRules rules, Outbox outbox, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.rules = rules;
        this.outbox = outbox;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public Optional<LiveBlog> find(long storyId) {
        return jdbc.sql("select * from live_blog where story_id = :id").param("id", storyId)
                .query((rs, n) -> new LiveBlog(rs.getLong("story_id"),
                        LiveBlog.State.fromKey(rs.getString("state")).orElse(LiveBlog.State.ENDED),
                        Instant.ofEpochMilli(rs.getLong("started_at")), instant(rs, "ended_at"),
                        !"hide".equals(rs.getString("untranslated"))))
                .optional();
    }

    /**
     * Makes the story a live blog, or changes its state or its setting for untranslated entries. Ending it
     * records the end of coverage; opening it again clears that.
     */
    @Transactional
    public LiveBlog setState(long storyId, LiveBlog.State state, boolean showUntranslated) {
        var now = clock.millis();
        var current = find(storyId);
        if (current.isEmpty()) {
            jdbc.sql("""
                    insert into live_blog (story_id, state, started_at, ended_at, untranslated)
                    values (:id, :state, :now, :ended, :untranslated)""")
                    .param("id", storyId).param("state", state.key()).param("now", now)
                    .param("ended", state == LiveBlog.State.ENDED ? now : null)
                    .param("untranslated", showUntranslated ? "show" : "hide").update();
        } else {
            var ended = state == LiveBlog.State.ENDED
                    ? (current.get().endedAt() == null ? Long.valueOf(now) : Long.valueOf(current.get().endedAt().toEpochMilli()))
                    : null;
            jdbc.sql("update live_blog set state = :state, ended_at = :ended, untranslated = :untranslated where story_id = :id")
                    .param("id", storyId).param("state", state.key()).param("ended", ended)
                    .param("untranslated", showUntranslated ? "show" : "hide").update();
        }
        outbox.append(new LiveBlogChanged(storyId, state));
        return find(storyId).orElseThrow();
    }

    /**
     * Posts an entry now. Refused with {@link LiveBlogClosed} when the story is no live blog or has ended, and with
     * {@link InvalidContent} (fields {@code headline}, {@code author}, {@code body…}) for what the rules refuse.
     */
    @Transactional
    public LiveEntry.Changed post(long storyId, LiveEntry.Draft draft, String by) {
        return post(storyId, draft, by, clock.instant());
    }

    /** As {@link #post(long, LiveEntry.Draft, String)}, at a time of its own: for coverage written elsewhere first. */
    @Transactional
    public LiveEntry.Changed post(long storyId, LiveEntry.Draft draft, String by, Instant at) {
        var blog = find(storyId).orElseThrow(() -> new LiveBlogClosed(storyId, "Story " + storyId + " is not a live blog."));
        if (blog.state() == LiveBlog.State.ENDED) {
            throw new LiveBlogClosed(storyId, "The live blog of story " + storyId + " has ended; open it again to post.");
        }
        var clean = check(draft);
        long now = at.toEpochMilli();
        long id = jdbc.sql("""
                insert into live_entry (story_id, language, posted_at, author, headline, body, key_event, withdrawn,
                    corrected_at, posted_by)
                values (:story, :lang, :now, :author, :headline, :body, :key, 0, null, :by) returning id""")
                .param("story", storyId).param("lang", clean.language().code()).param("now", now)
                .param("author", clean.author()).param("headline", clean.headline())
                .param("body", json.writerFor(BODY).writeValueAsString(clean.body()))
                .param("key", clean.keyEvent() ? 1 : 0).param("by", by)
                .query(Long.class).single();
        return changed(storyId, id, LiveEntry.Change.POSTED, clean.language());
    }

    /**
     * Replaces an entry's text and flag; readers see it as corrected, with the time. A change of its headline or body
     * counts as a new revision of its text, which puts its translations behind it.
     */
    @Transactional
    public LiveEntry.Changed correct(long storyId, long entryId, LiveEntry.Draft draft) {
        var entry = entry(storyId, entryId);
        var clean = check(new LiveEntry.Draft(entry.language(), draft.author(), draft.headline(), draft.body(),
                draft.keyEvent()));
        boolean textChanged = !clean.headline().equals(entry.headline()) || !clean.body().equals(entry.body());
        jdbc.sql("""
                update live_entry set author = :author, headline = :headline, body = :body, key_event = :key,
                    corrected_at = :now, revision = revision + :step where id = :id""")
                .param("author", clean.author()).param("headline", clean.headline())
                .param("body", json.writerFor(BODY).writeValueAsString(clean.body()))
                .param("key", clean.keyEvent() ? 1 : 0).param("now", clock.millis()).param("step", textChanged ? 1 : 0)
                .param("id", entryId).update();
        return changed(storyId, entryId, LiveEntry.Change.CORRECTED, entry.language());
    }

    /**
     * Saves the entry's translation into {@code draft.language()}, made from the entry's text as it is now (which
     * puts it up to date). Checked by the same rules as the entry; refused with {@link InvalidContent} (field
     * {@code language}) for the entry's own language or a withdrawn entry.
     */
    @Transactional
    public LiveEntry.Changed translate(long storyId, long entryId, LiveEntry.TranslationDraft draft, String by) {
        var entry = entry(storyId, entryId);
        if (draft.language() == entry.language()) {
            throw new InvalidContent(List.of(new InvalidContent.Problem("language", "content.error.live-own-language",
                    List.of(entry.language().code()))));
        }
        if (entry.withdrawn()) {
            throw new InvalidContent(List.of(new InvalidContent.Problem("language", "content.error.live-withdrawn",
                    List.of())));
        }
        var clean = checkText(draft, new ArrayList<>());
        jdbc.sql("""
                insert into live_entry_translation (entry_id, language, headline, body, source_revision, source_headline,
                    source_body, translated_at, translated_by)
                values (:entry, :lang, :headline, :body, :revision, :sourceHeadline, :sourceBody, :now, :by)
                on conflict (entry_id, language) do update set headline = excluded.headline, body = excluded.body,
                    source_revision = excluded.source_revision, source_headline = excluded.source_headline,
                    source_body = excluded.source_body, translated_at = excluded.translated_at,
                    translated_by = excluded.translated_by""")
                .param("entry", entryId).param("lang", draft.language().code()).param("headline", clean.headline())
                .param("body", json.writerFor(BODY).writeValueAsString(clean.body())).param("revision", entry.revision())
                .param("sourceHeadline", entry.headline())
                .param("sourceBody", json.writerFor(BODY).writeValueAsString(entry.body()))
                .param("now", clock.millis()).param("by", by).update();
        return changed(storyId, entryId, LiveEntry.Change.TRANSLATED, draft.language());
    }

    /** Withdraws an entry: its place stays, as a note that it was withdrawn. */
    @Transactional
    public LiveEntry.Changed withdraw(long storyId, long entryId) {
        var entry = entry(storyId, entryId);
        jdbc.sql("update live_entry set withdrawn = 1, key_event = 0, corrected_at = :now where id = :id")
                .param("now", clock.millis()).param("id", entryId).update();
        return changed(storyId, entryId, LiveEntry.Change.WITHDRAWN, entry.language());
    }

    @Transactional(readOnly = true)
    public LiveEntry entry(long storyId, long entryId) {
        return jdbc.sql("select * from live_entry where id = :id and story_id = :story")
                .param("id", entryId).param("story", storyId).query(this::entry).optional()
                .map(found -> withTranslations(List.of(found)).getFirst())
                .orElseThrow(() -> new TaxonomyNotFound("entry"));
    }

    /**
     * Entries newest first, {@code limit} of them, older than entry {@code olderThan} (the first page when null);
     * those that read in {@code language} (written or translated into it), or every entry when null.
     */
    @Transactional(readOnly = true)
    public LiveEntry.Page entries(long storyId, @Nullable Language language, @Nullable Long olderThan, int limit) {
        var sql = new StringBuilder("select * from live_entry where story_id = :story");
        if (language != null) {
            sql.append(READS_IN);
        }
        if (olderThan != null) {
            sql.append(" and id < :older");
        }
        sql.append(" order by id desc limit :limit");
        var query = jdbc.sql(sql.toString()).param("story", storyId).param("limit", limit + 1);
        if (language != null) {
            query = query.param("lang", language.code());
        }
        if (olderThan != null) {
            query = query.param("older", olderThan);
        }
        var rows = new ArrayList<>(withTranslations(query.query(this::entry).list()));
        Long next = null;
        if (rows.size() > limit) {
            rows.removeLast();
            next = rows.getLast().id();
        }
        return new LiveEntry.Page(List.copyOf(rows), next);
    }

    /** The key events of the live blog, newest first, withdrawn ones left out; as {@link #entries} for {@code language}. */
    @Transactional(readOnly = true)
    public List<LiveEntry> keyEvents(long storyId, @Nullable Language language, int limit) {
        var sql = "select * from live_entry where story_id = :story and key_event = 1 and withdrawn = 0"
                + (language == null ? "" : READS_IN) + " order by id desc limit :limit";
        var query = jdbc.sql(sql).param("story", storyId).param("limit", limit);
        if (language != null) {
            query = query.param("lang", language.code());
        }
        return withTranslations(query.query(this::entry).list());
    }

    /** The changes after {@code afterChange} in order, at most {@code limit}: what a reconnecting reader missed. */
    @Transactional(readOnly = true)
    public List<LiveEntry.Changed> changesSince(long storyId, long afterChange, int limit) {
        var rows = jdbc.sql("""
                select c.id as change_id, c.kind as change_kind, c.language as change_language, e.* from live_change c
                  join live_entry e on e.id = c.entry_id
                 where c.story_id = :story and c.id > :after order by c.id limit :limit""")
                .param("story", storyId).param("after", afterChange).param("limit", limit)
                .query((rs, n) -> new Row(rs.getLong("change_id"),
                        LiveEntry.Change.valueOf(rs.getString("change_kind").toUpperCase(java.util.Locale.ROOT)),
                        entry(rs, n), rs.getString("change_language")))
                .list();
        var entries = withTranslations(rows.stream().map(Row::entry).distinct().toList()).stream()
                .collect(java.util.stream.Collectors.toMap(LiveEntry::id, e -> e));
        return rows.stream().map(row -> {
            var entry = entries.get(row.entry().id());
            var language = row.language() == null ? entry.language() : Language.fromCode(row.language()).orElseThrow();
            return new LiveEntry.Changed(row.changeId(), row.kind(), entry, language);
        }).toList();
    }

    private record Row(long changeId, LiveEntry.Change kind, LiveEntry entry, @Nullable String language) {
    }

    /**
     * The translation work on every live blog's entries, per language translated into, live blogs with the newest
     * entries first; languages with nothing to do are left out.
     */
    @Transactional(readOnly = true)
    public List<LiveBlog.TranslationWork> translationWork() {
        var languages = String.join(" union all ", Language.all().stream()
                .map(language -> "select '" + language.code() + "' as code").toList());
        return jdbc.sql("""
                select e.story_id, l.code,
                       sum(case when t.entry_id is null then 1 else 0 end) as missing,
                       sum(case when t.source_revision < e.revision then 1 else 0 end) as outdated
                  from live_entry e
                  cross join (%s) l
                  left join live_entry_translation t on t.entry_id = e.id and t.language = l.code
                 where e.withdrawn = 0 and e.language <> l.code
                 group by e.story_id, l.code
                having sum(case when t.entry_id is null then 1 else 0 end) > 0
                    or sum(case when t.source_revision < e.revision then 1 else 0 end) > 0
                 order by max(e.id) desc, l.code""".formatted(languages))
                .query((rs, n) -> new LiveBlog.TranslationWork(rs.getLong(1), Language.fromCode(rs.getString(2)).orElseThrow(),
                        rs.getInt(3), rs.getInt(4)))
                .list();
    }

    /** The live blog's newest change, 0 when nothing was posted: where a page just rendered stands in the stream. */
    @Transactional(readOnly = true)
    public long lastChange(long storyId) {
        return jdbc.sql("select coalesce(max(id), 0) from live_change where story_id = :story").param("story", storyId)
                .query(Long.class).single();
    }

    /** How many entries the live blog has that read in {@code language} (every entry when null). */
    @Transactional(readOnly = true)
    public int count(long storyId, @Nullable Language language) {
        var query = jdbc.sql("select count(*) from live_entry where story_id = :story"
                + (language == null ? "" : READS_IN)).param("story", storyId);
        if (language != null) {
            query = query.param("lang", language.code());
        }
        return query.query(Integer.class).single();
    }

    private LiveEntry.Draft check(LiveEntry.Draft draft) {
        var problems = new ArrayList<InvalidContent.Problem>();
        var author = CleanText.line(draft.author()).strip();
        if (author.isEmpty()) {
            problems.add(new InvalidContent.Problem("author", "content.error.required", List.of()));
        } else if (author.length() > MAX_AUTHOR) {
            problems.add(new InvalidContent.Problem("author", "content.error.too-long", List.of(Integer.toString(MAX_AUTHOR))));
        }
        var text = checkText(new LiveEntry.TranslationDraft(draft.language(), draft.headline(), draft.body()), problems);
        return new LiveEntry.Draft(draft.language(), author, text.headline(), text.body(), draft.keyEvent());
    }

    /**
     * The headline and body of an entry or of a translation, cleaned; refused with every problem with them and those
     * already in {@code problems}.
     */
    private LiveEntry.TranslationDraft checkText(LiveEntry.TranslationDraft draft, List<InvalidContent.Problem> problems) {
        var headline = CleanText.line(draft.headline()).strip();
        if (headline.length() > ContentRules.MAX_HEADLINE) {
            problems.add(new InvalidContent.Problem("headline", "content.error.too-long",
                    List.of(Integer.toString(ContentRules.MAX_HEADLINE))));
        }
        if (draft.body().size() > MAX_ENTRY_BLOCKS) {
            throw new LiveEntryTooLarge(List.of(new InvalidContent.Problem("body", "content.error.too-many-blocks",
                    List.of(Integer.toString(MAX_ENTRY_BLOCKS)))));
        }
        if (BodyText.plain(draft.body()).length() > MAX_ENTRY_TEXT) {
            throw new LiveEntryTooLarge(List.of(new InvalidContent.Problem("body", "content.error.too-long",
                    List.of(Integer.toString(MAX_ENTRY_TEXT)))));
        }
        if (draft.body().isEmpty()) {
            problems.add(new InvalidContent.Problem("body", "content.error.required", List.of()));
        }
        List<Block> body = draft.body();
        try {
            body = rules.body("body", draft.body(), ContentRules.Completeness.COMPLETE);
        } catch (InvalidContent invalid) {
            problems.addAll(invalid.problems());
        }
        if (!problems.isEmpty()) {
            throw new InvalidContent(problems);
        }
        return new LiveEntry.TranslationDraft(draft.language(), headline, body);
    }

    private LiveEntry.Changed changed(long storyId, long entryId, LiveEntry.Change kind, Language language) {
        // a translation's change names its language; the others concern the entry's own
        long change = jdbc.sql("""
                insert into live_change (story_id, entry_id, kind, at, language)
                values (:story, :entry, :kind, :now, :lang) returning id""")
                .param("story", storyId).param("entry", entryId).param("kind", kind.key()).param("now", clock.millis())
                .param("lang", kind == LiveEntry.Change.TRANSLATED ? language.code() : null)
                .query(Long.class).single();
        var entry = entry(storyId, entryId);
        outbox.append(new EntryChanged(storyId, entryId, change, kind, language));
        return new LiveEntry.Changed(change, kind, entry, language);
    }

    /** {@code entries} with their translations, read in one query. */
    private List<LiveEntry> withTranslations(List<LiveEntry> entries) {
        if (entries.isEmpty()) {
            return entries;
        }
        var byEntry = new java.util.HashMap<Long, java.util.Map<Language, LiveEntry.Translation>>();
        jdbc.sql("select * from live_entry_translation where entry_id in (:ids)")
                .param("ids", entries.stream().map(LiveEntry::id).toList())
                .query((rs, n) -> {
                    var language = Language.fromCode(rs.getString("language")).orElseThrow();
                    byEntry.computeIfAbsent(rs.getLong("entry_id"), id -> new java.util.EnumMap<>(Language.class))
                            .put(language, new LiveEntry.Translation(language, rs.getString("headline"),
                                    json.readValue(rs.getString("body"), BODY), rs.getInt("source_revision"),
                                    rs.getString("source_headline"), json.readValue(rs.getString("source_body"), BODY),
                                    Instant.ofEpochMilli(rs.getLong("translated_at")), rs.getString("translated_by")));
                    return language;
                })
                .list();
        return entries.stream().map(e -> new LiveEntry(e.id(), e.storyId(), e.language(), e.postedAt(), e.author(),
                e.headline(), e.body(), e.keyEvent(), e.withdrawn(), e.correctedAt(), e.postedBy(), e.revision(),
                java.util.Map.copyOf(byEntry.getOrDefault(e.id(), java.util.Map.of())))).toList();
    }

    private LiveEntry entry(ResultSet rs, int row) throws SQLException {
        return new LiveEntry(rs.getLong("id"), rs.getLong("story_id"), Language.fromCode(rs.getString("language")).orElseThrow(),
                Instant.ofEpochMilli(rs.getLong("posted_at")), rs.getString("author"), rs.getString("headline"),
                json.readValue(rs.getString("body"), BODY), rs.getInt("key_event") == 1, rs.getInt("withdrawn") == 1,
                instant(rs, "corrected_at"), rs.getString("posted_by"), rs.getInt("revision"), java.util.Map.of());
    }

    private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : Instant.ofEpochMilli(value);
    }
}
