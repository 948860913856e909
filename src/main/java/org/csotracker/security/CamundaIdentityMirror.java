package org.csotracker.security;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Collection;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.csotracker.people.People;
import org.csotracker.people.Role;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Mirrors the app's users who open Camunda's web apps into Camunda's identity tables, so Cockpit and
 * Admin know them (and skip their first-run "create an admin" wizard). The mirror has a random
 * password nobody knows: signing in always goes through the app's login.
 */
@Component
class CamundaIdentityMirror {

    static final String CAMUNDA_ADMIN = "camunda-admin";
    private static final SecureRandom random = new SecureRandom();

    private final IdentityService identity;
    private final People people;

    CamundaIdentityMirror(IdentityService identity, People people) {
        this.identity = identity;
        this.people = people;
    }

    @EventListener(ApplicationReadyEvent.class)
    void mirrorAdministrators() {
        people.usernamesWithRole(Role.ADMIN).forEach(username -> ensure(username, java.util.List.of("ADMIN", CAMUNDA_ADMIN)));
    }

    synchronized void ensure(String username, Collection<String> groups) {
        if (identity.createUserQuery().userId(username).count() == 0) {
            User user = identity.newUser(username);
            user.setPassword(Base64.getEncoder().encodeToString(random.generateSeed(24)));
            identity.saveUser(user);
        }
        for (String groupId : groups) {
            if (identity.createGroupQuery().groupId(groupId).count() == 0) {
                Group group = identity.newGroup(groupId);
                group.setName(groupId);
                group.setType(groupId.equals(CAMUNDA_ADMIN) ? "SYSTEM" : "WORKFLOW");
                identity.saveGroup(group);
            }
            if (identity.createUserQuery().userId(username).memberOfGroup(groupId).count() == 0) {
                identity.createMembership(username, groupId);
            }
        }
    }
}
