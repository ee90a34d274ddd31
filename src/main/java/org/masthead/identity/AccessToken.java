package org.masthead.identity;

import java.time.Instant;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** A personal access token as pages show it: never the token itself, which only its holder has. */
public record AccessToken(long id, long accountId, String username, String name, Set<TokenScope> scopes,
        Instant createdAt, @Nullable Instant lastUsedAt, @Nullable Instant revokedAt) {

    public boolean active() {
        return revokedAt == null;
    }
}
