package db.migration.common;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.masthead.content.CleanText;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Moves every stored body from format 1 (plain texts) to format 2 (texts with marks): each paragraph,
 * sub-heading, quote text, list item and image caption becomes {@code {"text": ..., "marks": []}}. Block
 * ids and order stay as they were. Every text of the revision is cleaned on the way as input is cleaned
 * now (controls removed, NFC), so a headline stored with a control character no longer breaks a sitemap.
 * Rows are read in pages by key, so a large archive is not held in memory.
 */
public class V101__content_rich_text_bodies extends BaseJavaMigration {

    private static final int PAGE = 500;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private record Row(long storyId, String language, int number, String headline, String standfirst,
            String seoTitle, String seoDescription, String caption, String credit, String alt, String body) {
    }

    @Override
    public void migrate(Context context) throws SQLException {
        var connection = context.getConnection();
        long afterStory = -1;
        String afterLanguage = "";
        int afterNumber = -1;
        while (true) {
            var rows = page(connection, afterStory, afterLanguage, afterNumber);
            if (rows.isEmpty()) {
                return;
            }
            try (var update = connection.prepareStatement("""
                    update revision set headline = ?, headline_folded = ?, standfirst = ?, seo_title = ?,
                           seo_description = ?, lead_image_caption = ?, lead_image_credit = ?, lead_image_alt = ?,
                           body = ?, body_format = 2
                     where story_id = ? and language = ? and number = ?""")) {
                for (var row : rows) {
                    var headline = CleanText.line(row.headline()).strip();
                    update.setString(1, headline);
                    update.setString(2, headline.toLowerCase(Locale.ROOT));
                    update.setString(3, CleanText.line(row.standfirst()));
                    update.setString(4, CleanText.line(row.seoTitle()));
                    update.setString(5, CleanText.line(row.seoDescription()));
                    update.setString(6, CleanText.line(row.caption()));
                    update.setString(7, CleanText.line(row.credit()));
                    update.setString(8, CleanText.line(row.alt()));
                    update.setString(9, body(row.body()));
                    update.setLong(10, row.storyId());
                    update.setString(11, row.language());
                    update.setInt(12, row.number());
                    update.addBatch();
                }
                update.executeBatch();
            }
            var last = rows.getLast();
            afterStory = last.storyId();
            afterLanguage = last.language();
            afterNumber = last.number();
        }
    }

    private static List<Row> page(Connection connection, long story, String language, int number) throws SQLException {
        try (var select = connection.prepareStatement("""
                select story_id, language, number, headline, standfirst, seo_title, seo_description,
                       lead_image_caption, lead_image_credit, lead_image_alt, body
                  from revision
                 where body_format = 1 and (story_id > ? or (story_id = ? and (language > ?
                       or (language = ? and number > ?))))
                 order by story_id, language, number limit ?""")) {
            select.setLong(1, story);
            select.setLong(2, story);
            select.setString(3, language);
            select.setString(4, language);
            select.setInt(5, number);
            select.setInt(6, PAGE);
            var rows = new ArrayList<Row>();
            try (var rs = select.executeQuery()) {
                while (rs.next()) {
                    rows.add(new Row(rs.getLong(1), rs.getString(2), rs.getInt(3), rs.getString(4), rs.getString(5),
                            rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10),
                            rs.getString(11)));
                }
            }
            return rows;
        }
    }

    /** A format 1 body as format 2; unknown block types and fields are kept as they are. */
    static String body(String json) {
        var blocks = JSON.readTree(json);
        if (!(blocks instanceof ArrayNode array)) {
            return json;
        }
        for (var node : array) {
            if (!(node instanceof ObjectNode block)) {
                continue;
            }
            switch (block.path("type").asString("")) {
                case "paragraph", "subheading" -> rich(block, "text");
                case "quote" -> {
                    rich(block, "text");
                    plain(block, "speaker");
                    plain(block, "role");
                }
                case "image" -> {
                    rich(block, "caption");
                    plain(block, "credit");
                    plain(block, "alt");
                }
                case "list" -> {
                    var items = JSON.createArrayNode();
                    for (var item : block.path("items")) {
                        items.add(richNode(item));
                    }
                    block.set("items", items);
                }
                case "embed" -> plain(block, "title");
                default -> { }
            }
        }
        return JSON.writeValueAsString(array);
    }

    private static void rich(ObjectNode block, String field) {
        block.set(field, richNode(block.path(field)));
    }

    private static JsonNode richNode(JsonNode value) {
        if (value.isObject()) {
            return value;   // already format 2
        }
        var rich = JSON.createObjectNode();
        rich.put("text", CleanText.lines(value.asString("")).strip());
        rich.set("marks", JSON.createArrayNode());
        return rich;
    }

    private static void plain(ObjectNode block, String field) {
        if (block.path(field).isString()) {
            block.put(field, CleanText.line(block.path(field).asString()).strip());
        }
    }
}
