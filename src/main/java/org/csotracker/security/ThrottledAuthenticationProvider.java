package org.csotracker.security;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;

/** Password sign-in (form and HTTP Basic) that refuses a locked username before checking the password. */
@Configuration(proxyBeanMethods = false)
class ThrottledAuthenticationProvider {

    @Bean
    AuthenticationProvider authenticationProvider(UserDetailsService users, PasswordEncoder passwords, LoginThrottle throttle) {
        DaoAuthenticationProvider provider = new DaoAuthenticationProvider(users) {
            @Override
            public Authentication authenticate(Authentication authentication) {
                if (throttle.isLocked(authentication.getName())) {
                    throw new LockedException("Too many failed sign-ins. Try again in a few minutes.");
                }
                return super.authenticate(authentication);
            }
        };
        provider.setPasswordEncoder(passwords);
        return provider;
    }
}
