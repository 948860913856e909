package org.csotracker.security;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.camunda.bpm.engine.ManagementService;
import org.csotracker.academy.Academy;
import org.csotracker.academy.AcademyCompleted;
import org.csotracker.academy.Recruits;
import org.csotracker.certification.CeEntry;
import org.csotracker.certification.Certification;
import org.csotracker.certification.Certifications;
import org.csotracker.certification.ContinuingEducation;
import org.csotracker.hiring.ApplicationSource;
import org.csotracker.hiring.Applicants;
import org.csotracker.hiring.Hiring;
import org.csotracker.people.NewOfficer;
import org.csotracker.people.Officer;
import org.csotracker.people.People;
import org.csotracker.people.ProgramComponent;
import org.csotracker.people.Role;
import org.csotracker.people.ShiftPattern;
import org.csotracker.support.TestUsers;
import org.springframework.context.ApplicationContext;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Real records to aim hostile requests at: a candidate, a cohort, a recruit, and two certified
 * officers in different units, each with a CSO login, a certificate and a pending CE submission.
 */
final class Fixtures {

    static final byte[] PDF = "%PDF-1.4\n% evidence\n%%EOF\n".getBytes();

    final Long candidateId;
    final Long cohortId;
    final Officer recruit;
    final Cso a;
    final Cso b;
    final String supervisorA;
    final String supervisorB;

    record Cso(Officer officer, String login, String certificateNumber, Long certificationId, Long submissionId) {
        Long officerId() {
            return officer.getId();
        }
    }

    private Fixtures(ApplicationContext context, TestUsers users, String tag) {
        People people = context.getBean(People.class);
        supervisorA = users.ensure("sup-a-" + tag, Set.of(Role.SUPERVISOR), null);
        supervisorB = users.ensure("sup-b-" + tag, Set.of(Role.SUPERVISOR), null);
        candidateId = TestUsers.asSystemGet(() -> context.getBean(Hiring.class)
                .apply(Applicants.strong("Fuzz", "Candidate"), ApplicationSource.HR).getId());
        cohortId = Recruits.cohort(context.getBean(Academy.class), users.staff(Role.COORDINATOR),
                LocalDate.now().plusWeeks(3), 30).getId();
        recruit = Recruits.hire(people, "Fuzz", "Recruit", supervisorA);
        a = certified(context, users, "Ana", supervisorA, tag);
        b = certified(context, users, "Ben", supervisorB, tag);
    }

    static Fixtures create(ApplicationContext context, TestUsers users) {
        return new Fixtures(context, users, Long.toString(System.nanoTime(), 36));
    }

    private static Cso certified(ApplicationContext context, TestUsers users, String first, String supervisor, String tag) {
        return certified(context, users, first, "Fixture" + tag, supervisor, tag);
    }

    /** An officer who completed the academy yesterday, with a certificate, a CSO login and a pending CE submission. */
    static Cso certified(ApplicationContext context, TestUsers users, String first, String last, String supervisor,
                         String tag) {
        People people = context.getBean(People.class);
        Certifications certifications = context.getBean(Certifications.class);
        ManagementService management = context.getBean(ManagementService.class);
        TransactionTemplate tx = context.getBean(TransactionTemplate.class);
        LocalDate completedOn = LocalDate.now().minusDays(1);
        Officer officer = TestUsers.asSystemGet(() -> people.hire(new NewOfficer(first, last,
                "officer." + System.nanoTime() + "@example.org", null, "East",
                ProgramComponent.COMMUNITY_ENGAGEMENT, ShiftPattern.MON_FRI_DAY, supervisor, completedOn.minusWeeks(9), null)));
        TestUsers.asSystem(() -> tx.executeWithoutResult(s -> context.publishEvent(new AcademyCompleted(officer.getId(), null, "Cohort Fuzz", completedOn, List.of()))));
        Certification c = certifications.ofOfficer(officer.getId()).orElseThrow();
        TestUsers.asSystem(() -> management.executeJob(management.createJobQuery()
                .processInstanceId(c.getProcessInstanceId()).activityId("Task_IssueCertificate").singleResult().getId()));
        String login = users.ensure("cso-" + officer.getId() + "-" + tag, Set.of(Role.CSO), officer.getId());
        String number = certifications.certificates(officer.getId()).get(0).getNumber();
        Long submission = TestUsers.asSystemGet(() -> context.getBean(ContinuingEducation.class).submit(officer.getId(),
                new CeEntry("ELECTIVE", "First aid " + tag, "Red Cross", new java.math.BigDecimal("4"),
                        LocalDate.now().minusDays(2)), "aid.pdf", "application/pdf", PDF).getId());
        return new Cso(officer, login, number, c.getId(), submission);
    }
}
