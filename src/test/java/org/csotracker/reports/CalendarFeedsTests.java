package org.csotracker.reports;

import java.io.StringReader;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import org.csotracker.academy.Academy;
import org.csotracker.academy.Cohort;
import org.csotracker.academy.Recruits;
import org.csotracker.academy.Requests;
import org.csotracker.people.Officer;
import org.csotracker.people.People;
import org.csotracker.people.Role;
import org.csotracker.support.CsoTrackerTest;
import org.csotracker.support.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** iCalendar feeds: valid calendars with the right events; the secret link opens one feed and can be reset. */
@CsoTrackerTest
class CalendarFeedsTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    TestUsers users;
    @Autowired
    People people;
    @Autowired
    Academy academy;
    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aCsoFeedHoldsTheCertificationDatesAndOpensWithTheSecretLinkOnly() throws Exception {
        Officer officer = Officers.expiringIn(people, events, tx, "Lucía", "Calendario", users.staff(Role.SUPERVISOR), 40);
        String cso = users.ensure("calendar-cso-" + officer.getId(), Set.of(Role.CSO), officer.getId());
        mvc.perform(get("/me/calendar").with(users.as(cso))).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("You have no calendar link yet")));

        String token = newLink(cso);

        assertThat(jdbc.queryForObject("select token_hash from cso.calendar_feed where officer_id = ?", String.class,
                officer.getId())).isEqualTo(FeedTokens.hash(token)).doesNotContain(token);
        Calendar calendar = feed(token);
        assertThat(calendar.getProperty(Property.VERSION).map(Property::getValue)).contains("2.0");
        LocalDate end = LocalDate.now().plusDays(40);
        assertThat(summaryOn(calendar, end)).contains("CSO certification expires");
        assertThat(summaryOn(calendar, end.plusDays(30))).contains("Certification grace period ends");
        assertThat(events(calendar)).anyMatch(e -> summary(e).startsWith("Reminder: certification expires in"));
        assertThat(events(calendar)).allMatch(e -> e.getProperty(Property.UID).map(Property::getValue).orElseThrow().contains("-" + officer.getId() + "-"));
        mvc.perform(get("/me/calendar").with(users.as(cso))).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Reset link")));
    }

    @Test
    void aCsoWhoReadsSpanishGetsTheirFeedInSpanish() throws Exception {
        Officer officer = Officers.expiringIn(people, events, tx, "Rocío", "Feed", users.staff(Role.SUPERVISOR), 45);
        String cso = users.ensure("calendar-es-" + officer.getId(), Set.of(Role.CSO), officer.getId());
        TestUsers.asSystem(() -> people.changeLanguage(cso, "es"));
        String token = newLink(cso);

        // the calendar app asks in English; the feed follows the officer's login
        String text = mvc.perform(get("/calendar/" + token + ".ics").header("Accept-Language", "en"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        Calendar calendar = new CalendarBuilder().build(new StringReader(text));
        LocalDate end = LocalDate.now().plusDays(45);
        assertThat(summaryOn(calendar, end)).contains("Vence la certificación de Agente de Servicios Comunitarios");
        assertThat(summaryOn(calendar, end.plusDays(30))).contains("Termina el período de gracia de la certificación");
        assertThat(events(calendar)).anyMatch(e -> summary(e).startsWith("Recordatorio: la certificación vence en"))
                .noneMatch(e -> summary(e).contains("expires") || summary(e).contains("Reminder"));
        assertThat(calendar.getProperty("X-WR-CALNAME").map(Property::getValue))
                .contains("Fechas límite de Agente de Servicios Comunitarios: " + officer.getFullName());
    }

    @Test
    void resettingTheLinkStopsTheOldOneAtOnce() throws Exception {
        Officer officer = Officers.expiringIn(people, events, tx, "Reset", "Link", users.staff(Role.SUPERVISOR), 100);
        String cso = users.ensure("calendar-reset-" + officer.getId(), Set.of(Role.CSO), officer.getId());
        String first = newLink(cso);
        mvc.perform(get("/calendar/" + first + ".ics")).andExpect(status().isOk());

        String second = newLink(cso);

        assertThat(second).isNotEqualTo(first);
        mvc.perform(get("/calendar/" + first + ".ics")).andExpect(status().isNotFound());
        mvc.perform(get("/calendar/" + second + ".ics")).andExpect(status().isOk());
        assertThat(jdbc.queryForObject("select count(*) from cso.audit_event where subject_type = 'CalendarFeed' "
                + "and subject_id = ? and action = 'CALENDAR_LINK_CREATED'", Long.class, officer.getId().toString())).isEqualTo(2);
    }

    @Test
    void eachLinkOpensItsOwnOfficersFeedAndUnknownLinksAreNotFound() throws Exception {
        Officer a = Officers.expiringIn(people, events, tx, "Ana", "First", users.staff(Role.SUPERVISOR), 50);
        Officer b = Officers.expiringIn(people, events, tx, "Ben", "Second", users.staff(Role.SUPERVISOR), 60);
        String tokenA = newLink(users.ensure("calendar-a-" + a.getId(), Set.of(Role.CSO), a.getId()));
        String tokenB = newLink(users.ensure("calendar-b-" + b.getId(), Set.of(Role.CSO), b.getId()));

        String feedB = mvc.perform(get("/calendar/" + tokenB + ".ics")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        // (UIDs name the officer: certification-<id>-period-<n>-...; "-<id>-" alone also matches "period-1-" when a's id is 1)
        assertThat(feedB).contains("Ben Second").doesNotContain("Ana First").doesNotContain("certification-" + a.getId() + "-")
                .doesNotContain("remediation-" + a.getId() + "-");
        assertThat(summaryOn(feed(tokenA), LocalDate.now().plusDays(50))).contains("CSO certification expires");

        mvc.perform(get("/calendar/" + tokenA.substring(1) + "x.ics")).andExpect(status().isNotFound());
        mvc.perform(get("/calendar/not-a-token.ics")).andExpect(status().isNotFound());
    }

    @Test
    void aRecruitsFeedHasTheirCohortsSessionsAndRemediationDueDates() throws Exception {
        Cohort cohort = Recruits.cohort(academy, users.staff(Role.COORDINATOR), LocalDate.now().minusDays(2), 10);
        Officer recruit = Recruits.hire(people, "Remy", "Diación", null);
        TestUsers.asSystem(() -> academy.enroll(cohort.getId(), recruit.getId()));
        TestUsers.asSystem(() -> academy.recordResult(recruit.getId(), "DE-ESCALATION", Recruits.score(20)));
        LocalDate due = LocalDate.now().plusDays(12);
        TestUsers.asSystem(() -> academy.planRemediation(recruit.getId(), "DE-ESCALATION",
                new Requests.RemediationPlan("Ride-alongs and a retake", due)));
        String token = newLink(users.ensure("calendar-recruit-" + recruit.getId(), Set.of(Role.CSO), recruit.getId()));

        Calendar calendar = feed(token);

        assertThat(summaryOn(calendar, due)).startsWith("Remediation due:");
        assertThat(summaryOn(calendar, cohort.getStartDate())).startsWith("Week 1:").contains("DE-ESCALATION");
        assertThat(summaryOn(calendar, cohort.getStartDate().plusWeeks(1))).startsWith("Week 2:");
    }

    @Test
    void aCohortScheduleHasOneEventPerWeekAndModuleWithPlaceAndInstructor() throws Exception {
        Cohort cohort = Recruits.cohort(academy, users.staff(Role.COORDINATOR), LocalDate.of(2027, 3, 1), 10);

        MvcResult result = mvc.perform(get("/api/calendars/cohorts/" + cohort.getId() + ".ics").with(users.as(Role.COORDINATOR)))
                .andExpect(status().isOk()).andReturn();

        assertThat(result.getResponse().getContentType()).startsWith("text/calendar");
        Calendar calendar = new CalendarBuilder().build(new StringReader(result.getResponse().getContentAsString()));
        List<VEvent> sessions = events(calendar);
        assertThat(sessions).hasSize(2);
        VEvent first = sessions.stream().filter(e -> summary(e).startsWith("Week 1:")).findFirst().orElseThrow();
        assertThat(first.getDateTimeStart().getValue()).isEqualTo("20270301");
        assertThat(first.getDateTimeEnd().getValue()).isEqualTo("20270306");
        assertThat(first.getLocation().getValue()).isEqualTo("Room 2");
        assertThat(first.getDescription().getValue()).contains("Ofc. Rivera");
        mvc.perform(get("/api/calendars/cohorts/" + cohort.getId() + ".ics").with(users.as(Role.HR))).andExpect(status().isForbidden());
        mvc.perform(get("/api/calendars/cohorts/987654321.ics").with(users.as(Role.COORDINATOR))).andExpect(status().isNotFound());
    }

    @Test
    void aLoginWithoutAnOfficerRecordHasNoCalendar() throws Exception {
        mvc.perform(get("/me/calendar").with(users.as(Role.CSO))).andExpect(status().isNotFound());
        mvc.perform(post("/me/calendar").with(users.as(Role.CSO)).with(csrf())).andExpect(status().isNotFound());
        mvc.perform(post("/me/calendar").with(users.as(Role.CSO))).andExpect(status().isForbidden()); // no CSRF token
    }

    private String newLink(String cso) throws Exception {
        MvcResult result = mvc.perform(post("/me/calendar").with(users.as(cso)).with(csrf()))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/me/calendar")).andReturn();
        String url = (String) result.getFlashMap().get("feedUrl");
        assertThat(url).matches("http://localhost:8080/calendar/[A-Za-z0-9_-]{32}\\.ics");
        return url.substring(url.lastIndexOf('/') + 1, url.length() - ".ics".length());
    }

    private Calendar feed(String token) throws Exception {
        MvcResult result = mvc.perform(get("/calendar/" + token + ".ics")).andExpect(status().isOk()).andReturn();
        assertThat(result.getResponse().getContentType()).isEqualTo("text/calendar;charset=UTF-8");
        return new CalendarBuilder().build(new StringReader(result.getResponse().getContentAsString()));
    }

    private static List<VEvent> events(Calendar calendar) {
        return calendar.getComponents(net.fortuna.ical4j.model.Component.VEVENT);
    }

    private static String summary(VEvent event) {
        return event.getSummary() == null ? "" : event.getSummary().getValue();
    }

    private static String summaryOn(Calendar calendar, LocalDate day) {
        String date = day.toString().replace("-", "");
        return events(calendar).stream().filter(e -> e.getDateTimeStart().getValue().equals(date))
                .map(CalendarFeedsTests::summary).sorted().reduce((x, y) -> x + " | " + y).orElse("");
    }
}
