package org.masthead.search.web;

import org.masthead.platform.web.LocalRequests;
import org.masthead.platform.web.SecurityHeaders;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

/**
 * Operator endpoints under {@code /internal/search/} answer only requests from this machine that no proxy
 * forwarded (a reverse proxy on the same machine would otherwise make every request look local). They keep no
 * session and read no cookie, so CSRF tokens have nothing to protect; JSON-only bodies keep cross-site
 * forms out as well.
 */
@Configuration(proxyBeanMethods = false)
class OperatorSecurity {

    @Bean
    @Order(0)   // before the reader site's chain, which matches every request
    SecurityFilterChain searchOperator(HttpSecurity http) throws Exception {
        http.securityMatcher("/internal/search/**")
                .authorizeHttpRequests(requests -> requests.anyRequest().access((authentication, context) ->
                        new AuthorizationDecision(LocalRequests.fromThisMachine(context.getRequest()))))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(SecurityHeaders.CONTENT_SECURITY_POLICY))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER))
                        .permissionsPolicyHeader(permissions -> permissions.policy(SecurityHeaders.PERMISSIONS_POLICY)))
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable());
        return http.build();
    }
}
