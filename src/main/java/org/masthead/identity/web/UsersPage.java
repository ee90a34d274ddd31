package org.masthead.identity.web;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.masthead.identity.NewsroomChrome;
import org.masthead.identity.Role;

/**
 * Account management. {@code form} keeps what the admin typed into the "new account" form, with
 * {@code errors} by field; {@code oneTimePassword} is shown once after an account is opened or reset.
 */
public record UsersPage(NewsroomChrome chrome, List<Row> accounts, List<Role> roles, Form form,
        Map<String, String> errors, @Nullable Shown oneTimePassword) {

    public record Row(long id, String username, String displayName, Set<Role> roles, boolean enabled, boolean locked,
            String created, boolean self) {
    }

    public record Form(String username, String displayName, Set<Role> roles, String language) {
    }

    public record Shown(String username, String password) {
    }
}
