package org.masthead.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.masthead.MastheadApplication;
import org.masthead.imports.ImportReport.Outcome;
import org.masthead.support.MastheadTest;
import org.masthead.support.TestDatabase;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;

/** {@code ./masthead import} killed half-way (SIGKILL) beside the running application, then run again. */
@MastheadTest
class ImportResumeIntegrationTest {

    static final int GROUPS = 400;
    static final String SITE = "https://generated.example";

    @Autowired ArchiveImports imports;
    @Autowired JdbcClient jdbc;
    @Autowired Environment environment;
    @TempDir Path folder;

    private int versions() {
        return jdbc.sql("select count(*) from import_item where site = :site and kind = 'version'").param("site", SITE)
                .query(Integer.class).single();
    }

    @Test
    void anImportKilledHalfWayResumesToTheStateOfAnUninterruptedOne() throws Exception {
        var file = folder.resolve("generated.xml");
        GeneratedExport.write(file, GROUPS, 0);
        var executable = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        var process = new ProcessBuilder(executable, "--enable-native-access=ALL-UNNAMED", "-cp",
                System.getProperty("java.class.path"), MastheadApplication.class.getName(), ImportCommand.NAME, "wordpress",
                file.toString(), "--report", folder.resolve("first").toString(),
                "--spring.datasource.url=" + environment.getProperty("spring.datasource.url"),
                "--spring.datasource.username=" + environment.getProperty("spring.datasource.username", ""),
                "--spring.datasource.password=" + environment.getProperty("spring.datasource.password", ""),
                "--masthead.data-dir=" + environment.getProperty("masthead.data-dir"),
                "--" + TestDatabase.REUSE_PROPERTY + "=true")
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectOutput(folder.resolve("out.txt").toFile()).redirectError(folder.resolve("err.txt").toFile())
                .start();
        Awaitility.await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(50))
                .until(() -> versions() >= 60 || !process.isAlive());
        process.destroyForcibly();   // SIGKILL: no shutdown hook, a transaction may be open
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        int before = versions();
        assertThat(before).as(Files.readString(folder.resolve("err.txt"))).isBetween(1, 3 * GROUPS - 1);

        var resumed = imports.run(ArchiveImports.Source.WORDPRESS, file, ImportOptions.defaults(), "test",
                ArchiveImports.Progress.NONE);

        assertThat(resumed.lines()).filteredOn(l -> l.outcome() == Outcome.FAILED).isEmpty();
        assertThat(resumed.lines()).filteredOn(l -> l.type().equals("post") && l.outcome() == Outcome.UNCHANGED)
                .hasSizeGreaterThanOrEqualTo(before);
        assertThat(versions()).isEqualTo(3 * GROUPS);
        // one story per group, each with its three versions live once: as an uninterrupted run leaves it
        var stories = jdbc.sql("select target_id from import_item where site = :site and kind = 'story'").param("site", SITE)
                .query(Long.class).list();
        assertThat(stories).hasSize(GROUPS).doesNotHaveDuplicates();
        assertThat(jdbc.sql("""
                select count(*) from story s where s.created_by = 'import' and s.id in
                  (select target_id from import_item where site = :site and kind = 'story')""").param("site", SITE)
                .query(Integer.class).single()).isEqualTo(GROUPS);
        assertThat(jdbc.sql("""
                select count(*) from story_version v join import_item i on i.target_id = v.story_id
                 where i.site = :site and i.kind = 'story' and v.published_revision = 1 and v.revision = 1""")
                .param("site", SITE).query(Integer.class).single()).isEqualTo(3 * GROUPS);
        // no story was opened by the killed run without its record
        assertThat(jdbc.sql("""
                select count(*) from story s where s.created_by = 'import' and not exists
                  (select 1 from import_item i where i.kind = 'story' and i.target_id = s.id)""")
                .query(Integer.class).single()).isZero();

        var third = imports.run(ArchiveImports.Source.WORDPRESS, file, ImportOptions.defaults(), "test", ArchiveImports.Progress.NONE);
        assertThat(third.counts().get(Outcome.IMPORTED)).isZero();
        assertThat(third.counts().get(Outcome.UPDATED)).isZero();
    }
}
