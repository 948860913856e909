package org.csotracker.notifications;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.csotracker.academy.AcademyCompleted;
import org.csotracker.certification.CeEntry;
import org.csotracker.certification.Certification;
import org.csotracker.certification.Certifications;
import org.csotracker.certification.ContinuingEducation;
import org.csotracker.certification.ContinuingEducationRecord;
import org.csotracker.hiring.ApplicationSource;
import org.csotracker.hiring.Applicants;
import org.csotracker.hiring.BackgroundCheckOverdue;
import org.csotracker.hiring.Candidate;
import org.csotracker.hiring.Hiring;
import org.csotracker.people.NewOfficer;
import org.csotracker.people.NotificationMail;
import org.csotracker.people.Officer;
import org.csotracker.people.People;
import org.csotracker.people.ProgramComponent;
import org.csotracker.people.Role;
import org.csotracker.people.ShiftPattern;
import org.csotracker.support.CsoTrackerTest;
import org.csotracker.support.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Who hears of what: a new group task, an overdue background check, a certification reminder, a
 * reviewed outside-training submission; and each user's choice of what is also e-mailed.
 */
@CsoTrackerTest
class NotificationTriggersTests {

    @Autowired
    Notifications notifications;
    @Autowired
    Hiring hiring;
    @Autowired
    TaskService tasks;
    @Autowired
    People people;
    @Autowired
    Certifications certifications;
    @Autowired
    ContinuingEducation education;
    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    TestUsers users;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    MockMvc mvc;

    @Test
    void everyoneInTheGroupHearsOfANewTaskOnceEach() {
        String hr = users.staff(Role.HR);
        String secondHr = users.ensure("notified-hr-" + System.nanoTime() % 100000, Set.of(Role.HR), null);
        String coordinator = users.staff(Role.COORDINATOR);
        Candidate candidate = TestUsers.asSystemGet(() -> hiring.apply(Applicants.strong("Tasked", "Notice"), ApplicationSource.HR));
        Task screening = tasks.createTaskQuery().processDefinitionKey(org.csotracker.hiring.HiringProcess.KEY)
                .processInstanceBusinessKey(candidate.getId().toString()).singleResult();
        String key = "task:" + screening.getId();

        List<Notification> sent = notifications.withKey(key);
        assertThat(sent).extracting(Notification::getRecipient).contains(hr, secondHr).doesNotContain(coordinator)
                .doesNotHaveDuplicates();
        assertThat(sent).allSatisfy(n -> assertThat(n.getLink()).isEqualTo("/hiring/tasks"));
        // in the language of each login (other tests leave HR logins that read Spanish)
        assertThat(sent).filteredOn(n -> List.of(hr, secondHr).contains(n.getRecipient()))
                .allSatisfy(n -> assertThat(n.getTitle()).isEqualTo("New task: " + screening.getName()));

        // the same task changing (assignment) or the notice being sent again does not notify twice
        tasks.setAssignee(screening.getId(), hr);
        TestUsers.asSystem(() -> notifications.notifyRole(Role.HR, Notifications.Kind.NOTICE, "again", null, "/", key));
        assertThat(notifications.withKey(key)).hasSameSizeAs(sent);
        // a new task (not a reminder) is not e-mailed under the default setting
        assertThat(mailsTo(hr + "@example.org", "New task: " + screening.getName())).isZero();
    }

    @Test
    void staffWhoReadSpanishGetTheirNoticesInSpanish() {
        String hr = users.ensure("hr-es-" + System.nanoTime() % 100000, Set.of(Role.HR), null);
        TestUsers.asSystem(() -> people.changeLanguage(hr, "es"));
        String colleague = users.ensure("hr-en-" + System.nanoTime() % 100000, Set.of(Role.HR), null);
        Candidate candidate = TestUsers.asSystemGet(() -> hiring.apply(Applicants.strong("Tarea", "Nueva"), ApplicationSource.HR));
        Task screening = tasks.createTaskQuery().processDefinitionKey(org.csotracker.hiring.HiringProcess.KEY)
                .processInstanceBusinessKey(candidate.getId().toString()).singleResult();
        BackgroundCheckOverdue overdue = new BackgroundCheckOverdue(-System.nanoTime() % 100000, "Lenta Revisión",
                java.time.Instant.now().minusSeconds(3600), hr);
        TestUsers.asSystem(() -> tx.executeWithoutResult(s -> events.publishEvent(overdue)));

        List<Notification> mine = notifications.of(hr, PageRequest.of(0, 10)).getContent();
        assertThat(mine).anySatisfy(n -> {
            assertThat(n.getTitle()).isEqualTo("Nueva tarea: Evaluar la solicitud");
            assertThat(n.getBody()).startsWith("Una nueva tarea para Recursos Humanos");
        });
        assertThat(mine).anySatisfy(n -> {
            assertThat(n.getTitle()).isEqualTo("Verificación de antecedentes vencida: Lenta Revisión");
            assertThat(n.getBody()).startsWith("La verificación de antecedentes vencía el");
        });
        // an English-reading colleague gets the same task in English
        assertThat(notifications.withKey("task:" + screening.getId())).filteredOn(n -> n.getRecipient().equals(colleague))
                .singleElement().satisfies(n -> assertThat(n.getTitle()).isEqualTo("New task: " + screening.getName()));
    }

