package org.masthead.imports;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.masthead.platform.Language;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** What each imported item became, the old site's addresses, and the runs with their reports. */
@Repository
class ImportLedger {

    /** What one item of a source became. */
    record Entry(String kind, long targetId, String language, String digest) {
    }

    /** An address of the old site and what it leads to now. */
    record Address(String kind, long targetId, String language, boolean feed) {
    }

    /** A run as the newsroom's import page shows it. */
    record Run(long id, String source, String fileName, boolean dryRun, String state, int total, int done,
            String startedBy, long startedAt, @Nullable Long finishedAt, String message) {
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

    long startRun(String source, String fileName, boolean dryRun, String by) {
        return jdbc.sql("""
                insert into import_run (source, file_name, dry_run, state, started_by, started_at)
                values (:source, :file, :dry, 'RUNNING', :by, :at) returning id""")
                .param("source", source).param("file", fileName.length() > 200 ? fileName.substring(0, 200) : fileName)
                .param("dry", dryRun ? 1 : 0).param("by", by).param("at", clock.millis()).query(Long.class).single();
    }

    void progress(long run, int done, int total) {
        jdbc.sql("update import_run set done = :done, total = :total where id = :id")
                .param("done", done).param("total", total).param("id", run).update();
    }

    void finish(long run, String state, String message, List<ImportReport.Line> lines) {
        int position = 0;
        for (var line : lines) {
            jdbc.sql("""
                    insert into import_outcome (run_id, position, source_id, item_type, outcome, target, reason)
                    values (:run, :position, :source, :type, :outcome, :target, :reason)""")
                    .param("run", run).param("position", position++).param("source", cut(line.sourceId(), 200))
                    .param("type", cut(line.type(), 20)).param("outcome", line.outcome().name())
                    .param("target", cut(line.target(), 200)).param("reason", line.reason()).update();
        }
        jdbc.sql("update import_run set state = :state, message = :message, finished_at = :at where id = :id")
                .param("state", state).param("message", message).param("at", clock.millis()).param("id", run).update();
    }

    Optional<Run> run(long id) {
        return jdbc.sql("select * from import_run where id = :id").param("id", id).query(ImportLedger::run).optional();
    }

    List<Run> recentRuns(int limit) {
        return jdbc.sql("select * from import_run order by id desc limit :limit").param("limit", limit)
                .query(ImportLedger::run).list();
    }

    List<ImportReport.Line> outcomes(long run) {
        return jdbc.sql("select * from import_outcome where run_id = :run order by position").param("run", run)
                .query((rs, n) -> new ImportReport.Line(rs.getString("source_id"), rs.getString("item_type"),
                        ImportReport.Outcome.valueOf(rs.getString("outcome")), rs.getString("target"), rs.getString("reason")))
                .list();
    }

    /** Runs a node stopped while they ran (a restart) are marked as interrupted: running them again resumes them. */
    void interruptRunning() {
        jdbc.sql("update import_run set state = 'INTERRUPTED', finished_at = :at where state = 'RUNNING'")
                .param("at", clock.millis()).update();
    }

    private static Run run(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        long finished = rs.getLong("finished_at");
        Long finishedAt = rs.wasNull() ? null : finished;
        return new Run(rs.getLong("id"), rs.getString("source"), rs.getString("file_name"), rs.getInt("dry_run") == 1,
                rs.getString("state"), rs.getInt("total"), rs.getInt("done"), rs.getString("started_by"),
                rs.getLong("started_at"), finishedAt, rs.getString("message"));
    }

    private static String cut(String text, int max) {
        return text.length() > max ? text.substring(0, max) : text;
    }
}
