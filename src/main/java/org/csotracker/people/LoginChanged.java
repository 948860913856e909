package org.csotracker.people;

/** A login's password, roles or status changed: anything that trusted the old state must forget it. */
public record LoginChanged(String username) {
}
