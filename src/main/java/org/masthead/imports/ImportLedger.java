package org.masthead.imports;

import java.time.Clock;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.masthead.platform.Language;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** What each imported item became, and the old site's addresses. */
@Repository
class ImportLedger {

    /** What one item of a source became. */
    record Entry(String kind, long targetId, String language, String digest) {
    }

    /** An address of the old site and what it leads to now. */
    record Address(String kind, long targetId, String language, boolean feed) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;

    ImportLedger(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    Optional<Entry> find(String source, String site, String key) {
        return jdbc.sql("select kind, target_id, language, digest from import_item where source = :source and site = :site and source_key = :key")
                .param("source", source).param("site", site).param("key", key)
                .query((rs, n) -> new Entry(rs.getString(1), rs.getLong(2), rs.getString(3), rs.getString(4)))
                .optional();
    }

    /** Records what an item became, or what it became now; called in the transaction that made it. */
    void put(String source, String site, String key, String kind, long targetId, @Nullable Language language, String digest) {
        jdbc.sql("""
                insert into import_item (source, site, source_key, kind, target_id, language, digest, imported_at)
                values (:source, :site, :key, :kind, :target, :lang, :digest, :at)
                on conflict (source, site, source_key) do update
                   set kind = excluded.kind, target_id = excluded.target_id, language = excluded.language,
                       digest = excluded.digest, imported_at = excluded.imported_at""")
                .param("source", source).param("site", site).param("key", key).param("kind", kind).param("target", targetId)
                .param("lang", language == null ? "" : language.code()).param("digest", digest)
                .param("at", clock.millis()).update();
    }

    /**
     * Records what an item became the first time, in the transaction that made it: a second run that made it at the
     * same time fails on the key and rolls back, and finds this one when it tries again.
     */
    void claim(String source, String site, String key, String kind, long targetId) {
        jdbc.sql("""
                insert into import_item (source, site, source_key, kind, target_id, language, digest, imported_at)
                values (:source, :site, :key, :kind, :target, '', '', :at)""")
                .param("source", source).param("site", site).param("key", key).param("kind", kind).param("target", targetId)
                .param("at", clock.millis()).update();
    }

    void address(String address, String kind, long targetId, @Nullable Language language, boolean feed) {
        if (address.isEmpty() || address.length() > 500) {
            return;
        }
        jdbc.sql("""
                insert into import_address (address, kind, target_id, language, feed) values (:address, :kind, :target, :lang, :feed)
                on conflict (address) do update set kind = excluded.kind, target_id = excluded.target_id,
                       language = excluded.language, feed = excluded.feed""")
                .param("address", address).param("kind", kind).param("target", targetId)
                .param("lang", language == null ? "" : language.code()).param("feed", feed ? 1 : 0).update();
    }

    Optional<Address> address(String address) {
        return jdbc.sql("select kind, target_id, language, feed from import_address where address = :address")
                .param("address", address)
                .query((rs, n) -> new Address(rs.getString(1), rs.getLong(2), rs.getString(3), rs.getInt(4) == 1))
                .optional();
    }
}
