package org.masthead.identity;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates admin API requests by their {@code Authorization: Bearer} token. The request then acts
 * as the token's account with the account's roles plus the token's scopes; nothing is kept between
 * requests. A request without a token goes on unauthenticated (and is refused by the chain); a token
 * that is unknown, revoked or whose account is disabled is answered 401 here.
 */
final class AccessTokenFilter extends OncePerRequestFilter {

    private static final String BEARER = "Bearer ";

    private final AccessTokens tokens;
    private final ApiProblemResponses problems;

    AccessTokenFilter(AccessTokens tokens, ApiProblemResponses problems) {
        this.tokens = tokens;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            chain.doFilter(request, response);
            return;
        }
        var holder = tokens.authenticate(header.substring(BEARER.length()).strip());
        if (holder.isEmpty()) {
            problems.unauthorized(request, response, "invalid_token",
                    "The token is unknown or revoked, or its account is disabled.");
            return;
        }
        request.setAttribute(AccessTokens.PRESENTED, holder.get().tokenId());
        var user = holder.get().user();
        List<GrantedAuthority> authorities = new ArrayList<>(user.getAuthorities());
        holder.get().scopes().forEach(scope -> authorities.add(new SimpleGrantedAuthority(scope.authority())));
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, authorities));
        SecurityContextHolder.setContext(context);
        try {
            chain.doFilter(request, response);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}
