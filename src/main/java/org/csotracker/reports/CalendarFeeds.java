package org.csotracker.reports;

import org.csotracker.academy.Academy;
import org.csotracker.academy.AcademyReports;
import org.csotracker.certification.CertificationReports;
import org.csotracker.common.NotFoundException;
import org.csotracker.common.Text;
import org.csotracker.people.People;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * iCalendar feeds. A cohort's schedule is for signed-in coordinators; a CSO's own deadlines are
 * read by calendar apps, which cannot sign in, through a secret link ({@link FeedTokens}). An
 * unknown or replaced token is simply not found.
 */
@RestController
class CalendarFeeds {

    private final Academy academy;
    private final AcademyReports academyReports;
    private final CertificationReports certification;
    private final People people;
    private final FeedTokens tokens;
    private final MessageSource messages;

    CalendarFeeds(Academy academy, AcademyReports academyReports, CertificationReports certification, People people,
                  FeedTokens tokens, MessageSource messages) {
        this.messages = messages;
        this.academy = academy;
        this.academyReports = academyReports;
        this.certification = certification;
        this.people = people;
        this.tokens = tokens;
    }

    @GetMapping("/api/calendars/cohorts/{id}.ics")
    ResponseEntity<String> cohort(@PathVariable Long id) {
        String name = academy.cohort(id).getName();
        return calendar(ICalendars.cohortSchedule(name, academyReports.schedule(id),
                new ICalendars.Texts(messages, LocaleContextHolder.getLocale())));
    }

    @GetMapping("/calendar/{token}.ics")
    ResponseEntity<String> personal(@PathVariable String token) {
        Long officerId = tokens.officerFor(token).orElseThrow(() -> new NotFoundException(Text.of("problem.noCalendarAtLink")));
        String name = people.officer(officerId).getFullName();
        // a calendar app cannot say who reads it: the feed speaks the language of the officer's login
        ICalendars.Texts texts = new ICalendars.Texts(messages, java.util.Locale.forLanguageTag(people.languageOfOfficer(officerId)));
        return calendar(ICalendars.personal(officerId, name, academyReports.agenda(officerId),
                certification.calendarDates(officerId), texts));
    }

    private static ResponseEntity<String> calendar(String body) {
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(ICalendars.MEDIA_TYPE))
                .cacheControl(CacheControl.noCache().cachePrivate()).body(body);
    }
}
