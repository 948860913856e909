/**
 * Dashboards (charts with the same numbers in tables), CSV exports and iCalendar feeds. The
 * numbers come from the modules' report classes ({@code HiringReports}, {@code AcademyReports},
 * {@code CertificationReports}), which aggregate in SQL; this module only presents them.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Reports")
package org.csotracker.reports;
