/**
 * Administration for ADMIN: the admin home, logins and roles (through the people module's
 * {@code UserAdministration}), and the deployed decision tables shown read-only.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Administration")
package org.csotracker.admin;
