package org.masthead.imports;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.masthead.identity.AuditLog;
import org.masthead.platform.Language;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcClientAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration;
import org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.context.annotation.Import;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code ./masthead import wordpress|ghost FILE [--media DIR] [--fetch-images] [--language uk|en|ru]
 * [--permalinks STRUCTURE] [--dry-run] [--report PREFIX]}: imports an archive straight into the database, whether or
 * not Masthead is running on it. It starts only the database, the content, the media library and the import: no
 * web server, search index, outbox consumers or schedules. Every change it makes writes its outbox event in the same
 * transaction, so a running Masthead (which polls the outbox) indexes, evicts and notifies as it goes, and one
 * started later catches up. Each item is written whole, keyed by what it was in the export, in transactions of a
 * few hundred items that each last at most half a second: the command may run
 * beside the newsroom's import page or be stopped and run again.
 */
public final class ImportCommand {

    public static final String NAME = "import";

    private ImportCommand() {
    }

    private record Arguments(ArchiveImports.Source source, Path file, ImportOptions options, Path report, String[] spring) {
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        Arguments arguments;
        try {
            arguments = parse(args);
        } catch (IllegalArgumentException wrong) {
            err.println(wrong.getMessage());
            err.println("usage: ./masthead import wordpress|ghost FILE [--media DIR] [--fetch-images] [--language uk|en|ru]"
                    + " [--permalinks /%year%/%monthnum%/%postname%/] [--dry-run] [--report PREFIX] [--spring.option=value ...]");
            return 2;
        }
        var application = new SpringApplicationBuilder(Context.class)
                .web(WebApplicationType.NONE)
                .bannerMode(Banner.Mode.OFF)
                .logStartupInfo(false)
                .registerShutdownHook(true)
                .properties("logging.level.root=OFF", "logging.structured.format.console=", "spring.main.log-startup-info=false")
                .build();
        try (var context = application.run(arguments.spring())) {
            var imports = context.getBean(ArchiveImports.class);
            long started = System.nanoTime();
            var report = imports.run(arguments.source(), arguments.file(), arguments.options(), "command line",
                    new Printing(err));
            double seconds = (System.nanoTime() - started) / 1e9;
            write(report, arguments.report(), context.getBean(JsonMapper.class));
            out.println((arguments.options().dryRun() ? "Dry run, nothing written: " : "Imported: ") + report.summary()
                    + String.format(Locale.ROOT, " in %.1f s. Report: %s.csv and %s.json", seconds, arguments.report(),
                    arguments.report()));
            return report.counts().get(ImportReport.Outcome.FAILED) > 0 ? 3 : 0;
        } catch (ArchiveImports.InvalidArchive invalid) {
            err.println("Cannot import " + arguments.file() + ": " + invalid.getMessage());
            return 1;
        } catch (RuntimeException | IOException failed) {
            err.println("Cannot import " + arguments.file() + ": " + ArchiveWriter.reason(failed));
            return 1;
        }
    }

    static void write(ImportReport report, Path prefix, JsonMapper json) throws IOException {
        var lines = report.lines();
        try (var csv = Files.newBufferedWriter(Path.of(prefix + ".csv"), StandardCharsets.UTF_8)) {
            ImportReport.writeCsv(lines, csv);
        }
        Files.writeString(Path.of(prefix + ".json"), json.writeValueAsString(Map.of("counts", report.counts(), "items", lines)),
                StandardCharsets.UTF_8);
    }

    private static Arguments parse(String[] args) {
        if (args.length < 3) {
            throw new IllegalArgumentException("Name the platform and the file.");
        }
        var source = switch (args[1]) {
            case "wordpress" -> ArchiveImports.Source.WORDPRESS;
            case "ghost" -> ArchiveImports.Source.GHOST;
            default -> throw new IllegalArgumentException("Unknown platform: " + args[1]);
        };
        var file = Path.of(args[2]);
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("No such file: " + file);
        }
        Path media = null;
        boolean fetch = false;
        boolean dry = false;
        Language language = null;
        String permalinks = "";
        Path report = Path.of("import-report-" + java.time.LocalDateTime.now(Clock.systemUTC()).withNano(0).toString()
                .replace(":", ""));
        var spring = new ArrayList<String>();
        for (int i = 3; i < args.length; i++) {
            var arg = args[i];
            switch (arg) {
                case "--media" -> {
                    media = Path.of(value(args, ++i, arg));
                    if (!Files.isDirectory(media)) {
                        throw new IllegalArgumentException("No such folder: " + media);
                    }
                }
                case "--fetch-images" -> fetch = true;
                case "--dry-run" -> dry = true;
                case "--language" -> {
                    var code = value(args, ++i, arg);
                    language = Language.fromCode(code).orElseThrow(() -> new IllegalArgumentException("Not uk, en or ru: " + code));
                }
                case "--permalinks" -> permalinks = value(args, ++i, arg);
                case "--report" -> report = Path.of(value(args, ++i, arg));
                default -> {
                    if (!arg.startsWith("--") || !arg.contains("=")) {
                        throw new IllegalArgumentException("Unknown option: " + arg);
                    }
                    spring.add(arg);
                }
            }
        }
        return new Arguments(source, file, new ImportOptions(media, fetch, language, permalinks, dry), report,
                spring.toArray(String[]::new));
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[i];
    }

    /** Progress on standard error, at most once a second: items done, items per second, time left. */
    private static final class Printing implements ArchiveImports.Progress {

        private final PrintStream err;
        private final long started = System.nanoTime();
        private long printed;
        private int total;

        Printing(PrintStream err) {
            this.err = err;
        }

        @Override
        public void total(int items) {
            total = items;
        }

        @Override
        public void done(int items) {
            long now = System.nanoTime();
            if (now - printed < 1_000_000_000L && items < total) {
                return;
            }
            printed = now;
            double seconds = Math.max(0.001, (now - started) / 1e9);
            double rate = items / seconds;
            long left = rate > 0 ? Math.round((total - items) / rate) : 0;
            err.printf(Locale.ROOT, "%d/%d items, %.0f items/s, %d s left%n", items, total, rate, left);
        }
    }

    /**
     * The database, its schema, the content, the media library and the import; nothing else of Masthead. Not a
     * {@code @Configuration}, so that the application's component scan leaves it to this command.
     */
    @ImportAutoConfiguration({DataSourceAutoConfiguration.class, DataSourceTransactionManagerAutoConfiguration.class,
            TransactionAutoConfiguration.class, JdbcTemplateAutoConfiguration.class, JdbcClientAutoConfiguration.class,
            FlywayAutoConfiguration.class, JacksonAutoConfiguration.class})
    @ComponentScan(basePackages = {"org.masthead.platform", "org.masthead.content", "org.masthead.media", "org.masthead.imports"},
            // no relay either: its consumers are the running application's, which takes the events from the outbox
            excludeFilters = @ComponentScan.Filter(type = FilterType.REGEX,
                    pattern = {"org\\.masthead\\.[a-z]+\\.web\\..*", "org\\.masthead\\.platform\\.outbox\\.OutboxRelay.*",
                            // nor the newsroom's runs: they belong to the running application's node
                            "org\\.masthead\\.imports\\.(ImportRuns|InterruptedImports|ImportRunRepository).*"}))
    @ConfigurationPropertiesScan(basePackages = {"org.masthead.platform", "org.masthead.content", "org.masthead.media"})
    @Import(AuditLog.class)
    static class Context {

        @Bean
        MeterRegistry meterRegistry() {
            return new SimpleMeterRegistry();
        }
    }
}
