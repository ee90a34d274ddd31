package org.masthead.platform;

import java.io.Console;

/**
 * Whether Masthead runs attached to a terminal (someone watching), as opposed to a service manager, a
 * container log or a pipe. The same test as Spring Boot's ANSI colour detection: a console, and on Java 22
 * and later one that is a terminal.
 */
public final class Terminal {

    private Terminal() {
    }

    public static boolean attached() {
        Console console = System.console();
        if (console == null) {
            return false;
        }
        try {
            // Java 22+: a console object exists even when the streams are redirected
            var isTerminal = Console.class.getMethod("isTerminal");
            return (Boolean) isTerminal.invoke(console);
        } catch (NoSuchMethodException e) {
            return true;
        } catch (ReflectiveOperationException e) {
            return false;
        }
    }
}
