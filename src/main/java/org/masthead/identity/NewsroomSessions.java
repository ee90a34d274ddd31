package org.masthead.identity;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The signed-in person's own session, for the pages that change what it was signed in with. */
@Component
public class NewsroomSessions {

    private final AccountRepository accounts;
    private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();

    NewsroomSessions(AccountRepository accounts) {
        this.accounts = accounts;
    }

    /**
     * Keeps the current session after its own password change, which ended every session of the account:
     * the session gets a new id and the account as it is now.
     */
    @Transactional(readOnly = true)
    public void renew(HttpServletRequest request, HttpServletResponse response, String username) {
        var user = accounts.user(username).filter(NewsroomUser::isEnabled).orElseThrow();
        user.eraseCredentials();
        request.changeSessionId();
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
        SecurityContextHolder.setContext(context);
        contexts.saveContext(context, request, response);
    }
}
