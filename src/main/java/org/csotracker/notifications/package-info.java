/** Notifications: the in-app list of notices for each user. */
@org.springframework.modulith.ApplicationModule(displayName = "Notifications")
package org.csotracker.notifications;
