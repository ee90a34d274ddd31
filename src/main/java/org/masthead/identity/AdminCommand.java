package org.masthead.identity;

import java.io.PrintStream;
import java.time.Clock;
import java.util.Arrays;
import java.util.EnumSet;
import javax.sql.DataSource;
import org.masthead.platform.Language;
import org.masthead.platform.db.SqlDialect;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration;
import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcClientAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration;
import org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * {@code ./masthead create-admin NAME} ({@code java -jar masthead.jar create-admin NAME}): opens an admin account
 * and prints its one-time password on one line, whether or not Masthead is running on the same database, so
 * an operator locked out of the newsroom can get in again. It starts only the database (migrating a new one)
 * and the accounts: no web server, search index, outbox or schedules, and no log on the console.
 */
public final class AdminCommand {

    public static final String NAME = "create-admin";

    private AdminCommand() {
    }

    /** Runs the command for {@code args} ({@code create-admin NAME [--spring options]}); returns the exit status. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length < 2 || args[1].isBlank() || args[1].startsWith("--")) {
            err.println("usage: ./masthead create-admin NAME [--spring.option=value ...]");
            return 2;
        }
        var username = args[1].strip();
        var options = Arrays.copyOfRange(args, 2, args.length);
        var application = new SpringApplicationBuilder(Context.class)
                .web(WebApplicationType.NONE)
                .bannerMode(Banner.Mode.OFF)
                .logStartupInfo(false)
                .registerShutdownHook(false)
                // the command answers in one line: nothing else on the console
                .properties("logging.level.root=OFF", "logging.structured.format.console=", "spring.main.log-startup-info=false")
                .build();
        try (var context = application.run(options)) {
            var created = context.getBean(Accounts.class).create(new NewAccount(username, username,
                    EnumSet.of(Role.ADMIN, Role.EDITOR), Language.UK), "command line");
            out.println("Created admin account '" + created.account().username() + "' with the one-time password "
                    + created.password() + " (change it under My account after signing in).");
            return 0;
        } catch (AccountRejected rejected) {
            var english = java.util.ResourceBundle.getBundle("i18n/messages", java.util.Locale.ENGLISH);
            var reason = english.containsKey(rejected.messageKey()) ? english.getString(rejected.messageKey())
                    : rejected.messageKey();
            err.println("Cannot create admin account '" + username + "': " + reason);
            return 1;
        } catch (RuntimeException failed) {
            err.println("Cannot create admin account '" + username + "': " + rootCause(failed));
            return 1;
        }
    }

    private static String rootCause(Throwable failure) {
        var cause = failure;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        var message = cause.getMessage();
        return message == null || message.isBlank() ? cause.getClass().getSimpleName() : message.lines().findFirst().orElse("");
    }

    /**
     * The database, its schema and the accounts; nothing else of Masthead. Not a {@code @Configuration}, so that
     * the application's component scan leaves it to this command.
     */
    @ImportAutoConfiguration({DataSourceAutoConfiguration.class, DataSourceTransactionManagerAutoConfiguration.class,
            TransactionAutoConfiguration.class, JdbcTemplateAutoConfiguration.class, JdbcClientAutoConfiguration.class,
            FlywayAutoConfiguration.class})
    @Import({Accounts.class, AccountRepository.class, AuditLog.class, AccessTokens.class})
    @EnableConfigurationProperties({SignInProperties.class, AccessTokenProperties.class})
    static class Context {

        @Bean
        Clock clock() {
            return Clock.systemUTC();
        }

        @Bean
        PasswordEncoder passwordEncoder(SignInProperties properties) {
            return SecurityConfiguration.passwords(properties);
        }

        /** The schema's dialect placeholders, as the application sets them, so a new database migrates the same. */
        @Bean
        FlywayConfigurationCustomizer dialectPlaceholders(DataSource dataSource) {
            var dialect = SqlDialect.of(dataSource);
            return configuration -> configuration.placeholders(dialect.schemaPlaceholders());
        }
    }
}
