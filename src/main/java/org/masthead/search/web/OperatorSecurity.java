package org.masthead.search.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.util.matcher.IpAddressMatcher;

/**
 * Operator endpoints under {@code /internal/search/} answer only requests from this machine that no proxy
 * forwarded (a reverse proxy on the same machine would otherwise make every request look local). They keep no
 * session and read no cookie, so CSRF tokens have nothing to protect; JSON-only bodies keep cross-site
 * forms out as well.
 */
@Configuration(proxyBeanMethods = false)
class OperatorSecurity {

    private static final IpAddressMatcher LOOPBACK_V4 = new IpAddressMatcher("127.0.0.0/8");
    private static final IpAddressMatcher LOOPBACK_V6 = new IpAddressMatcher("::1");

    @Bean
    @Order(0)   // before the reader site's chain, which matches every request
    SecurityFilterChain searchOperator(HttpSecurity http) throws Exception {
        http.securityMatcher("/internal/search/**")
                .authorizeHttpRequests(requests -> requests.anyRequest().access((authentication, context) ->
                        new AuthorizationDecision(fromThisMachine(context.getRequest()))))
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable());
        return http.build();
    }

    /** From the loopback interface and not relayed by a proxy there on behalf of someone else. */
    private static boolean fromThisMachine(HttpServletRequest request) {
        boolean loopback = LOOPBACK_V4.matches(request) || LOOPBACK_V6.matches(request);
        return loopback && request.getHeader("Forwarded") == null && request.getHeader("X-Forwarded-For") == null;
    }
}
