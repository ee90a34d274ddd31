package org.masthead.identity;

import java.time.Instant;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.masthead.platform.Language;

/**
 * A newsroom account as the admin pages show it; never carries the password hash. {@code signInsDelayedUntil}
 * is set while failed sign-ins under its name make further tries wait.
 */
public record Account(long id, String username, String displayName, Set<Role> roles, boolean enabled,
        Language uiLanguage, @Nullable Instant signInsDelayedUntil, Instant createdAt) {

    public boolean has(Role role) {
        return roles.contains(role);
    }
}
