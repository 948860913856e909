/** E-mail: an outbox written with each change, delivered through Spring Mail. */
@org.springframework.modulith.ApplicationModule(displayName = "Mail")
package org.csotracker.mail;
