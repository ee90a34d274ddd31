package org.masthead.identity;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a sign-in try that must still wait (see {@link SignInThrottle}) before the password is looked
 * at: 429 with {@code Retry-After}, and the sign-in form again with the typed name kept. The answer is the
 * same whether the name exists and whether the password would have been right.
 */
final class SignInThrottleFilter extends OncePerRequestFilter {

    /** The request attribute that tells the sign-in page how many seconds the try must wait. */
    static final String WAIT_SECONDS = "masthead.login.wait";

    private final SignInThrottle throttle;

    SignInThrottleFilter(SignInThrottle throttle) {
        this.throttle = throttle;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod()) || !SecurityConfiguration.SIGN_IN.equals(request.getServletPath());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var wait = throttle.wait(request.getRemoteAddr(), SecurityConfiguration.typedUsername(request));
        if (wait.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        long seconds = Math.max(1, (wait.get().toMillis() + 999) / 1000);
        SecurityConfiguration.rememberUsername(request);
        response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
        request.setAttribute(WAIT_SECONDS, seconds);
        // the sign-in form, as its GET handler renders it
        request.getRequestDispatcher(SecurityConfiguration.SIGN_IN).forward(new HttpServletRequestWrapper(request) {
            @Override
            public String getMethod() {
                return "GET";
            }
        }, response);
    }
}
