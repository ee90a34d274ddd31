package org.masthead.identity;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/** What a person may do in the newsroom. A person may hold several roles. */
public enum Role {
    /** Writes own drafts and submits them for review. */
    CONTRIBUTOR,
    /** Edits, schedules, publishes and unpublishes any story. */
    EDITOR,
    /** Edits language versions; publishes nothing unless also an editor. */
    TRANSLATOR,
    /** Manages accounts and reads the audit log. */
    ADMIN;

    /** The Spring Security authority, for example {@code ROLE_EDITOR}. */
    public String authority() {
        return "ROLE_" + name();
    }

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    static String encode(Set<Role> roles) {
        return roles.stream().sorted().map(Role::name).collect(Collectors.joining(","));
    }

    static Set<Role> decode(String roles) {
        var set = EnumSet.noneOf(Role.class);
        for (var name : roles.split(",")) {
            if (!name.isBlank()) {
                set.add(Role.valueOf(name.trim()));
            }
        }
        return set;
    }
}
