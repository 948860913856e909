package org.csotracker.academy;

import java.time.LocalTime;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param minimumAttendancePercent share of a module's hours a recruit must attend to pass it
 * @param graduationTime           time of day on the cohort's last day when the academy completes
 */
@ConfigurationProperties("csotracker.academy")
public record AcademySettings(
        @DefaultValue("80") int minimumAttendancePercent,
        @DefaultValue("17:00") LocalTime graduationTime) {
}
