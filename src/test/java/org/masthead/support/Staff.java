package org.masthead.support;

import java.util.EnumSet;
import java.util.List;
import org.masthead.identity.Accounts;
import org.masthead.identity.NewAccount;
import org.masthead.identity.Role;
import org.masthead.platform.Language;

/** Opens newsroom accounts for tests, each with a unique username; returns who they are and their password. */
public final class Staff {

    private final Accounts accounts;

    public Staff(Accounts accounts) {
        this.accounts = accounts;
    }

    public Member member(Role... roles) {
        var username = Fixtures.unique("user").toLowerCase(java.util.Locale.ROOT);
        var created = accounts.create(new NewAccount(username, "Name " + username,
                roles.length == 0 ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(List.of(roles)), Language.EN), "test");
        return new Member(created.account().id(), username, created.password());
    }

    public record Member(long id, String username, String password) {

        public NewsroomClient signIn(int port) {
            return NewsroomClient.signedIn(port, username, password);
        }
    }
}
