package org.masthead.imports;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The newsroom's import runs and their report lines (tables import_run, import_run_line). */
@Repository
class ImportRunRepository {

    private static final int BATCH = 500;
    private static final String COLUMNS = """
            id, source, file_name, file_size, dry_run, status, total, done, imported, updated, unchanged, skipped,
            failed, message, started_by, started_at, counted_at, finished_at""";

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    ImportRunRepository(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    long insert(ArchiveImports.Source source, String fileName, long size, boolean dryRun, String by, String node, long now) {
        return jdbc.sql("""
                insert into import_run (source, file_name, file_size, dry_run, status, started_by, node, started_at)
                values (:source, :file, :size, :dry, 'running', :by, :node, :now) returning id""")
                .param("source", source.name().toLowerCase(Locale.ROOT)).param("file", fileName).param("size", size)
                .param("dry", dryRun ? 1 : 0).param("by", by).param("node", node).param("now", now)
                .query(Long.class).single();
    }

    void counted(long id, int total, long now) {
        jdbc.sql("update import_run set total = :total, counted_at = :now where id = :id and status = 'running'")
                .param("total", total).param("now", now).param("id", id).update();
    }

    void progress(long id, int done) {
        jdbc.sql("update import_run set done = :done where id = :id and status = 'running'")
                .param("done", done).param("id", id).update();
    }

    /** Ends a run: its status, its counts and message, and its report lines, in one transaction (the caller's). */
    void finish(long id, ImportRun.Status status, List<ImportReport.Line> lines, String message, long now) {
        var counts = new int[ImportReport.Outcome.values().length];
        lines.forEach(line -> counts[line.outcome().ordinal()]++);
        jdbc.sql("""
                update import_run set status = :status, imported = :imported, updated = :updated, unchanged = :unchanged,
                       skipped = :skipped, failed = :failed, message = :message, finished_at = :now,
                       done = case when total > done then total else done end
                 where id = :id""")
                .param("status", status.name().toLowerCase(Locale.ROOT))
                .param("imported", counts[ImportReport.Outcome.IMPORTED.ordinal()])
                .param("updated", counts[ImportReport.Outcome.UPDATED.ordinal()])
                .param("unchanged", counts[ImportReport.Outcome.UNCHANGED.ordinal()])
                .param("skipped", counts[ImportReport.Outcome.SKIPPED.ordinal()])
                .param("failed", counts[ImportReport.Outcome.FAILED.ordinal()])
                .param("message", message.length() > 4000 ? message.substring(0, 4000) : message)
                .param("now", now).param("id", id).update();
        for (int from = 0; from < lines.size(); from += BATCH) {
            int first = from;
            int size = Math.min(lines.size() - from, BATCH);
            template.batchUpdate("""
                    insert into import_run_line (run_id, position, source_id, type, outcome, target, reason)
                    values (?, ?, ?, ?, ?, ?, ?)""", new BatchPreparedStatementSetter() {
                @Override
                public void setValues(PreparedStatement statement, int i) throws SQLException {
                    var line = lines.get(first + i);
                    statement.setLong(1, id);
                    statement.setInt(2, first + i);
                    statement.setString(3, cut(line.sourceId(), 500));
                    statement.setString(4, cut(line.type(), 20));
                    statement.setString(5, line.outcome().name().toLowerCase(Locale.ROOT));
                    statement.setString(6, cut(line.target(), 200));
                    statement.setString(7, line.reason());
                }

                @Override
                public int getBatchSize() {
                    return size;
                }
            });
        }
    }

    /** Runs of a node that were running when it stopped: they end as interrupted. */
    int interrupt(String node, long now) {
        return jdbc.sql("""
                update import_run set status = 'interrupted', finished_at = :now,
                       message = 'The node running the import stopped before it ended'
                 where node = :node and status = 'running'""")
                .param("node", node).param("now", now).update();
    }

    Optional<ImportRun> find(long id) {
        return jdbc.sql("select " + COLUMNS + " from import_run where id = :id").param("id", id)
                .query(ImportRunRepository::run).optional();
    }

    List<ImportRun> latest(int limit) {
        return jdbc.sql("select " + COLUMNS + " from import_run order by started_at desc, id desc limit :limit")
                .param("limit", limit).query(ImportRunRepository::run).list();
    }

    List<ImportReport.Line> lines(long id, ImportReport.@Nullable Outcome outcome, int offset, int limit) {
        return jdbc.sql("select source_id, type, outcome, target, reason from import_run_line where run_id = :id"
                        + (outcome == null ? "" : " and outcome = :outcome") + " order by position limit :limit offset :offset")
                .param("id", id).param("outcome", outcome == null ? "" : outcome.name().toLowerCase(Locale.ROOT))
                .param("limit", limit).param("offset", offset)
                .query((rs, n) -> line(rs)).list();
    }

    /** Every line of a run in order, a page at a time (a report of any length is written without holding it). */
    void eachLine(long id, Consumer<ImportReport.Line> sink) {
        int after = -1;
        while (true) {
            var page = jdbc.sql("""
                    select position, source_id, type, outcome, target, reason from import_run_line
                     where run_id = :id and position > :after order by position limit :limit""")
                    .param("id", id).param("after", after).param("limit", BATCH * 2)
                    .query((rs, n) -> java.util.Map.entry(rs.getInt(1), new ImportReport.Line(rs.getString(2), rs.getString(3),
                            ImportReport.Outcome.valueOf(rs.getString(4).toUpperCase(Locale.ROOT)), rs.getString(5),
                            rs.getString(6)))).list();
            page.forEach(entry -> sink.accept(entry.getValue()));
            if (page.size() < BATCH * 2) {
                return;
            }
            after = page.getLast().getKey();
        }
    }

    private static ImportReport.Line line(ResultSet rs) throws SQLException {
        return new ImportReport.Line(rs.getString(1), rs.getString(2),
                ImportReport.Outcome.valueOf(rs.getString(3).toUpperCase(Locale.ROOT)), rs.getString(4), rs.getString(5));
    }

    private static ImportRun run(ResultSet rs, int n) throws SQLException {
        long counted = rs.getLong("counted_at");
        Long countedAt = rs.wasNull() ? null : counted;
        long finished = rs.getLong("finished_at");
        Long finishedAt = rs.wasNull() ? null : finished;
        return new ImportRun(rs.getLong("id"), ArchiveImports.Source.valueOf(rs.getString("source").toUpperCase(Locale.ROOT)),
                rs.getString("file_name"), rs.getLong("file_size"), rs.getInt("dry_run") == 1,
                ImportRun.Status.valueOf(rs.getString("status").toUpperCase(Locale.ROOT)), rs.getInt("total"), rs.getInt("done"),
                new ImportRun.Counts(rs.getInt("imported"), rs.getInt("updated"), rs.getInt("unchanged"), rs.getInt("skipped"),
                        rs.getInt("failed")),
                rs.getString("message"), rs.getString("started_by"), java.time.Instant.ofEpochMilli(rs.getLong("started_at")),
                countedAt == null ? null : java.time.Instant.ofEpochMilli(countedAt),
                finishedAt == null ? null : java.time.Instant.ofEpochMilli(finishedAt));
    }

    private static String cut(String text, int max) {
        return text.length() > max ? text.substring(0, max) : text;
    }
}
