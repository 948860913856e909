package org.csotracker.reports;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.XProperty;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;
import org.csotracker.academy.AcademyReports;
import org.csotracker.certification.CertificationReports;
import org.springframework.context.MessageSource;

/**
 * iCalendar (RFC 5545) files built with ical4j: all-day events with stable UIDs, so a calendar app
 * that subscribes updates its copies in place instead of adding duplicates.
 */
final class ICalendars {

    static final String MEDIA_TYPE = "text/calendar; charset=UTF-8";
    private static final String DOMAIN = "@cso-tracker";

    private ICalendars() {
    }

    /** Texts of messages.properties in one language. */
    record Texts(MessageSource messages, Locale locale) {
        String get(String key, Object... args) {
            return messages.getMessage(key, args, locale);
        }

        /** A module's title in this language, or its catalog title. */
        String module(String code, String title) {
            return messages.getMessage("module." + code, null, title, locale);
        }
    }

    /** A cohort's schedule: one event per module and academy week (Monday to Friday). */
    static String cohortSchedule(String cohortName, List<AcademyReports.ScheduledSession> sessions, Texts texts) {
        Calendar calendar = calendar(texts.get("feed.cohort", cohortName));
        sessions.forEach(s -> calendar.add(session(s, texts)));
        return write(calendar);
    }

    /**
     * A CSO's own dates: the academy sessions of their cohort, remediation due dates and certification dates,
     * in the CSO's language ({@code dates} come written in it).
     */
    static String personal(Long officerId, String name, AcademyReports.Agenda agenda,
                           List<CertificationReports.CalendarDate> dates, Texts texts) {
        Calendar calendar = calendar(texts.get("feed.name", name));
        agenda.sessions().forEach(s -> calendar.add(session(s, texts)));
        for (AcademyReports.RemediationDue r : agenda.remediations()) {
            calendar.add(day("remediation-" + officerId + "-" + r.moduleCode(), r.dueDate(),
                    texts.get("feed.remediation", texts.module(r.moduleCode(), r.moduleTitle())), r.plan()));
        }
        for (CertificationReports.CalendarDate d : dates) {
            calendar.add(day("certification-" + officerId + "-" + d.key(), d.date(), d.summary(), d.description()));
        }
        return write(calendar);
    }

    private static Calendar calendar(String name) {
        Calendar calendar = new Calendar();
        calendar.add(new ProdId("-//CSO Tracker//Calendar feeds//EN"));
        calendar.add(ImmutableVersion.VERSION_2_0);
        calendar.add(ImmutableCalScale.GREGORIAN);
        calendar.add(new XProperty("X-WR-CALNAME", name));
        return calendar;
    }

    private static VEvent session(AcademyReports.ScheduledSession s, Texts texts) {
        VEvent event = new VEvent(s.firstDay(), s.lastDay().plusDays(1),
                texts.get("feed.session", String.valueOf(s.week()), texts.module(s.moduleCode(), s.moduleTitle()), s.moduleCode()));
        event.add(new Uid("cohort-" + s.cohortId() + "-week-" + s.week() + "-" + s.moduleCode() + DOMAIN));
        if (s.location() != null && !s.location().isBlank()) {
            event.add(new Location(s.location()));
        }
        event.add(new Description(texts.get("feed.sessionText", s.cohortName(), String.valueOf(s.week()))
                + (s.instructor() == null || s.instructor().isBlank() ? "" : ". " + texts.get("feed.instructor", s.instructor()))));
        return event;
    }

    private static VEvent day(String uid, LocalDate date, String summary, String description) {
        VEvent event = new VEvent(date, date.plusDays(1), summary);
        event.add(new Uid(uid + DOMAIN));
        if (description != null && !description.isBlank()) {
            event.add(new Description(description));
        }
        return event;
    }

    private static String write(Calendar calendar) {
        StringWriter out = new StringWriter();
        try {
            new CalendarOutputter(false).output(calendar, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}
