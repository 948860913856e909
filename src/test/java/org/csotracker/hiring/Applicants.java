package org.csotracker.hiring;

import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicInteger;

import org.csotracker.people.ProgramComponent;
import org.csotracker.people.ShiftPattern;

/** Realistic test applications, each with its own e-mail address. */
public final class Applicants {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private Applicants() {
    }

    public static String uniqueEmail(String name) {
        return name.toLowerCase().replaceAll("[^a-z]", "") + "." + System.nanoTime() + "." + SEQUENCE.incrementAndGet()
                + "@example.org";
    }

    /** A strong candidate: 4 years of outreach, bilingual, 2 years of crisis work. */
    public static NewApplication strong(String first, String last) {
        return new NewApplication(first, last, uniqueEmail(first + last), "206-555-0100", "English, Spanish", 4, 2,
                Education.ASSOCIATE, true, true, "South", "I organized block watches for years.", "en", true);
    }

    public static NewApplication withExperience(int communityYears, String languages, int crisisYears) {
        return new NewApplication("Test", "Applicant", uniqueEmail("test"), null, languages, communityYears, crisisYears,
                Education.HIGH_SCHOOL, true, true, null, null, "en", true);
    }

    public static OfferTerms offer(String supervisor) {
        return new OfferTerms(LocalDate.now().plusWeeks(3), null, null, "South", supervisor,
                ShiftPattern.TUE_SAT_DAY, ProgramComponent.SYSTEM_NAVIGATOR);
    }

    public static String json(NewApplication a) {
        return """
                {"firstName":"%s","lastName":"%s","email":"%s","phone":"206-555-0100","languages":"%s",
                 "communityEngagementYears":%d,"crisisExperienceYears":%d,"education":"%s","ageEligible":true,
                 "workAuthorized":true,"districtPreference":"South","statement":"Ready to serve.",
                 "preferredLanguage":"en","consent":true}
                """.formatted(a.firstName(), a.lastName(), a.email(), a.languages(), a.communityEngagementYears(),
                a.crisisExperienceYears(), a.education().name());
    }
}
