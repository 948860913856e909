package org.csotracker.security;

import java.util.List;

import org.csotracker.people.Login;
import org.csotracker.people.People;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

/** Users and roles come from the database (bcrypt hashes). */
@Component
class DatabaseUserDetailsService implements UserDetailsService {

    private final People people;

    DatabaseUserDetailsService(People people) {
        this.people = people;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        Login login = people.findLogin(username).orElseThrow(() -> new UsernameNotFoundException("unknown user"));
        List<SimpleGrantedAuthority> authorities = login.roles().stream()
                .map(role -> new SimpleGrantedAuthority("ROLE_" + role.name()))
                .toList();
        return new CsoUser(login.username(), login.passwordHash(), login.enabled(), authorities, login.roles(),
                login.officerId(), login.displayName());
    }
}
