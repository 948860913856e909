/** Demo mode: when it is on, each module seeds its own realistic demo data. */
@org.springframework.modulith.ApplicationModule(displayName = "Demo data")
package org.csotracker.demo;
