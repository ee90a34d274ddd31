package org.masthead.identity;

import java.util.EnumSet;
import org.masthead.platform.Language;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.MessageSource;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Makes sure someone can sign in to a new newsroom. On the first start of an empty newsroom it opens an
 * admin account named by {@code masthead.identity.first-admin} (so the name is the operator's choice, not a
 * name every stranger knows) and prints its one-time password once, as a plain line of its own on standard
 * output (the terminal, or the service manager's or container's output); the log, which is often shipped
 * elsewhere, only says that the account was opened. Further admin accounts come from {@link AdminCommand}.
 */
@Component
@Order(0)
class FirstAdmin implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(FirstAdmin.class);

    private final Accounts accounts;
    private final IdentityProperties properties;
    private final MessageSource messages;
    private final Environment environment;

    FirstAdmin(Accounts accounts, IdentityProperties properties, MessageSource messages, Environment environment) {
        this.accounts = accounts;
        this.properties = properties;
        this.messages = messages;
        this.environment = environment;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (accounts.any()) {
            return;
        }
        var name = properties.firstAdmin().strip();
        Accounts.Created created;
        try {
            created = accounts.create(new NewAccount(name, name, EnumSet.of(Role.ADMIN, Role.EDITOR), Language.UK),
                    "system");
        } catch (AccountRejected rejected) {
            log.error("No first admin account was opened: masthead.identity.first-admin '{}' is refused ({}). "
                    + "Choose another name, or run ./masthead create-admin NAME.", name,
                    messages.getMessage(rejected.messageKey(), null, rejected.messageKey(), java.util.Locale.ENGLISH));
            return;
        }
        var signIn = environment.getProperty("masthead.site.base-url", "http://localhost:8080").replaceAll("/+$", "")
                + "/newsroom/login";
        var username = created.account().username();
        log.warn("Opened the first newsroom account '{}'; its one-time password is printed once on standard output, "
                + "never in the log.", username);
        System.out.println(plainLine(username, created.password(), signIn));
        System.out.flush();
    }

    /** The line an operator reads on the terminal: who, the password, and where to sign in. */
    static String plainLine(String username, String password, String signIn) {
        return "First admin account: " + username + "   one-time password: " + password + "   sign in at " + signIn
                + " and change it under My account.";
    }
}
