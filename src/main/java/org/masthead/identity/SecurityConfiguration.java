package org.masthead.identity;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.util.matcher.IpAddressMatcher;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;

@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    /** Reader pages load nothing from elsewhere and run no script; the policy says so to the browser. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; img-src 'self' data:; style-src 'self'; "
            + "script-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    /** The login form keeps the username typed before a failed attempt under this session attribute. */
    static final String LAST_USERNAME = "masthead.login.username";

    static final String ADMIN_API = "/api/v1/admin/";

    private static final IpAddressMatcher LOOPBACK_V4 = new IpAddressMatcher("127.0.0.0/8");
    private static final IpAddressMatcher LOOPBACK_V6 = new IpAddressMatcher("::1");

    /**
     * The admin API: a personal access token on every request, nothing kept between requests, so no
     * session and no cookie, and with no cookie there is nothing for CSRF to abuse. The token's scopes
     * decide the kind of request (read, write, publish); the account's roles, checked again by each
     * module's front door, decide what it may do to which story.
     */
    @Bean
    @Order(0)
    SecurityFilterChain adminApi(HttpSecurity http, AccessTokens tokens) throws Exception {
        var problems = new ApiProblemResponses();
        http.securityMatcher(ADMIN_API + "**")
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(HttpMethod.GET, ADMIN_API + "**").hasAuthority(TokenScope.READ.authority())
                        .requestMatchers(HttpMethod.POST, ADMIN_API + "stories/*/status")
                                .hasAuthority(TokenScope.PUBLISH.authority())
                        .requestMatchers(HttpMethod.POST, ADMIN_API + "**").hasAuthority(TokenScope.WRITE.authority())
                        .requestMatchers(HttpMethod.PUT, ADMIN_API + "**").hasAuthority(TokenScope.WRITE.authority())
                        .requestMatchers(HttpMethod.DELETE, ADMIN_API + "**").hasAuthority(TokenScope.WRITE.authority())
                        .anyRequest().denyAll())
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .requestCache(cache -> cache.disable())
                .anonymous(anonymous -> anonymous.disable())
                .logout(logout -> logout.disable())
                .exceptionHandling(errors -> errors
                        .authenticationEntryPoint(problems.entryPoint())
                        .accessDeniedHandler(problems.accessDenied()))
                .addFilterBefore(new AccessTokenFilter(tokens, problems), BasicAuthenticationFilter.class);
        return http.build();
    }

    /**
     * The newsroom: signed-in staff only, CSRF on every form, a new session id at sign-in, and
     * responses that no cache keeps. What each role may do is decided again by each module's front door.
     */
    @Bean
    @Order(1)
    SecurityFilterChain newsroom(HttpSecurity http, AccountRepository accounts) throws Exception {
        var contextRepository = new HttpSessionSecurityContextRepository();
        http.securityMatcher("/newsroom/**")
                .authorizeHttpRequests(requests -> requests
                        // the sign-in page and the newsroom stylesheet it needs
                        .requestMatchers("/newsroom/login", "/newsroom/css/**").permitAll()
                        .requestMatchers("/newsroom/admin/**").hasRole(Role.ADMIN.name())
                        .anyRequest().authenticated())
                .formLogin(form -> form
                        .loginPage("/newsroom/login")
                        .loginProcessingUrl("/newsroom/login")
                        .defaultSuccessUrl("/newsroom", false)
                        .failureHandler(loginFailure()))
                .logout(logout -> logout
                        .logoutUrl("/newsroom/logout")
                        .logoutSuccessUrl("/newsroom/login?signedOut"))
                .sessionManagement(sessions -> sessions.sessionFixation(fixation -> fixation.changeSessionId()))
                .securityContext(context -> context.securityContextRepository(contextRepository))
                .addFilterAfter(new AccountRefresh(accounts, contextRepository), BasicAuthenticationFilter.class)
                .headers(headers -> headers
                        // the default writer sends "no-cache, no-store, max-age=0, must-revalidate" unless a
                        // controller set its own (the preview sends "private, no-store")
                        .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN))
                        .permissionsPolicyHeader(permissions -> permissions.policy(
                                "camera=(), microphone=(), geolocation=(), interest-cohort=()")));
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain web(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(requests -> requests
                        .requestMatchers("/actuator/health/**", "/actuator/info").permitAll()
                        // metrics are for the operator's scraper on this machine, not for the world
                        .requestMatchers("/actuator/**").access((authentication, context) ->
                                new AuthorizationDecision(LOOPBACK_V4.matches(context.getRequest())
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
                // reader pages never read a session: no cookie is set, so shared caches may keep them
                .securityContext(context -> context.requireExplicitSave(true))
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(
                        org.springframework.security.config.http.SessionCreationPolicy.NEVER))
                .requestCache(cache -> cache.disable())
                // answers CORS preflights with the web layer's mappings (the public content API's)
                .cors(org.springframework.security.config.Customizer.withDefaults())
                .anonymous(anonymous -> { });
        return http.build();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return passwords();
    }

    /** bcrypt at cost 12: the newsroom's passwords, wherever accounts are opened (see {@link AdminCommand}). */
    static PasswordEncoder passwords() {
        return new BCryptPasswordEncoder(12);
    }

    /** Back to the form with the username kept; a locked account is told so, without saying more. */
    private static AuthenticationFailureHandler loginFailure() {
        return (request, response, exception) -> {
            rememberUsername(request);
            response.sendRedirect(request.getContextPath() + "/newsroom/login?"
                    + (exception instanceof LockedException ? "locked" : "error"));
        };
    }

    private static void rememberUsername(HttpServletRequest request) {
        var username = request.getParameter("username");
        if (username != null && username.length() <= 60) {
            request.getSession().setAttribute(LAST_USERNAME, username);
        }
    }
}
