package org.masthead.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.masthead.platform.db.SqlDialect;
import org.masthead.support.TestDatabase;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Flyway migration of stored bodies to texts with marks, on a database left at the schema before it
 * (SQLite, or PostgreSQL when the suite runs there): block ids and order stay, every text becomes a text
 * without marks, and text that once broke outputs (a control character in a headline) is cleaned.
 */
class RichTextMigrationIntegrationTest {

    private static final String OLD_BODY = """
            [{"type":"paragraph","id":"p-1","text":"Plain \\u0001text"},
             {"type":"subheading","id":"s-1","text":"A heading"},
             {"type":"quote","id":"q-1","text":"Quoted","speaker":"Olha\\u0007 Petrenko","role":"envoy"},
             {"type":"image","id":"i-1","mediaId":5,"caption":"A caption","credit":"Credit","alt":"Alt"},
             {"type":"list","id":"l-1","ordered":true,"items":["one","two"]},
             {"type":"readAlso","id":"r-1","storyId":1},
             {"type":"embed","id":"e-1","url":"https://example.org/v","title":"Video"}]""";

    @TempDir
    Path folder;

    @Test
    void movesEveryBodyToTextsWithMarksKeepingBlockIds() throws Exception {
        var dialect = TestDatabase.onPostgres() ? SqlDialect.POSTGRESQL : SqlDialect.SQLITE;
        var url = dialect == SqlDialect.POSTGRESQL ? TestDatabase.freshPostgresSchema() : "jdbc:sqlite:" + Files.createFile(folder.resolve("m.db"));
        flyway(url, dialect, "100").migrate();
        try (var connection = DriverManager.getConnection(url)) {
            insertOldRevision(connection);
        }
        flyway(url, dialect, "latest").migrate();

        try (var connection = DriverManager.getConnection(url);
                var rs = connection.createStatement().executeQuery(
                        "select headline, headline_folded, body, body_format from revision")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("Talks resume");
            assertThat(rs.getString(2)).isEqualTo("talks resume");
            assertThat(rs.getInt(4)).isEqualTo(2);
            var body = JsonMapper.builder().build().readValue(rs.getString(3), new TypeReference<List<Block>>() { });
            assertThat(body).containsExactly(
                    new Block.Paragraph("p-1", "Plain text"),
                    new Block.Subheading("s-1", "A heading"),
                    new Block.Quote("q-1", "Quoted", "Olha Petrenko", "envoy"),
                    new Block.Image("i-1", 5, "A caption", "Credit", "Alt"),
                    Block.BulletList.of("l-1", true, List.of("one", "two")),
                    new Block.ReadAlso("r-1", 1),
                    new Block.Embed("e-1", "https://example.org/v", "Video"));
            assertThat(rs.getString(3)).contains("{\"text\":\"Plain text\",\"marks\":[]}");
        }
    }

    private static void insertOldRevision(Connection connection) throws SQLException {
        try (var statement = connection.createStatement()) {
            statement.execute("insert into section (slug, position, name_uk, name_en, name_ru) values ('s', 1, 'С', 'S', 'С')");
            statement.execute("""
                    insert into story (section_id, status, source_language, created_at)
                    select id, 'DRAFT', 'en', 0 from section""");
        }
        try (var insert = connection.prepareStatement("""
                insert into revision (story_id, language, number, slug, headline, standfirst, body, saved_by, saved_at)
                select id, 'en', 1, 'talks-resume', ?, 'Standfirst', ?, 'test', 0 from story""")) {
            insert.setString(1, "Talks\u0001 resume");
            insert.setString(2, OLD_BODY);
            insert.executeUpdate();
        }
    }

    private static Flyway flyway(String url, SqlDialect dialect, String target) {
        return Flyway.configure().dataSource(url, null, null).locations("classpath:db/migration/common")
                .placeholders(dialect.schemaPlaceholders()).target(target).load();
    }
}
