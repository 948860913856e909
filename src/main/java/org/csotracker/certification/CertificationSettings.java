package org.csotracker.certification;

import java.time.LocalTime;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param program      what the certificate certifies
 * @param signatories  "Name|Title" of each person who signs the certificates
 * @param reminderTime time of day reminders and expiries take effect
 * @param verificationsPerMinute public verification look-ups one address may make per minute
 */
@ConfigurationProperties("csotracker.certification")
public record CertificationSettings(
        @DefaultValue("Community Service Officer Academy") String program,
        @DefaultValue({"Adrian Diaz|Chief of Police", "Sgt. Dana Whitfield|CSO Program Supervisor"}) List<String> signatories,
        @DefaultValue("08:00") LocalTime reminderTime,
        @DefaultValue("60") int verificationsPerMinute) {
}
