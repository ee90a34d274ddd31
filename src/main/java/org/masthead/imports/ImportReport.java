package org.masthead.imports;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * What an import did, item by item: each line names the source item (its id in the export and its type), what
 * happened to it and why, and what it became. Written as CSV or JSON for the newsroom to keep.
 */
public final class ImportReport {

    /** What happened to one item. */
    public enum Outcome { IMPORTED, UPDATED, UNCHANGED, SKIPPED, FAILED }

    /**
     * One item: {@code sourceId} as the export names it ("post 12", "category world"), {@code type} post, page,
     * category, tag, author, image, file; {@code target} what it became ("story 41 en"), {@code reason} why it was
     * skipped or failed, or what was left out of it.
     */
    public record Line(String sourceId, String type, Outcome outcome, String target, String reason) {
    }

    private final List<Line> lines = Collections.synchronizedList(new ArrayList<>());

    void add(String sourceId, String type, Outcome outcome, String target, String reason) {
        lines.add(new Line(sourceId, type, outcome, target, reason.length() > 2000 ? reason.substring(0, 2000) : reason));
    }

    public List<Line> lines() {
        synchronized (lines) {
            return List.copyOf(lines);
        }
    }

    public Map<Outcome, Integer> counts() {
        var counts = new EnumMap<Outcome, Integer>(Outcome.class);
        for (var outcome : Outcome.values()) {
            counts.put(outcome, 0);
        }
        lines().forEach(line -> counts.merge(line.outcome(), 1, Integer::sum));
        return counts;
    }

    /** One line per outcome with its count, as the command prints it. */
    public String summary() {
        var out = new StringBuilder();
        counts().forEach((outcome, n) -> out.append(out.isEmpty() ? "" : ", ").append(n).append(' ')
                .append(outcome.name().toLowerCase(java.util.Locale.ROOT)));
        return out.toString();
    }

    /** The first line of the report as CSV. */
    public static final String CSV_HEADER = "source_id,type,outcome,target,reason\r\n";

    /** The report as CSV (RFC 4180); a cell that a spreadsheet would run as a formula is quoted as text. */
    public static void writeCsv(List<Line> lines, Writer out) throws IOException {
        out.write(CSV_HEADER);
        for (var line : lines) {
            out.write(csvRow(line));
        }
    }

    /** One line of the report as a CSV row, with its line break. */
    public static String csvRow(Line line) {
        return cell(line.sourceId()) + "," + cell(line.type()) + "," + line.outcome().name().toLowerCase(java.util.Locale.ROOT)
                + "," + cell(line.target()) + "," + cell(line.reason()) + "\r\n";
    }

    static String cell(String value) {
        var text = value;
        if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r") || !text.equals(value)) {
            return "\"" + text.replace("\"", "\"\"") + "\"";
        }
        return text;
    }
}
