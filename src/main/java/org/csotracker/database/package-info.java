/**
 * The database the app runs on: an embedded PostgreSQL with a persistent data directory when no
 * external server is configured.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Database")
package org.csotracker.database;
