package org.masthead.identity;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.util.matcher.IpAddressMatcher;

@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    /** Reader pages load nothing from elsewhere and run no script; the policy says so to the browser. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; img-src 'self' data:; style-src 'self'; "
            + "script-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    private static final IpAddressMatcher LOOPBACK_V4 = new IpAddressMatcher("127.0.0.0/8");
    private static final IpAddressMatcher LOOPBACK_V6 = new IpAddressMatcher("::1");

    @Bean
    SecurityFilterChain web(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(requests -> requests
                        .requestMatchers("/actuator/health/**", "/actuator/info").permitAll()
                        // metrics are for the operator's scraper on this machine, not for the world
                        .requestMatchers("/actuator/**").access((authentication, context) ->
                                new org.springframework.security.authorization.AuthorizationDecision(
                                        LOOPBACK_V4.matches(context.getRequest())
                                                || LOOPBACK_V6.matches(context.getRequest())))
                        .requestMatchers(HttpMethod.GET, "/**").permitAll()
                        .requestMatchers(HttpMethod.HEAD, "/**").permitAll()
                        .requestMatchers("/error").permitAll()
                        .anyRequest().denyAll())
                .headers(headers -> headers
                        // reader pages set their own Cache-Control: they are meant to be cached
                        .cacheControl(cache -> cache.disable())
                        .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
                        .permissionsPolicyHeader(permissions -> permissions.policy(
                                "camera=(), microphone=(), geolocation=(), interest-cohort=()")))
                .requestCache(cache -> cache.disable())
                // answers CORS preflights with the web layer's mappings (the public content API's)
                .cors(org.springframework.security.config.Customizer.withDefaults())
                .anonymous(anonymous -> { });
        return http.build();
    }

    /** No one signs in to the reader site; newsroom accounts come with the newsroom module. */
    @Bean
    UserDetailsService noAccounts() {
        return username -> {
            throw new UsernameNotFoundException("No accounts");
        };
    }
}
