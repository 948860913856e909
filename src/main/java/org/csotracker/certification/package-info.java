/** Certification, continuing education, renewal and public verification. */
@org.springframework.modulith.ApplicationModule(displayName = "Certification")
package org.csotracker.certification;
