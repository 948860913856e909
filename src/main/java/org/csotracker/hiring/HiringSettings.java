package org.csotracker.hiring;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param backgroundCheckSla     how long a background check may take before it is escalated
 * @param offerResponseTime      default time a candidate has to answer an offer
 * @param hrSupervisor           the login an overdue background check is escalated to
 * @param anonymousApplicationsPerHour applications one address may send per hour without signing in
 */
@ConfigurationProperties("csotracker.hiring")
public record HiringSettings(
        @DefaultValue("P14D") Duration backgroundCheckSla,
        @DefaultValue("P7D") Duration offerResponseTime,
        @DefaultValue("hr") String hrSupervisor,
        @DefaultValue("10") int anonymousApplicationsPerHour) {
}