    @Test
    void anOverdueBackgroundCheckReachesTheHrSupervisorOnceAndByMail() {
        String supervisor = users.ensure("hr-lead-" + System.nanoTime() % 100000, Set.of(Role.HR), null);
        BackgroundCheckOverdue overdue = new BackgroundCheckOverdue(-System.nanoTime() % 100000, "Slow Check",
                java.time.Instant.now().minusSeconds(3600), supervisor);
        TestUsers.asSystem(() -> tx.executeWithoutResult(s -> events.publishEvent(overdue)));
        TestUsers.asSystem(() -> tx.executeWithoutResult(s -> events.publishEvent(overdue))); // a retried job

        List<Notification> mine = notifications.of(supervisor, PageRequest.of(0, 10)).getContent();
        assertThat(mine).singleElement().satisfies(n -> {
            assertThat(n.getTitle()).isEqualTo("Background check overdue: Slow Check");
            assertThat(n.getLink()).isEqualTo("/hiring/candidates/" + overdue.candidateId());
        });
        assertThat(mailsTo(supervisor + "@example.org", "Background check overdue: Slow Check")).isEqualTo(1);
    }

    @Test
    void aCsoGetsTheCertificationReminderInTheAppAndByMailUnlessTheyTurnedMailOff() {
        Officer officer = certified("Rhea", "Reminder" + System.nanoTime() % 100000);
        String cso = users.ensure("cso-reminded-" + officer.getId(), Set.of(Role.CSO), officer.getId());
        Certification c = certifications.ofOfficer(officer.getId()).orElseThrow();

        TestUsers.asSystem(() -> certifications.sendReminder(c.getId(), 90, false));
        assertThat(notifications.of(cso, PageRequest.of(0, 10)).getContent()).extracting(Notification::getTitle)
                .contains("Your CSO certification expires in 90 days");
        assertThat(mailsTo(cso + "@example.org", "Your CSO certification expires in 90 days")).isEqualTo(1);
        assertThat(mailsTo(officer.getEmail(), "Your CSO certification expires in 90 days"))
                .as("with a login, the reminder goes to the login's address only").isZero();

        TestUsers.asSystem(() -> people.setNotificationMail(cso, NotificationMail.NONE));
        TestUsers.asSystem(() -> certifications.sendReminder(c.getId(), 60, false));
        assertThat(notifications.of(cso, PageRequest.of(0, 10)).getContent()).extracting(Notification::getTitle)
                .contains("Your CSO certification expires in 60 days");
        assertThat(mailsTo(cso + "@example.org", "Your CSO certification expires in 60 days")).isZero();
    }

    @Test
    void aCsoWhoReadsSpanishGetsTheReminderMailInSpanishDownToItsLastLine() {
        Officer officer = certified("Elena", "Recordatorio" + System.nanoTime() % 100000);
        String cso = users.ensure("cso-es-reminded-" + officer.getId(), Set.of(Role.CSO), officer.getId());
        TestUsers.asSystem(() -> people.changeLanguage(cso, "es"));
        Certification c = certifications.ofOfficer(officer.getId()).orElseThrow();

        TestUsers.asSystem(() -> certifications.sendReminder(c.getId(), 90, false));

        String subject = "Su certificación de Agente de Servicios Comunitarios vence en 90 días";
        assertThat(mailsTo(cso + "@example.org", subject)).isEqualTo(1);
        String body = jdbc.queryForObject("select body from cso.outgoing_mail where recipient = ? and subject = ?",
                String.class, cso + "@example.org", subject);
        assertThat(body).contains("Recibe este correo electrónico por sus preferencias de avisos en CSO Tracker (Cuenta).")
                .doesNotContain("You get this e-mail");
    }

