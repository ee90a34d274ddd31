package org.masthead.identity.web;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.masthead.identity.AccessToken;
import org.masthead.identity.NewsroomChrome;
import org.masthead.identity.TokenScope;
import org.masthead.platform.Language;

/**
 * One's own account: the password form (errors by field), the UI language choice, and personal access
 * tokens for the admin API: one's own, a just-made token's secret (shown this once), the token form as
 * typed, and for admins everyone else's active tokens.
 */
public record AccountPage(NewsroomChrome chrome, String username, List<String> roles, Language uiLanguage,
        Map<String, String> errors, boolean passwordChanged, List<AccessToken> tokens, List<AccessToken> othersTokens,
        @Nullable String newTokenSecret, String tokenName, Set<TokenScope> tokenScopes, ZoneId zone) {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    /** A time in the newsroom's zone; empty for "never". */
    public String when(@Nullable Instant at) {
        return at == null ? "" : WHEN.format(at.atZone(zone));
    }

    public List<TokenScope> allScopes() {
        return List.of(TokenScope.values());
    }
}
