package org.csotracker.people;

/** A CSO's login: the username and, until they set their password, the activation token. */
public record OfficerLogin(String username, String activationToken, boolean active) {
    static OfficerLogin of(UserAccount account) {
        return new OfficerLogin(account.getUsername(), account.getActivationToken(), account.isEnabled());
    }
}
