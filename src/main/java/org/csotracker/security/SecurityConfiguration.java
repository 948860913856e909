package org.csotracker.security;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import org.csotracker.people.Role;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.www.BasicAuthenticationEntryPoint;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Three filter chains share one session, so one login serves the pages, the API and Cockpit:
 * <ol>
 *   <li>Camunda's web apps and engine REST API: ADMIN only; Camunda does its own CSRF there.</li>
 *   <li>{@code /api/**} and {@code /actuator/**}: HTTP Basic or the session; 401/403 as problem details; never creates a session.</li>
 *   <li>Everything else: pages with form login and CSRF.</li>
 * </ol>
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    static final String REALM = "CSO Tracker";

    private static final PathPatternRequestMatcher.Builder PATHS = PathPatternRequestMatcher.withDefaults();

    @Bean
    @Order(1)
    SecurityFilterChain workflowEngine(HttpSecurity http, EndedSessions endedSessions) throws Exception {
        RequestMatcher engineRest = PATHS.matcher("/engine-rest/**");
        BasicAuthenticationEntryPoint basic = new BasicAuthenticationEntryPoint();
        basic.setRealmName(REALM);
        http.securityMatcher(new OrRequestMatcher(PATHS.matcher("/camunda/**"), engineRest))
                .addFilterAfter(endedSessions, SecurityContextHolderFilter.class)
                .authorizeHttpRequests(this::applyRules)
                .httpBasic(b -> b.realmName(REALM))
                .csrf(csrf -> csrf.disable()) // Camunda's own CSRF filter guards its web apps
                .requestCache(cache -> cache.requestCache(returnAfterLogin(PATHS.matcher("/camunda/**"))))
                .exceptionHandling(e -> e
                        .defaultAuthenticationEntryPointFor(basic, engineRest)
                        .defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint("/login"),
                                request -> true))
                .headers(h -> h.frameOptions(f -> f.sameOrigin()));
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain api(HttpSecurity http, ProblemResponses problems, EndedSessions endedSessions) throws Exception {
        http.securityMatcher(new OrRequestMatcher(PATHS.matcher("/api/**"), PATHS.matcher("/actuator/**"),
                        PATHS.matcher("/v3/api-docs"), PATHS.matcher("/v3/api-docs/**")))
                .addFilterAfter(endedSessions, SecurityContextHolderFilter.class)
                .authorizeHttpRequests(this::applyRules)
                .httpBasic(b -> b.realmName(REALM).authenticationEntryPoint(problems))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.NEVER))
                .requestCache(cache -> cache.disable())
                // CSRF only matters when a browser's session cookie authenticates the call
                .csrf(csrf -> csrf.ignoringRequestMatchers(SecurityConfiguration::carriesCredentials,
                        SecurityConfiguration::hasNoSession))
                .exceptionHandling(e -> e.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .headers(this::securityHeaders);
        return http.build();
    }

    @Bean
    @Order(3)
    SecurityFilterChain pages(HttpSecurity http, EndedSessions endedSessions) throws Exception {
        http.addFilterAfter(endedSessions, SecurityContextHolderFilter.class)
                .authorizeHttpRequests(this::applyRules)
                .formLogin(form -> form.loginPage("/login").permitAll().defaultSuccessUrl("/", false))
                .logout(logout -> logout.logoutSuccessUrl("/login?logout").deleteCookies("JSESSIONID")
                        .invalidateHttpSession(true))
                .headers(this::securityHeaders);
        return http.build();
    }

    /**
     * Spring Security would time every filter of every request as a Micrometer observation (a dozen
     * per request, about a tenth of a cached API call's CPU). Nothing here traces or reads those
     * timings; {@code http.server.requests} still times each request as a whole.
     */
    @Bean
    SecurityObservationSettings securityObservations() {
        return SecurityObservationSettings.noObservations();
    }

    /** The filter runs inside the security chains only, not a second time as a plain servlet filter. */
    @Bean
    org.springframework.boot.web.servlet.FilterRegistrationBean<EndedSessions> endedSessionsOutsideTheChains(EndedSessions filter) {
        var registration = new org.springframework.boot.web.servlet.FilterRegistrationBean<>(filter);
        registration.setEnabled(false);
        return registration;
    }

    private void securityHeaders(org.springframework.security.config.annotation.web.configurers.HeadersConfigurer<HttpSecurity> headers) {
        headers.contentSecurityPolicy(csp -> csp.policyDirectives(
                        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
                                + "font-src 'self' data:; connect-src 'self'; object-src 'none'; frame-ancestors 'none'; "
                                + "base-uri 'self'; form-action 'self'"))
                .referrerPolicy(r -> r.policy(
                        org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN));
    }

    /** Only page visits are remembered for after the login: REST calls must not create sessions. */
    private static HttpSessionRequestCache returnAfterLogin(RequestMatcher pages) {
        HttpSessionRequestCache cache = new HttpSessionRequestCache();
        cache.setRequestMatcher(pages);
        return cache;
    }

    /** Error pages and forwards are permitted: the original request was already authorized. */
    private void applyRules(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry registry) {
        registry.dispatcherTypeMatchers(DispatcherType.ERROR, DispatcherType.FORWARD).permitAll();
        for (AccessRules.Rule rule : AccessRules.RULES) {
            var matcher = registry.requestMatchers(rule.method() == null
                    ? PATHS.matcher(rule.pattern())
                    : PATHS.matcher(rule.method(), rule.pattern()));
            switch (rule.kind()) {
                case PUBLIC -> matcher.permitAll();
                case AUTHENTICATED -> matcher.authenticated();
                case ROLES -> matcher.hasAnyRole(rule.roles().stream().map(Role::name).toArray(String[]::new));
            }
        }
        registry.anyRequest().denyAll();
    }

    private static boolean carriesCredentials(HttpServletRequest request) {
        return request.getHeader("Authorization") != null;
    }

    private static boolean hasNoSession(HttpServletRequest request) {
        return request.getSession(false) == null;
    }
}