    @Test
    void aReviewedSubmissionIsNotifiedToTheCsoAndMailedOnlyWhenTheyAskForEveryNotice() throws Exception {
        Officer officer = certified("Sam", "Reviewed" + System.nanoTime() % 100000);
        String cso = users.ensure("cso-reviewed-" + officer.getId(), Set.of(Role.CSO), officer.getId());
        ContinuingEducationRecord first = submit(cso, officer, "De-escalation workshop");
        mvc.perform(post("/certification/submissions/" + first.getId() + "/review").with(users.as(Role.COORDINATOR)).with(csrf())
                .param("approved", "false").param("reason", "No certificate attached")).andExpect(status().is3xxRedirection());
        assertThat(notifications.of(cso, PageRequest.of(0, 10)).getContent()).anySatisfy(n -> {
            assertThat(n.getTitle()).isEqualTo("Your outside training was rejected");
            assertThat(n.getBody()).isEqualTo("De-escalation workshop: No certificate attached");
        });
        assertThat(mailsTo(cso + "@example.org", "Your outside training was rejected")).isZero();

        // the CSO asks for every notice by e-mail on their account page
        mvc.perform(post("/account/notifications").with(users.as(cso)).with(csrf()).param("notificationMail", "ALL"))
                .andExpect(redirectedUrl("/account"));
        ContinuingEducationRecord second = submit(cso, officer, "First aid refresher");
        TestUsers.asSystem(() -> education.review(second.getId(), true, null));
        assertThat(notifications.of(cso, PageRequest.of(0, 10)).getContent()).extracting(Notification::getTitle)
                .contains("Your outside training was approved");
        assertThat(mailsTo(cso + "@example.org", "Your outside training was approved")).isEqualTo(1);
    }

    @Test
    void everySignedInUserChoosesWhatIsMailedOnTheirAccountPage() throws Exception {
        String user = users.ensure("settings-" + System.nanoTime() % 100000, Set.of(Role.SUPERVISOR), null);
        mvc.perform(get("/account").with(users.as(user))).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.allOf(
                        org.hamcrest.Matchers.containsString("Notifications by e-mail"),
                        org.hamcrest.Matchers.containsString("value=\"REMINDERS\" checked"))));
        assertThat(people.mailPreference(user).orElseThrow().notificationMail()).isEqualTo(NotificationMail.REMINDERS);

        mvc.perform(post("/account/notifications").with(users.as(user)).with(csrf()).param("notificationMail", "NONE"))
                .andExpect(redirectedUrl("/account"));
        assertThat(people.mailPreference(user).orElseThrow().notificationMail()).isEqualTo(NotificationMail.NONE);
        mvc.perform(post("/account/notifications").with(users.as(user)).with(csrf()).param("notificationMail", "SOMETIMES"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Choose which notifications")));
        mvc.perform(post("/account/notifications").with(users.as(user)).param("notificationMail", "ALL"))
                .andExpect(status().isForbidden()); // no CSRF token
        assertThat(people.mailPreference(user).orElseThrow().notificationMail()).isEqualTo(NotificationMail.NONE);

        mvc.perform(put("/api/me/notification-mail").with(users.as(user)).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"notificationMail\":\"ALL\"}"))
                .andExpect(status().isNoContent());
        assertThat(people.mailPreference(user).orElseThrow().notificationMail()).isEqualTo(NotificationMail.ALL);
        mvc.perform(put("/api/me/notification-mail").with(users.as(user)).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"notificationMail\":\"SOMETIMES\"}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("notificationMail"));
        mvc.perform(put("/api/me/notification-mail").with(users.as(user)).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("{}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("notificationMail"));
        assertThat(people.mailPreference(user).orElseThrow().notificationMail()).isEqualTo(NotificationMail.ALL);

        // with ALL, a plain notice is e-mailed too, with a link back into the app
        TestUsers.asSystem(() -> notifications.notifyUser(user, "Plain notice", "Body text", "/certification"));
        assertThat(jdbc.queryForObject("select body from cso.outgoing_mail where recipient = ? and subject = 'Plain notice'",
                String.class, user + "@example.org")).contains("Body text", "/certification");
    }

    private ContinuingEducationRecord submit(String cso, Officer officer, String title) {
        byte[] pdf = "%PDF-1.4\n%%EOF\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        var context = org.springframework.security.core.context.SecurityContextHolder.getContext();
        var previous = context.getAuthentication();
        context.setAuthentication(new org.springframework.security.authentication.UsernamePasswordAuthenticationToken(cso, null,
                org.springframework.security.core.authority.AuthorityUtils.createAuthorityList("ROLE_CSO")));
        try {
            return education.submit(officer.getId(), new CeEntry("ELECTIVE", title, "Community college", new BigDecimal("4"),
                    LocalDate.now().minusDays(5)), "evidence.pdf", "application/pdf", pdf);
        } finally {
            context.setAuthentication(previous);
        }
    }

    private Officer certified(String first, String last) {
        Officer officer = TestUsers.asSystemGet(() -> people.hire(new NewOfficer(first, last,
                first.toLowerCase() + "." + System.nanoTime() + "@example.org", null, "East",
                ProgramComponent.COMMUNITY_ENGAGEMENT, ShiftPattern.MON_FRI_DAY, users.staff(Role.SUPERVISOR),
                LocalDate.now().minusWeeks(9), null)));
        TestUsers.asSystem(() -> tx.executeWithoutResult(s -> events.publishEvent(new AcademyCompleted(officer.getId(),
                null, "Cohort Notice", LocalDate.now(), List.of()))));
        return officer;
    }

    private int mailsTo(String address, String subject) {
        return jdbc.queryForObject("select count(*) from cso.outgoing_mail where recipient = ? and subject = ?",
                Integer.class, address, subject);
    }
}
