package org.masthead.identity;

import java.util.EnumSet;
import org.masthead.platform.Language;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ApplicationContext;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Makes sure someone can sign in to a new newsroom. On the first start of an empty newsroom it opens
 * an admin account and prints its one-time password on standard output as a plain line, once; the
 * password never goes into the log. {@code java -jar masthead.jar create-admin NAME} (or {@code ./masthead create-admin NAME})
 * opens a further admin account, prints its password on standard output and exits.
 */
@Component
@Order(0)
class FirstAdmin implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(FirstAdmin.class);
    static final String COMMAND = "create-admin";

    private final Accounts accounts;
    private final IdentityProperties properties;
    private final ApplicationContext context;

    FirstAdmin(Accounts accounts, IdentityProperties properties, ApplicationContext context) {
        this.accounts = accounts;
        this.properties = properties;
        this.context = context;
    }

    @Override
    public void run(ApplicationArguments args) {
        var command = args.getNonOptionArgs();
        if (!command.isEmpty() && command.getFirst().equals(COMMAND)) {
            createAdminAndExit(command.size() > 1 ? command.get(1) : properties.firstAdmin());
            return;
        }
        if (!accounts.any()) {
            var created = accounts.create(admin(properties.firstAdmin()), "system");
            // the password goes to the terminal as a plain line, never into the (often shipped) log
            log.warn("Created the first newsroom account '{}'; its one-time password is printed on standard output, "
                    + "once - sign in at /newsroom/login and change it.", created.account().username());
            System.out.println("First newsroom account '" + created.account().username() + "', one-time password: "
                    + created.password());
        }
    }

    private void createAdminAndExit(String username) {
        int status = 0;
        try {
            var created = accounts.create(admin(username), "system");
            System.out.println("Created admin account '" + username + "' with the password: " + created.password());
        } catch (AccountRejected e) {
            System.err.println("Cannot create admin account '" + username + "': " + e.messageKey());
            status = 1;
        }
        int exitStatus = status;
        System.exit(SpringApplication.exit(context, () -> exitStatus));
    }

    private static NewAccount admin(String username) {
        return new NewAccount(username, username, EnumSet.of(Role.ADMIN, Role.EDITOR), Language.UK);
    }
}
