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
        return changed(storyId, id, LiveEntry.Change.POSTED);
    }

    /** Replaces an entry's text and flag; readers see it as corrected, with the time. */
    @Transactional
    public LiveEntry.Changed correct(long storyId, long entryId, LiveEntry.Draft draft) {
        var entry = entry(storyId, entryId);
        var clean = check(new LiveEntry.Draft(entry.language(), draft.author(), draft.headline(), draft.body(),
                draft.keyEvent()));
        jdbc.sql("""
                update live_entry set author = :author, headline = :headline, body = :body, key_event = :key,
                    corrected_at = :now where id = :id""")
                .param("author", clean.author()).param("headline", clean.headline())
                .param("body", json.writerFor(BODY).writeValueAsString(clean.body()))
                .param("key", clean.keyEvent() ? 1 : 0).param("now", clock.millis()).param("id", entryId).update();
        return changed(storyId, entryId, LiveEntry.Change.CORRECTED);
    }

    /** Withdraws an entry: its place stays, as a note that it was withdrawn. */
    @Transactional
    public LiveEntry.Changed withdraw(long storyId, long entryId) {
        entry(storyId, entryId);
        jdbc.sql("update live_entry set withdrawn = 1, key_event = 0, corrected_at = :now where id = :id")
                .param("now", clock.millis()).param("id", entryId).update();
        return changed(storyId, entryId, LiveEntry.Change.WITHDRAWN);
    }

    @Transactional(readOnly = true)
    public LiveEntry entry(long storyId, long entryId) {
        return jdbc.sql("select * from live_entry where id = :id and story_id = :story")
                .param("id", entryId).param("story", storyId).query(this::entry).optional()
                .orElseThrow(() -> new TaxonomyNotFound("entry"));
    }

    /**
     * Entries newest first, {@code limit} of them, older than entry {@code olderThan} (the first page when null);
     * in {@code language}, or every language when null.
     */
    @Transactional(readOnly = true)
    public LiveEntry.Page entries(long storyId, @Nullable Language language, @Nullable Long olderThan, int limit) {
        var sql = new StringBuilder("select * from live_entry where story_id = :story");
        if (language != null) {
            sql.append(" and language = :lang");
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
        var rows = new ArrayList<>(query.query(this::entry).list());
        Long next = null;
        if (rows.size() > limit) {
            rows.removeLast();
            next = rows.getLast().id();
        }
        return new LiveEntry.Page(List.copyOf(rows), next);
    }

    /** The key events of the live blog, newest first, withdrawn ones left out. */
    @Transactional(readOnly = true)
    public List<LiveEntry> keyEvents(long storyId, @Nullable Language language, int limit) {
        var sql = "select * from live_entry where story_id = :story and key_event = 1 and withdrawn = 0"
                + (language == null ? "" : " and language = :lang") + " order by id desc limit :limit";
        var query = jdbc.sql(sql).param("story", storyId).param("limit", limit);
        if (language != null) {
            query = query.param("lang", language.code());
        }
        return query.query(this::entry).list();
    }

    /** The changes after {@code afterChange} in order, at most {@code limit}: what a reconnecting reader missed. */
    @Transactional(readOnly = true)
    public List<LiveEntry.Changed> changesSince(long storyId, long afterChange, int limit) {
        return jdbc.sql("""
                select c.id as change_id, c.kind as change_kind, e.* from live_change c
                  join live_entry e on e.id = c.entry_id
                 where c.story_id = :story and c.id > :after order by c.id limit :limit""")
                .param("story", storyId).param("after", afterChange).param("limit", limit)
                .query((rs, n) -> new LiveEntry.Changed(rs.getLong("change_id"),
                        LiveEntry.Change.valueOf(rs.getString("change_kind").toUpperCase(java.util.Locale.ROOT)),
                        entry(rs, n)))
                .list();
    }

    /** The live blog's newest change, 0 when nothing was posted: where a page just rendered stands in the stream. */
    @Transactional(readOnly = true)
    public long lastChange(long storyId) {
        return jdbc.sql("select coalesce(max(id), 0) from live_change where story_id = :story").param("story", storyId)
                .query(Long.class).single();
    }

    /** How many entries the live blog has in {@code language} (every language when null). */
    @Transactional(readOnly = true)
    public int count(long storyId, @Nullable Language language) {
        var query = jdbc.sql("select count(*) from live_entry where story_id = :story"
                + (language == null ? "" : " and language = :lang")).param("story", storyId);
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
        return new LiveEntry.Draft(draft.language(), author, headline, body, draft.keyEvent());
    }

    private LiveEntry.Changed changed(long storyId, long entryId, LiveEntry.Change kind) {
        long change = jdbc.sql("""
                insert into live_change (story_id, entry_id, kind, at) values (:story, :entry, :kind, :now) returning id""")
                .param("story", storyId).param("entry", entryId).param("kind", kind.key()).param("now", clock.millis())
                .query(Long.class).single();
        var entry = entry(storyId, entryId);
        outbox.append(new EntryChanged(storyId, entryId, change, kind, entry.language()));
        return new LiveEntry.Changed(change, kind, entry);
    }

    private LiveEntry entry(ResultSet rs, int row) throws SQLException {
        return new LiveEntry(rs.getLong("id"), rs.getLong("story_id"), Language.fromCode(rs.getString("language")).orElseThrow(),
                Instant.ofEpochMilli(rs.getLong("posted_at")), rs.getString("author"), rs.getString("headline"),
                json.readValue(rs.getString("body"), BODY), rs.getInt("key_event") == 1, rs.getInt("withdrawn") == 1,
                instant(rs, "corrected_at"), rs.getString("posted_by"));
    }

    private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : Instant.ofEpochMilli(value);
    }
}
