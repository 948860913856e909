package org.csotracker.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import jakarta.servlet.FilterConfig;
import jakarta.servlet.http.HttpServletRequest;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationResult;
import org.camunda.bpm.engine.rest.security.auth.impl.ContainerBasedAuthenticationProvider;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.ContainerBasedAuthenticationFilter;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Cockpit, Tasklist and Admin trust the app's own login: whoever Spring Security signed in is the
 * Camunda user, with their roles as groups ({@code HR}, {@code COORDINATOR}, ... as in the BPMN
 * candidate groups) and ADMIN mapped to {@code camunda-admin}.
 */
@Configuration(proxyBeanMethods = false)
class CamundaSingleSignOn {

    @Bean
    FilterRegistrationBean<SessionFromAppLogin> camundaContainerAuthentication(CamundaIdentityMirror mirror) {
        var registration = new FilterRegistrationBean<>(new SessionFromAppLogin(mirror));
        registration.addUrlPatterns("/camunda/app/*", "/camunda/api/*");
        registration.setOrder(0); // after Spring Security's filter (-100)
        return registration;
    }

    /** Camunda's container-based login, given its provider directly instead of by class name. */
    static class SessionFromAppLogin extends ContainerBasedAuthenticationFilter {
        private final CamundaIdentityMirror mirror;

        SessionFromAppLogin(CamundaIdentityMirror mirror) {
            this.authenticationProvider = new SpringSecurityUser();
            this.mirror = mirror;
        }

        @Override
        public void init(FilterConfig filterConfig) {
            // the provider is already set
        }

        /**
         * Camunda would look the user up in its own identity tables, where our users do not live:
         * the app's login already proved who they are, and Spring Security allows only ADMINs here.
         */
        @Override
        protected UserAuthentication createAuthentication(ProcessEngine engine, String username, List<String> groups,
                                                          List<String> tenants) {
            mirror.ensure(username, groups);
            UserAuthentication authentication = new UserAuthentication(username, engine.getName());
            authentication.setGroupIds(groups);
            authentication.setTenantIds(tenants == null ? List.of() : tenants);
            Set<String> apps = new java.util.HashSet<>(Set.of(AuthenticationUtil.APPS));
            apps.add(AuthenticationUtil.APP_WELCOME);
            authentication.setAuthorizedApps(apps);
            authentication.setCacheValidationTime(null);
            return authentication;
        }
    }

    static class SpringSecurityUser extends ContainerBasedAuthenticationProvider {
        @Override
        public AuthenticationResult extractAuthenticatedUser(HttpServletRequest request, ProcessEngine engine) {
            Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
            if (authentication == null || !authentication.isAuthenticated() || authentication.getName() == null) {
                return AuthenticationResult.unsuccessful();
            }
            AuthenticationResult result = AuthenticationResult.successful(authentication.getName());
            List<String> groups = new ArrayList<>();
            for (GrantedAuthority authority : authentication.getAuthorities()) {
                String role = authority.getAuthority().replaceFirst("^ROLE_", "");
                groups.add(role);
                if (role.equals("ADMIN")) {
                    groups.add(CamundaIdentityMirror.CAMUNDA_ADMIN);
                }
            }
            result.setGroups(groups);
            return result;
        }
    }
}
