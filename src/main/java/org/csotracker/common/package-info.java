/** Types every module shares: the business errors that the web layer turns into problem details. */
@org.springframework.modulith.ApplicationModule(displayName = "Common", type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package org.csotracker.common;
