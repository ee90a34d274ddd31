package org.masthead.translation;

import java.time.Clock;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Set;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.masthead.platform.Language;
import org.masthead.platform.db.SqlDialect;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The translation tables: item records, per-version state and the translation memory. */
@Repository
class TranslationRecords {

    record ItemRecord(String itemId, Language sourceLanguage, int sourceRevision, String sourceHash) {
    }

    record MemoryRow(String sourceText, String targetText) {
    }

    private final JdbcClient jdbc;
    private final SqlDialect dialect;
    private final Clock clock;

    TranslationRecords(JdbcClient jdbc, SqlDialect dialect, Clock clock) {
        this.jdbc = jdbc;
        this.dialect = dialect;
        this.clock = clock;
    }

    /**
     * Serialises the transactions that recompute a story's translation state (a save being tracked,
     * a translator marking items), so that a slower one never writes an older count over a newer one.
     */
    void lockStory(long storyId) {
        var lock = dialect.transactionLock();
        if (!lock.isEmpty()) {
            jdbc.sql(lock).param("space", SqlDialect.LockSpace.TRANSLATION_STATE.ordinal())
                    .param("key", Long.hashCode(storyId)).query().singleRow();
        }
    }

    Map<String, ItemRecord> items(long storyId, Language language) {
        return jdbc.sql("""
                select item_id, source_language, source_revision, source_hash from translation_item
                 where story_id = :story and language = :lang""")
                .param("story", storyId).param("lang", language.code())
                .query((rs, n) -> new ItemRecord(rs.getString(1), Language.fromCode(rs.getString(2)).orElseThrow(),
                        rs.getInt(3), rs.getString(4)))
                .list().stream().collect(Collectors.toMap(ItemRecord::itemId, r -> r));
    }

    void record(long storyId, Language language, String itemId, Language source, int sourceRevision,
            String sourceHash, String by) {
        jdbc.sql("""
                insert into translation_item (story_id, language, item_id, source_language, source_revision,
                    source_hash, updated_by, updated_at)
                values (:story, :lang, :item, :source, :revision, :hash, :by, :at)
                on conflict (story_id, language, item_id) do update set source_language = excluded.source_language,
                    source_revision = excluded.source_revision, source_hash = excluded.source_hash,
                    updated_by = excluded.updated_by, updated_at = excluded.updated_at""")
                .param("story", storyId).param("lang", language.code()).param("item", itemId)
                .param("source", source.code()).param("revision", sourceRevision).param("hash", sourceHash)
                .param("by", by).param("at", clock.millis())
                .update();
    }

    void saveState(long storyId, Language language, int staleItems) {
        jdbc.sql("""
                insert into translation_state (story_id, language, stale_items, checked_at)
                values (:story, :lang, :stale, :at)
                on conflict (story_id, language) do update set stale_items = excluded.stale_items,
                    checked_at = excluded.checked_at""")
                .param("story", storyId).param("lang", language.code()).param("stale", staleItems)
                .param("at", clock.millis())
                .update();
    }

    Optional<Integer> staleItems(long storyId, Language language) {
        return jdbc.sql("select stale_items from translation_state where story_id = :story and language = :lang")
                .param("story", storyId).param("lang", language.code()).query(Integer.class).optional();
    }

    /** The versions with items behind their source, among {@code storyIds}. */
    Map<Long, Set<Language>> behind(Collection<Long> storyIds) {
        if (storyIds.isEmpty()) {
            return Map.of();
        }
        var behind = new HashMap<Long, Set<Language>>();
        jdbc.sql("select story_id, language from translation_state where stale_items > 0 and story_id in (:ids)")
                .param("ids", List.copyOf(storyIds))
                .query((rs, n) -> behind.computeIfAbsent(rs.getLong(1), id -> EnumSet.noneOf(Language.class))
                        .add(Language.fromCode(rs.getString(2)).orElseThrow()))
                .list();
        return behind;
    }

    void remember(Language from, Language to, String sourceHash, String sourceText, String targetText) {
        jdbc.sql("""
                insert into translation_memory (source_language, target_language, source_hash, source_text,
                    target_text, source_length, created_at)
                values (:from, :to, :hash, :source, :target, :length, :at)
                on conflict (source_language, target_language, source_hash) do update
                    set target_text = excluded.target_text, created_at = excluded.created_at""")
                .param("from", from.code()).param("to", to.code()).param("hash", sourceHash)
                .param("source", sourceText).param("target", targetText).param("length", sourceText.length())
                .param("at", clock.millis())
                .update();
    }

    /** Remembered translations whose source length is within the given bounds, newest first. */
    List<MemoryRow> memoryCandidates(Language from, Language to, int minLength, int maxLength, int limit) {
        return jdbc.sql("""
                select source_text, target_text from translation_memory
                 where source_language = :from and target_language = :to
                   and source_length between :min and :max
                 order by created_at desc limit :limit""")
                .param("from", from.code()).param("to", to.code()).param("min", minLength).param("max", maxLength)
                .param("limit", limit)
                .query((rs, n) -> new MemoryRow(rs.getString(1), rs.getString(2)))
                .list();
    }
}
