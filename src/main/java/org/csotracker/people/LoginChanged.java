package org.csotracker.people;

/**
 * A login's password, roles or status changed: anything that trusted the old state must forget it.
 * With {@code sessionsEnd}, the user's open sessions must stop working too (disabled, roles changed,
 * password reset by an administrator).
 */
public record LoginChanged(String username, boolean sessionsEnd) {

    public LoginChanged(String username) {
        this(username, false);
    }
}
