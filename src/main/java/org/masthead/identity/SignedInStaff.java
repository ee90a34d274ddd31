package org.masthead.identity;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Whether a request outside the newsroom's own pages (an image of a story not yet published, say) comes
 * from signed-in staff: a session whose account is enabled and was signed in since its last password
 * change, checked against the database as the newsroom checks every request.
 */
@Component
public class SignedInStaff {

    private final AccountRepository accounts;

    SignedInStaff(AccountRepository accounts) {
        this.accounts = accounts;
    }

    @Transactional(readOnly = true)
    public boolean isStaff(HttpServletRequest request) {
        if (request.getSession(false) == null) {
            return false;
        }
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !(authentication.getPrincipal() instanceof NewsroomUser signedIn)) {
            return false;
        }
        return accounts.user(signedIn.username()).filter(NewsroomUser::isEnabled)
                .filter(current -> current.id() == signedIn.id() && current.sessionVersion() == signedIn.sessionVersion())
                .isPresent();
    }
}
