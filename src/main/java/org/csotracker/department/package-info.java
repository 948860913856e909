/** The department that runs the program: its name, districts, union and public address. */
@org.springframework.modulith.ApplicationModule(displayName = "Department")
package org.csotracker.department;
