/** The web shell: layout, home pages, login, and how errors look to people and API clients. */
@org.springframework.modulith.ApplicationModule(displayName = "Web")
package org.csotracker.web;
