package org.csotracker.hiring;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import jakarta.servlet.http.Cookie;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Job;
import org.csotracker.academy.AcademyCompleted;
import org.csotracker.certification.Certifications;
import org.csotracker.mail.Mailer;
import org.csotracker.people.NewOfficer;
import org.csotracker.people.Officer;
import org.csotracker.people.People;
import org.csotracker.people.ProgramComponent;
import org.csotracker.people.Role;
import org.csotracker.people.ShiftPattern;
import org.csotracker.support.CsoTrackerTest;
import org.csotracker.support.TestUsers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Mails arrive in the recipient's language (a real SMTP server, GreenMail): a candidate's in the language
 * they chose when applying, a CSO's in the language of their login.
 */
@CsoTrackerTest
class CandidateMailTests {

    @RegisterExtension
    static GreenMailExtension mail = new GreenMailExtension(ServerSetupTest.SMTP);

    @Autowired
    MockMvc mvc;
    @Autowired
    Hiring hiring;
    @Autowired
    Mailer mailer;
    @Autowired
    TestUsers users;
    @Autowired
    People people;
    @Autowired
    Certifications certifications;
    @Autowired
    ManagementService management;
    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    @Test
    void aSpanishSpeakingCandidateGetsTheirMailsInSpanish() throws Exception {
        String email = Applicants.uniqueEmail("ramona");
        // the Spanish page preselects Spanish; the candidate keeps it
        mvc.perform(post("/apply").with(csrf()).cookie(new Cookie("csotracker-language", "es"))
                        .param("firstName", "Ramona").param("lastName", "Quispe").param("email", email)
                        .param("languages", "Español, English").param("communityEngagementYears", "3")
                        .param("crisisExperienceYears", "1").param("education", "SOME_COLLEGE").param("ageEligible", "true")
                        .param("workAuthorized", "true").param("preferredLanguage", "es").param("consent", "true"))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/apply/thanks"));
        mailer.sendPending();

        MimeMessage received = onlyMailTo(email);
        assertThat(received.getSubject()).isEqualTo("Su solicitud a Seattle Police Department");
        assertThat(text(received)).contains("Hola, Ramona:", "Agente de Servicios Comunitarios", "Recursos Humanos")
                .doesNotContain("Hello", "thank you for applying");

        // the offer letter too, with the link to answer it
        Candidate candidate = TestUsers.asSystemGet(() -> {
            Long id = candidateId(email);
            hiring.screen(id, new Steps.Screening(true, null, null));
            hiring.recordBackgroundCheck(id, new Steps.BackgroundCheck(true, null));
            hiring.recordInterview(id, new Steps.Interview(85, InterviewRecommendation.RECOMMEND, null, null));
            hiring.recordUnionVetting(id, new Steps.UnionVetting(true, null, null));
            return hiring.extendOffer(id, Applicants.offer(users.staff(Role.SUPERVISOR)));
        });
        assertThat(candidate.getPreferredLanguage()).isEqualTo("es");
        mailer.sendPending();
        MimeMessage offer = mailsTo(email).stream().filter(m -> subject(m).contains("oferta")).findFirst().orElseThrow();
        assertThat(offer.getSubject()).isEqualTo("Su oferta condicional de Seattle Police Department");
        assertThat(text(offer)).contains("le ofrece un puesto de Agente de Servicios Comunitarios",
                "Turno: Mar-Sáb 10:30-19:00", "Programa: Orientación en los Servicios", "/offers/" + candidate.getOfferToken());
    }

    @Test
    void aBacklogOfOtherMailDoesNotHoldBackACandidatesMail() throws Exception {
        // e.g. task notices to every HR login that nobody delivered yet: more than one batch of the outbox
        String batch = "backlog-" + System.nanoTime();
        tx.executeWithoutResult(s -> {
            for (int i = 0; i < 120; i++) {
                mailer.queue(batch + ":" + i, batch + "-" + i + "@example.org", "Backlog " + i, "Queued earlier.");
            }
        });
        String email = Applicants.uniqueEmail("after-backlog");
        TestUsers.asSystem(() -> hiring.apply(new NewApplication("Rosa", "Vega", email, null, "Español", 2, 1,
                Education.HIGH_SCHOOL, true, true, null, null, "es", true), ApplicationSource.WEB));

        assertThat(mailer.sendPending()).isGreaterThanOrEqualTo(121);

        assertThat(onlyMailTo(email).getSubject()).isEqualTo("Su solicitud a Seattle Police Department");
        assertThat(onlyMailTo(batch + "-119@example.org").getSubject()).isEqualTo("Backlog 119");
        assertThat(mailer.sendPending()).as("nothing is left to send").isZero();
    }

