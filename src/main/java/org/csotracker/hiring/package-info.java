/** Hiring: from application through screening, background check, interview, union vetting and offer to hire. */
@org.springframework.modulith.ApplicationModule(displayName = "Hiring")
package org.csotracker.hiring;
