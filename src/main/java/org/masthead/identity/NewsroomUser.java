package org.masthead.identity;

import java.io.Serial;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.masthead.platform.Language;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * The signed-in person: controllers of every newsroom module receive it with
 * {@code @AuthenticationPrincipal NewsroomUser user}. The roles are reloaded on every newsroom
 * request, so a role change or a disabled account takes effect at once.
 */
public final class NewsroomUser implements UserDetails, CredentialsContainer {

    @Serial
    private static final long serialVersionUID = 1L;

    private final long id;
    private final String username;
    private final String displayName;
    private final EnumSet<Role> roles;
    private final boolean enabled;
    private final Language uiLanguage;
    private final int sessionVersion;
    private @Nullable String passwordHash;

    NewsroomUser(long id, String username, String displayName, Set<Role> roles, boolean enabled,
            Language uiLanguage, int sessionVersion, @Nullable String passwordHash) {
        this.id = id;
        this.username = username;
        this.displayName = displayName;
        this.roles = roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles);
        this.enabled = enabled;
        this.uiLanguage = uiLanguage;
        this.sessionVersion = sessionVersion;
        this.passwordHash = passwordHash;
    }

    public long id() {
        return id;
    }

    public String username() {
        return username;
    }

    public String displayName() {
        return displayName;
    }

    public Set<Role> roles() {
        return Set.copyOf(roles);
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    public Language uiLanguage() {
        return uiLanguage;
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        List<GrantedAuthority> authorities = roles.stream()
                .<GrantedAuthority>map(r -> new SimpleGrantedAuthority(r.authority())).toList();
        return authorities;
    }

    @Override
    public @Nullable String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return username;
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    /**
     * Raised by every password change and reset; a session signed in under an older version is ended on
     * its next request (see {@link AccountRefresh}).
     */
    public int sessionVersion() {
        return sessionVersion;
    }

    /** The hash is needed only while signing in; it is not kept in the session. */
    @Override
    public void eraseCredentials() {
        passwordHash = null;
    }

    boolean sameAs(NewsroomUser other) {
        return id == other.id && displayName.equals(other.displayName) && roles.equals(other.roles)
                && enabled == other.enabled && uiLanguage == other.uiLanguage && sessionVersion == other.sessionVersion;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof NewsroomUser user && user.id == id;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(id);
    }

    @Override
    public String toString() {
        return "NewsroomUser[" + username + " " + roles + "]";
    }
}