    @Test
    void anEnglishSpeakingCandidateAndAnApiClientWithoutAPreferenceGetEnglish() throws Exception {
        String email = Applicants.uniqueEmail("dana");
        TestUsers.asSystem(() -> hiring.apply(new NewApplication("Dana", "Price", email, null, "English", 2, 1,
                Education.HIGH_SCHOOL, true, true, null, null, "en", true), ApplicationSource.WEB));
        String viaApi = Applicants.uniqueEmail("kim");
        String json = Applicants.json(new NewApplication("Kim", "Tran", viaApi, null, "English", 2, 1, Education.HIGH_SCHOOL,
                true, true, null, null, "en", true)).replace("\"preferredLanguage\":\"en\",", "");
        mvc.perform(post("/api/applications").contentType(MediaType.APPLICATION_JSON).content(json)
                        .header("Accept-Language", "es-US"))
                .andExpect(status().isCreated());
        mailer.sendPending();

        assertThat(onlyMailTo(email).getSubject()).isEqualTo("Your application to the Seattle Police Department");
        assertThat(text(onlyMailTo(email))).contains("Hello Dana,");
        // no language given: the client's Accept-Language decides
        assertThat(onlyMailTo(viaApi).getSubject()).isEqualTo("Su solicitud a Seattle Police Department");
        assertThat(hiring.candidate(candidateId(viaApi)).getPreferredLanguage()).isEqualTo("es");
    }

    @Test
    void aCsoWhoReadsSpanishGetsTheCertificateMailInSpanish() throws Exception {
        Officer officer = TestUsers.asSystemGet(() -> people.hire(new NewOfficer("Inés", "Morales",
                Applicants.uniqueEmail("ines"), null, "North", ProgramComponent.YOUTH_SERVICES, ShiftPattern.MON_FRI_DAY,
                users.staff(Role.SUPERVISOR), LocalDate.now().minusWeeks(10), null)));
        String login = TestUsers.asSystemGet(() -> people.createOfficerLogin(officer.getId(), "es")).username();
        assertThat(people.languageOf(login)).contains("es");
        TestUsers.asSystem(() -> tx.executeWithoutResult(s -> events.publishEvent(new AcademyCompleted(officer.getId(),
                null, "Cohort Fall", LocalDate.now().minusDays(3), List.of()))));
        String process = certifications.ofOfficer(officer.getId()).orElseThrow().getProcessInstanceId();
        Job issue = management.createJobQuery().processInstanceId(process).activityId("Task_IssueCertificate").singleResult();
        management.executeJob(issue.getId());
        String number = certifications.certificates(officer.getId()).get(0).getNumber();
        mailer.sendPending();

        MimeMessage received = onlyMailTo(officer.getEmail());
        assertThat(received.getSubject()).isEqualTo("Su certificado de Agente de Servicios Comunitarios " + number);
        assertThat(text(received)).contains("¡Felicitaciones, Inés!", "está listo",
                "/verify/" + number);
        // and the certificate itself is Spanish
        String pdfText = new org.apache.pdfbox.text.PDFTextStripper().getText(org.apache.pdfbox.Loader.loadPDF(
                certifications.file(certifications.certificates(officer.getId()).get(0))));
        assertThat(pdfText).contains("Certificado de Finalización", "Se certifica que");
    }

    private MimeMessage onlyMailTo(String address) throws Exception {
        List<MimeMessage> found = mailsTo(address);
        assertThat(found).as("mails to " + address).hasSize(1);
        return found.get(0);
    }

    private static List<MimeMessage> mailsTo(String address) throws Exception {
        List<MimeMessage> found = new ArrayList<>();
        for (MimeMessage m : mail.getReceivedMessages()) {
            if (m.getAllRecipients()[0].toString().equalsIgnoreCase(address)) {
                found.add(m);
            }
        }
        return found;
    }

    private static String subject(MimeMessage m) {
        try {
            return m.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The text of a plain-text mail, decoded. */
    private static String text(MimeMessage message) throws Exception {
        return message.getContent().toString().replace("\r\n", "\n");
    }

    private Long candidateId(String email) {
        return jdbc.queryForObject("select id from cso.candidate where email = ?", Long.class, email);
    }
}
