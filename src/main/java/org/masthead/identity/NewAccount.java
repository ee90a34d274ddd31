package org.masthead.identity;

import java.util.Set;
import org.masthead.platform.Language;

/** What an admin enters to open an account; the password is chosen by Masthead and shown once. */
public record NewAccount(String username, String displayName, Set<Role> roles, Language uiLanguage) {
}
