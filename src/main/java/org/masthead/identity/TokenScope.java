package org.masthead.identity;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/** What a personal access token may be used for; the account's roles still decide what it may do. */
public enum TokenScope {
    /** Reading stories through the admin API, drafts included. */
    READ,
    /** Creating stories, saving versions, uploading images, and managing sections, tags, authors and pages. */
    WRITE,
    /** Submitting, publishing, scheduling and unpublishing stories. */
    PUBLISH;

    /** The Spring Security authority a request made with the token holds, for example {@code SCOPE_read}. */
    public String authority() {
        return "SCOPE_" + key();
    }

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    static String encode(Set<TokenScope> scopes) {
        return scopes.stream().sorted().map(TokenScope::name).collect(Collectors.joining(","));
    }

    static Set<TokenScope> decode(String scopes) {
        var set = EnumSet.noneOf(TokenScope.class);
        for (var name : scopes.split(",")) {
            if (!name.isBlank()) {
                set.add(TokenScope.valueOf(name.trim()));
            }
        }
        return set;
    }
}
