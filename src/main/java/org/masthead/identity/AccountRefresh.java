package org.masthead.identity;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Reloads the signed-in account on every newsroom request: a disabled account is signed out at
 * once, a session signed in before the account's last password change or reset is ended, and changed
 * roles apply to the very next request instead of the next sign-in.
 */
class AccountRefresh extends OncePerRequestFilter {

    private final AccountRepository accounts;
    private final SecurityContextRepository contexts;

    AccountRefresh(AccountRepository accounts, SecurityContextRepository contexts) {
        this.accounts = accounts;
        this.contexts = contexts;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof NewsroomUser signedIn) {
            var current = accounts.user(signedIn.username()).filter(NewsroomUser::isEnabled);
            if (current.isEmpty() || current.get().id() != signedIn.id()
                    || current.get().sessionVersion() != signedIn.sessionVersion()) {
                // disabled, gone, or its password changed since this session signed in
                SecurityContextHolder.clearContext();
                var session = request.getSession(false);
                if (session != null) {
                    session.invalidate();
                }
            } else if (!current.get().sameAs(signedIn)) {
                var fresh = current.get();
                fresh.eraseCredentials();
                var context = SecurityContextHolder.createEmptyContext();
                context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(fresh, null,
                        fresh.getAuthorities()));
                SecurityContextHolder.setContext(context);
                contexts.saveContext(context, request, response);
            }
        }
        chain.doFilter(request, response);
    }
}
