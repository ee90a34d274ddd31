package org.masthead.identity;

import jakarta.servlet.http.HttpServletRequest;
import org.masthead.platform.web.LocalRequests;
import org.masthead.platform.web.SecurityHeaders;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    /** The login form keeps the username typed before a failed attempt under this session attribute. */
    static final String LAST_USERNAME = "masthead.login.username";

    static final String ADMIN_API = "/api/v1/admin/";
    static final String SIGN_IN = "/newsroom/login";
    private static final int MAX_USERNAME = 60;

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
                        // what leads the home page or a section's and the banner over every page are shown to
                        // readers at once
                        .requestMatchers(HttpMethod.PUT, ADMIN_API + "front/*", ADMIN_API + "front/*/*",
                                ADMIN_API + "banner/*")
                                .hasAuthority(TokenScope.PUBLISH.authority())
                        .requestMatchers(HttpMethod.DELETE, ADMIN_API + "banner/*")
                                .hasAuthority(TokenScope.PUBLISH.authority())
                        // a live blog's entries are live the moment they are posted
                        .requestMatchers(HttpMethod.POST, ADMIN_API + "stories/*/live/**")
                                .hasAuthority(TokenScope.PUBLISH.authority())
                        .requestMatchers(HttpMethod.PUT, ADMIN_API + "stories/*/live", ADMIN_API + "stories/*/live/**")
                                .hasAuthority(TokenScope.PUBLISH.authority())
                        .requestMatchers(HttpMethod.DELETE, ADMIN_API + "stories/*/live/**")
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
                .headers(headers -> everyResponse(headers, ReferrerPolicy.NO_REFERRER))
                .exceptionHandling(errors -> errors
                        .authenticationEntryPoint(problems.entryPoint())
                        .accessDeniedHandler(problems.accessDenied()))
                .addFilterBefore(new AccessTokenFilter(tokens, problems), BasicAuthenticationFilter.class);
        return http.build();
    }

    /**
     * The newsroom: signed-in staff only, CSRF on every form, a new session id at sign-in, and
     * responses that no cache keeps. What each role may do is decided again by each module's front door.
     * Sign-in tries are throttled per client address and per name before any password is checked.
     */
    @Bean
    @Order(1)
    SecurityFilterChain newsroom(HttpSecurity http, AccountRepository accounts, SignInThrottle throttle)
            throws Exception {
        var contextRepository = new HttpSessionSecurityContextRepository();
        http.securityMatcher("/newsroom/**")
                .authorizeHttpRequests(requests -> requests
                        // the sign-in page, the newsroom stylesheet it needs and the editor script every page names
                        .requestMatchers(SIGN_IN, "/newsroom/css/**", "/newsroom/js/**").permitAll()
                        .requestMatchers("/newsroom/admin/**").hasRole(Role.ADMIN.name())
                        .anyRequest().authenticated())
                .formLogin(form -> form
                        .loginPage(SIGN_IN)
                        .loginProcessingUrl(SIGN_IN)
                        .successHandler(signInSuccess(throttle))
                        .failureHandler(signInFailure(throttle)))
                .logout(logout -> logout
                        .logoutUrl("/newsroom/logout")
                        .logoutSuccessUrl(SIGN_IN + "?signedOut"))
                .sessionManagement(sessions -> sessions.sessionFixation(fixation -> fixation.changeSessionId()))
                .securityContext(context -> context.securityContextRepository(contextRepository))
                .addFilterBefore(new SignInThrottleFilter(throttle), UsernamePasswordAuthenticationFilter.class)
                .addFilterAfter(new AccountRefresh(accounts, contextRepository), BasicAuthenticationFilter.class)
                // the default writer sends "no-cache, no-store, max-age=0, must-revalidate" unless a
                // controller set its own (the preview sends "private, no-store")
                .headers(headers -> everyResponse(headers, ReferrerPolicy.SAME_ORIGIN));
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain web(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(requests -> requests
                        .requestMatchers("/actuator/health/**", "/actuator/info").permitAll()
                        // metrics are for the operator's scraper on this machine: never through a proxy
                        .requestMatchers("/actuator/**").access((authentication, context) ->
                                new AuthorizationDecision(LocalRequests.fromThisMachine(context.getRequest())))
                        .requestMatchers(HttpMethod.GET, "/**").permitAll()
                        .requestMatchers(HttpMethod.HEAD, "/**").permitAll()
                        .requestMatchers("/error").permitAll()
                        .anyRequest().denyAll())
                .headers(headers -> everyResponse(headers, ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN)
                        // reader pages set their own Cache-Control: they are meant to be cached
                        .cacheControl(cache -> cache.disable()))
                // reader pages never read a session: no cookie is set, so shared caches may keep them
                .securityContext(context -> context.requireExplicitSave(true))
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.NEVER))
                .requestCache(cache -> cache.disable())
                // answers CORS preflights with the bean corsConfigurationSource's rules (the public content API's)
                .cors(Customizer.withDefaults())
                .anonymous(anonymous -> { });
        return http.build();
    }

    /**
     * The headers of every response: the content security policy (no inline script or style, no framing),
     * no MIME sniffing, a referrer policy, no powerful browser features, and HSTS on requests that came
     * over TLS (behind a proxy too, once its forwarded headers are trusted).
     */
    static HeadersConfigurer<HttpSecurity> everyResponse(HeadersConfigurer<HttpSecurity> headers,
            ReferrerPolicy referrer) {
        return headers
                .contentSecurityPolicy(csp -> csp.policyDirectives(SecurityHeaders.CONTENT_SECURITY_POLICY))
                .contentTypeOptions(Customizer.withDefaults())
                .frameOptions(frame -> frame.deny())
                .httpStrictTransportSecurity(hsts -> hsts.includeSubDomains(true).maxAgeInSeconds(31_536_000))
                .referrerPolicy(policy -> policy.policy(referrer))
                .permissionsPolicyHeader(permissions -> permissions.policy(SecurityHeaders.PERMISSIONS_POLICY));
    }

    @Bean
    PasswordEncoder passwordEncoder(SignInProperties properties) {
        return passwords(properties);
    }

    /** bcrypt at the configured cost: the newsroom's passwords, wherever accounts are opened (see {@link AdminCommand}). */
    static PasswordEncoder passwords(SignInProperties properties) {
        return new BCryptPasswordEncoder(properties.bcryptStrength());
    }

    private static AuthenticationSuccessHandler signInSuccess(SignInThrottle throttle) {
        var redirect = new SavedRequestAwareAuthenticationSuccessHandler();
        redirect.setDefaultTargetUrl("/newsroom");
        return (request, response, authentication) -> {
            throttle.succeeded(authentication.getName());
            redirect.onAuthenticationSuccess(request, response, authentication);
        };
    }

    /**
     * Back to the form with the username kept. The answer is the same for every failure (unknown name,
     * wrong password, disabled account), so it never tells which names exist.
     */
    private static AuthenticationFailureHandler signInFailure(SignInThrottle throttle) {
        return (request, response, exception) -> {
            throttle.failed(request.getRemoteAddr(), typedUsername(request));
            rememberUsername(request);
            response.sendRedirect(request.getContextPath() + SIGN_IN + "?error");
        };
    }

    static String typedUsername(HttpServletRequest request) {
        var username = request.getParameter("username");
        return username == null ? "" : username;
    }

    static void rememberUsername(HttpServletRequest request) {
        var username = request.getParameter("username");
        if (username != null && username.length() <= MAX_USERNAME) {
            request.getSession().setAttribute(LAST_USERNAME, username);
        }
    }
}
