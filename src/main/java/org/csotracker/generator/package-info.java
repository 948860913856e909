/** A generator of realistic statewide datasets, for benchmarks and large demos. */
@org.springframework.modulith.ApplicationModule(displayName = "Data generator")
package org.csotracker.generator;
