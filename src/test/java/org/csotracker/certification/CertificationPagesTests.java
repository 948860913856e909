package org.csotracker.certification;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Job;
import org.csotracker.academy.Academy;
import org.csotracker.academy.Cohort;
import org.csotracker.academy.Recruits;
import org.csotracker.documents.CertificatePdf;
import org.csotracker.people.Officer;
import org.csotracker.people.People;
import org.csotracker.people.Role;
import org.csotracker.support.CsoTrackerTest;
import org.csotracker.support.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

/**
 * The certification pages through MockMvc: the CSO's own page, downloads and outside-training
 * submissions; the staff's readiness, officer, review and session pages; public verification.
 */
@CsoTrackerTest
class CertificationPagesTests {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    /** Public verification is rate-limited per address: these tests use their own. */
    private static final String CLIENT_ADDRESS = "198.51.100.23";
    private static final byte[] PDF = "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
            .getBytes(StandardCharsets.ISO_8859_1);

    @Autowired
    MockMvc mvc;
    @Autowired
    TestUsers users;
    @Autowired
    People people;
    @Autowired
    Certifications certifications;
    @Autowired
    ContinuingEducation education;
    @Autowired
    Academy academy;
    @Autowired
    CertificatePdf certificatePdf;
    @Autowired
    ManagementService management;
    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    JdbcTemplate jdbc;

    String supervisor;

    @BeforeEach
    void setUp() {
        supervisor = users.staff(Role.SUPERVISOR);
    }

    // ---- the CSO's own page -----------------------------------------------------------------

    @Test
    void csoSeesTheirStatusWithProgressBarsAndCertificateLinks() throws Exception {
        Cso cso = certifiedCso("Amina", LocalDate.now().minusDays(100));
        record(cso.officer(), "MIDYEAR_PROGRAM", "Midyear program, day 1", 8, LocalDate.now().minusDays(20));
        Certificate certificate = certifications.certificates(cso.officer().getId()).get(0);
        long daysLeft = certifications.daysLeft(certifications.ofOfficer(cso.officer().getId()).orElseThrow());

        String html = body(get("/me").with(users.as(cso.username())));

        assertThat(html).contains("My certification", cso.officer().getFullName(), cso.officer().getEmployeeNumber())
                .contains(">Active<").contains("Expires in " + daysLeft + " days, on ")
                .contains("8 of 40 hours done this period");
        assertThat(count(html, "role=\"progressbar\"")).as("one bar per requirement").isEqualTo(3);
        assertThat(html).contains("aria-valuenow=\"50\"", "aria-valuetext=\"8 of 16 hours\"", "8 of 16 h")
                .contains("aria-valuenow=\"0\"", "0 of 8 h");
        assertThat(html).contains("href=\"/me/certificates/" + certificate.getNumber() + ".pdf\"")
                .contains("href=\"/verify/" + certificate.getNumber() + "\"")
                .contains("Academy transcript", "Deadlines", "Submit outside training", "Status history");

        MvcResult pdf = mvc.perform(get("/me/certificates/{n}.pdf", certificate.getNumber()).with(users.as(cso.username())))
                .andExpect(status().isOk()).andExpect(content().contentType(MediaType.APPLICATION_PDF))
                .andExpect(header().string("Content-Disposition", "attachment; filename=\"" + certificate.getNumber() + ".pdf\""))
                .andReturn();
        assertThat(pdf.getResponse().getContentAsByteArray()).isEqualTo(certifications.file(certificate));
    }

    @Test
    void theCountdownSaysWhenTheGracePeriodEndsAndWhenACertificationLapsed() throws Exception {
        Cso grace = certifiedCso("Gita", LocalDate.now().minusMonths(24).minusDays(10));
        Cso lapsed = certifiedCso("Lars", LocalDate.now().minusMonths(24).minusDays(45));
        runDueJobs(grace.officer());
        runDueJobs(lapsed.officer());
        Certification inGrace = certifications.ofOfficer(grace.officer().getId()).orElseThrow();
        Certification over = certifications.ofOfficer(lapsed.officer().getId()).orElseThrow();
        assertThat(inGrace.getStatus()).isEqualTo(CertificationStatus.EXPIRING);
        assertThat(over.getStatus()).isEqualTo(CertificationStatus.LAPSED);

        String html = body(get("/me").with(users.as(grace.username())));
        assertThat(html).contains(">Grace period<", "In grace period until ", inGrace.getGraceUntil().toString())
                .containsPattern("<strong>" + inGrace.getGraceUntil() + "</strong>\\s*<span[^>]*>\\(in \\d+ days\\)</span>\\s*"
                        + "<div>Complete continuing education: 0 of 16 h Midyear")
                .contains("Certification expired").contains("Submit outside training");

        String gone = body(get("/me").with(users.as(lapsed.username())));
        assertThat(gone).contains(">Lapsed<", "Lapsed on ", over.getGraceUntil().toString(), ">LAPSED<", "No deadlines.");
    }

    @Test
    void aCsoCannotDownloadAnotherOfficersCertificate() throws Exception {
        Cso mine = certifiedCso("Bea", LocalDate.now().minusDays(10));
        Cso other = certifiedCso("Cruz", LocalDate.now().minusDays(10));
        String theirs = certifications.certificates(other.officer().getId()).get(0).getNumber();

        mvc.perform(get("/me/certificates/{n}.pdf", theirs).with(users.as(mine.username())))
                .andExpect(status().isNotFound()).andExpect(content().string(org.hamcrest.Matchers.not(
                        org.hamcrest.Matchers.containsString("%PDF"))));
        mvc.perform(get("/me/certificates/{n}.pdf", "CSO-2000-000000-0").with(users.as(mine.username())))
                .andExpect(status().isNotFound());
    }

    @Test
    void staffPagesOfAnOfficerAreForbiddenToCsosAndHiddenFromOtherUnits() throws Exception {
        Cso mine = certifiedCso("Dara", LocalDate.now().minusDays(10));
        Cso other = certifiedCso("Emil", LocalDate.now().minusDays(10));
        String otherSupervisor = users.ensure("supervisor-elsewhere", Set.of(Role.SUPERVISOR), null);

        mvc.perform(get("/certification/officers/{id}", other.officer().getId()).with(users.as(mine.username())))
                .andExpect(status().isForbidden());
        mvc.perform(get("/certification/officers/{id}", other.officer().getId()).with(users.as(otherSupervisor)))
                .andExpect(status().isNotFound());
        String page = body(get("/certification/officers/{id}", other.officer().getId()).with(users.as(supervisor)));
        assertThat(page).contains(other.officer().getFullName(), "Certification status", "Academy transcript")
                .doesNotContain("Revoke the certification", "Record continuing education")
                .doesNotContain("/me/certificates/");
    }

    @Test
    void aRecruitStillInTheAcademySeesHowFarTheyHaveCome() throws Exception {
        Officer recruit = Recruits.hire(people, "Fola", unique("Recruit"), supervisor);
        Cohort cohort = Recruits.cohort(academy, users.staff(Role.COORDINATOR), LocalDate.now().minusWeeks(1), 10);
        TestUsers.asSystem(() -> academy.enroll(cohort.getId(), recruit.getId()));
        TestUsers.asSystem(() -> academy.recordResult(recruit.getId(), "DE-ESCALATION", Recruits.score(91)));
        String login = users.ensure("cso-recruit-" + SEQUENCE.incrementAndGet(), Set.of(Role.CSO), recruit.getId());

        String html = body(get("/me").with(users.as(login)));

        assertThat(html).contains("You are not certified yet", "You are in the academy:", "1 of 2 modules passed")
                .contains(cohort.getName()).contains("De-escalation").contains(">Pass<")
                .doesNotContain("Submit outside training", "role=\"progressbar\"");

        String unlinked = users.ensure("cso-without-officer", Set.of(Role.CSO), null);
        assertThat(body(get("/me").with(users.as(unlinked)))).contains("Your login is not linked to an officer record");
    }

    // ---- outside training -------------------------------------------------------------------

    @Test
    void anExecutableRenamedToPdfIsRefusedAndNothingIsSaved() throws Exception {
        Cso cso = certifiedCso("Gus", LocalDate.now().minusDays(30));
        byte[] exe = new byte[2048];
        exe[0] = 'M';
        exe[1] = 'Z';
        Arrays.fill(exe, 2, 64, (byte) 0x90);

        String html = submit(cso, "Defensive driving", new MockMultipartFile("evidence", "certificate.pdf",
                "application/pdf", exe)).andExpect(status().isUnsupportedMediaType())
                .andExpect(view().name("certification/me")).andReturn().getResponse().getContentAsString();

        assertThat(html).contains("The evidence file must be a PDF, PNG or JPEG file")
                .contains("value=\"Defensive driving\"");
        assertThat(records(cso)).isZero();
    }

    @Test
    void aFileOverFiveMegabytesIsRefusedWithAFriendlyMessage() throws Exception {
        Cso cso = certifiedCso("Hiro", LocalDate.now().minusDays(30));
        byte[] big = Arrays.copyOf(PDF, (int) ContinuingEducation.EVIDENCE_MAX_BYTES + 1);

        String html = submit(cso, "Big scan", new MockMultipartFile("evidence", "scan.pdf", "application/pdf", big))
                .andExpect(status().isPayloadTooLarge()).andReturn().getResponse().getContentAsString();

        assertThat(html).contains("The evidence file is larger than 5 MB");
        assertThat(records(cso)).isZero();

        String missing = submit(cso, "No file", null).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(missing).contains("The evidence file is required");
        assertThat(records(cso)).isZero();
    }

    @Test
    void aValidPdfIsSavedPendingAndTheCoordinatorApprovesIt() throws Exception {
        Cso cso = certifiedCso("Ines", LocalDate.now().minusDays(60));
        String title = unique("Mental Health First Aid");

        submit(cso, title, new MockMultipartFile("evidence", "mhfa.pdf", "application/pdf", PDF))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/me"))
                .andExpect(flash().attribute("saved", org.hamcrest.Matchers.containsString(title)));
        ContinuingEducationRecord saved = education.of(cso.officer().getId()).get(0);
        assertThat(saved.getStatus()).isEqualTo(CeStatus.PENDING);
        assertThat(saved.getTitle()).isEqualTo(title);
        assertThat(body(get("/me").with(users.as(cso.username())))).contains(title, "Waiting for review")
                .contains("0 of 16 h").contains("0 of 40 hours done");

        RequestPostProcessor coordinator = users.as(Role.COORDINATOR);
        String queue = body(get("/certification/submissions").with(coordinator));
        assertThat(queue).contains(title, cso.officer().getFullName(), "mhfa.pdf")
                .contains("href=\"/certification/submissions/" + saved.getId() + "/evidence\"");
        assertThat(mvc.perform(get("/certification/submissions/{id}/evidence", saved.getId()).with(coordinator))
                .andExpect(status().isOk()).andExpect(content().contentType(MediaType.APPLICATION_PDF))
                .andReturn().getResponse().getContentAsByteArray()).isEqualTo(PDF);

        mvc.perform(post("/certification/submissions/{id}/review", saved.getId()).with(coordinator).with(csrf())
                        .param("approved", "true"))
                .andExpect(redirectedUrl("/certification/submissions"))
                .andExpect(flash().attribute("saved", org.hamcrest.Matchers.startsWith("Approved")));

        assertThat(education.submission(saved.getId()).getStatus()).isEqualTo(CeStatus.APPROVED);
        String after = body(get("/me").with(users.as(cso.username())));
        assertThat(rowOf(after, title)).contains("Approved").doesNotContain("Waiting for review");
        assertThat(after).contains("6 of 16 h").contains("6 of 40 hours done");
        assertThat(body(get("/certification/submissions").with(coordinator))).doesNotContain(title);
    }

    @Test
    void rejectingWithoutAReasonShowsAnErrorAndTheCsoLaterSeesTheReason() throws Exception {
        Cso cso = certifiedCso("Jae", LocalDate.now().minusDays(60));
        String title = unique("Webinar");
        submit(cso, title, new MockMultipartFile("evidence", "webinar.png", "image/png", png()))
                .andExpect(status().is3xxRedirection());
        Long id = education.of(cso.officer().getId()).get(0).getId();
        RequestPostProcessor coordinator = users.as(Role.COORDINATOR);

        String refused = mvc.perform(post("/certification/submissions/{id}/review", id).with(coordinator).with(csrf())
                        .param("approved", "false").param("reason", " "))
                .andExpect(status().isOk()).andExpect(view().name("certification/submissions"))
                .andReturn().getResponse().getContentAsString();
        assertThat(refused).contains("The reason is required when rejecting, so the CSO knows why")
                .contains("id=\"reason-" + id + "\"");
        assertThat(education.submission(id).getStatus()).isEqualTo(CeStatus.PENDING);

        mvc.perform(post("/certification/submissions/{id}/review", id).with(coordinator).with(csrf())
                        .param("approved", "false").param("reason", "The certificate shows no hours."))
                .andExpect(redirectedUrl("/certification/submissions"));
        String page = body(get("/me").with(users.as(cso.username())));
        assertThat(rowOf(page, title)).contains("Rejected", "The certificate shows no hours.");
    }

    @Test
    void htmlInContinuingEducationTitlesIsEscaped() throws Exception {
        Cso cso = certifiedCso("Kai", LocalDate.now().minusDays(60));
        String title = "<script>alert('x')</script><b>bold</b> " + SEQUENCE.incrementAndGet();
        submit(cso, title, new MockMultipartFile("evidence", "<img src=x>.pdf", "application/pdf", PDF))
                .andExpect(status().is3xxRedirection());
        record(cso.officer(), "ELECTIVE", "<i>recorded</i> & more", 2, LocalDate.now().minusDays(3));

        String mine = body(get("/me").with(users.as(cso.username())));
        String queue = body(get("/certification/submissions").with(users.as(Role.COORDINATOR)));
        String staff = body(get("/certification/officers/{id}", cso.officer().getId()).with(users.as(Role.HR)));
        for (String html : List.of(mine, queue, staff)) {
            assertThat(html).doesNotContain("<script>alert", "<b>bold</b>", "<i>recorded</i>", "<img src=x>")
                    .contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&lt;b&gt;bold&lt;/b&gt;");
        }
        assertThat(mine).contains("&lt;i&gt;recorded&lt;/i&gt; &amp; more");
    }

    // ---- staff ------------------------------------------------------------------------------

    @Test
    void readinessShowsTheUnitMostUrgentFirstWithCounts() throws Exception {
        String sergeant = users.ensure("supervisor-readiness", Set.of(Role.SUPERVISOR), null);
        Officer active = Graduates.graduate(people, events, tx, "Lena", unique("Active"), sergeant, LocalDate.now().minusDays(5));
        Officer expiring = Graduates.graduate(people, events, tx, "Milo", unique("Expiring"), sergeant,
                LocalDate.now().minusMonths(24).plusDays(20));
        Officer lapsed = Graduates.graduate(people, events, tx, "Nour", unique("Lapsed"), sergeant,
                LocalDate.now().minusMonths(24).minusDays(40));
        Officer recruit = Recruits.hire(people, "Otis", unique("Recruit"), sergeant);
        for (Officer o : List.of(active, expiring, lapsed)) {
            runDueJobs(o);
        }
        assertThat(certificationStatus(expiring)).isEqualTo(CertificationStatus.EXPIRING);
        assertThat(certificationStatus(lapsed)).isEqualTo(CertificationStatus.LAPSED);

        MvcResult result = mvc.perform(get("/certification").with(users.as(sergeant)))
                .andExpect(status().isOk()).andExpect(view().name("certification/readiness")).andReturn();
        String html = result.getResponse().getContentAsString();

        assertThat(html).contains("My unit&#39;s readiness", "4 officers");
        List<String> order = names(html);
        assertThat(order).containsExactly(lapsed.getFullName(), expiring.getFullName(), active.getFullName(), recruit.getFullName());
        assertThat(html).contains("aria-label=\"Active: 1\"", "aria-label=\"Expiring: 1\"", "aria-label=\"Lapsed: 1\"",
                "aria-label=\"Not certified yet: 1\"").doesNotContain("aria-label=\"Revoked");
        long days = certifications.daysLeft(certifications.ofOfficer(expiring.getId()).orElseThrow());
        assertThat(html).contains(days + " days").contains(">lapsed<");

        String all = body(get("/certification").with(users.as(Role.HR)));
        assertThat(all).contains("Certification readiness", lapsed.getFullName(), active.getFullName())
                .doesNotContain(recruit.getFullName());
        assertThat(body(get("/certification").with(users.as(Role.COORDINATOR))))
                .contains("href=\"/certification/submissions\"", "href=\"/certification/sessions\"");
        mvc.perform(get("/certification").with(users.as(users.ensure("cso-readiness", Set.of(Role.CSO), null))))
                .andExpect(status().isForbidden());
    }

    @Test
    void anAdministratorRevokesAndVerificationShowsRevokedAtOnce() throws Exception {
        Cso cso = certifiedCso("Pita", LocalDate.now().minusDays(15));
        String number = certifications.certificates(cso.officer().getId()).get(0).getNumber();
        RequestPostProcessor admin = users.as(Role.ADMIN);
        assertThat(publicBody(get("/verify/{n}", number))).contains(">VALID<");
        assertThat(body(get("/certification/officers/{id}", cso.officer().getId()).with(admin)))
                .contains("Revoke the certification").doesNotContain("Record continuing education");

        String missing = mvc.perform(post("/certification/officers/{id}/revocation", cso.officer().getId()).with(admin)
                        .with(csrf()).param("reason", ""))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(missing).contains("id=\"reason-error\">is required<").contains("is-invalid");
        assertThat(certificationStatus(cso.officer())).isEqualTo(CertificationStatus.ACTIVE);

        mvc.perform(post("/certification/officers/{id}/revocation", cso.officer().getId()).with(admin).with(csrf())
                        .param("reason", "Misconduct finding, case 2026-114"))
                .andExpect(redirectedUrl("/certification/officers/" + cso.officer().getId()));

        assertThat(certificationStatus(cso.officer())).isEqualTo(CertificationStatus.REVOKED);
        assertThat(publicBody(get("/verify/{n}", number))).contains(">REVOKED<", "This certification was revoked")
                .doesNotContain(">VALID<");
        assertThat(body(get("/me").with(users.as(cso.username())))).contains(">Revoked<", "Misconduct finding, case 2026-114")
                .doesNotContain("Submit outside training");
        mvc.perform(post("/certification/officers/{id}/revocation", cso.officer().getId()).with(users.as(Role.COORDINATOR))
                .with(csrf()).param("reason", "not mine to do")).andExpect(status().isForbidden());
    }

    @Test
    void aCoordinatorRecordsHoursOnTheOfficerPage() throws Exception {
        Cso cso = certifiedCso("Quin", LocalDate.now().minusDays(40));
        RequestPostProcessor coordinator = users.as(Role.COORDINATOR);
        Long id = cso.officer().getId();

        String invalid = mvc.perform(post("/certification/officers/{id}/continuing-education", id).with(coordinator).with(csrf())
                        .param("category", "ELECTIVE").param("title", "First aid").param("hours", "0")
                        .param("completedOn", LocalDate.now().plusDays(3).toString()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(invalid).contains("must be at least 0.5").contains("value=\"First aid\"");
        assertThat(records(cso)).isZero();

        mvc.perform(post("/certification/officers/{id}/continuing-education", id).with(coordinator).with(csrf())
                        .param("category", "DE_ESCALATION_REFRESHER").param("title", "De-escalation refresher")
                        .param("provider", "Training Center").param("hours", "4")
                        .param("completedOn", LocalDate.now().minusDays(2).toString()))
                .andExpect(redirectedUrl("/certification/officers/" + id))
                .andExpect(flash().attribute("saved", "Recorded 4 h of \"De-escalation refresher\"."));
        assertThat(body(get("/certification/officers/{id}", id).with(coordinator)))
                .contains("De-escalation refresher", "4 of 8 h", "Record continuing education");
    }

    @Test
    void aSessionIsRecordedForEveryoneOrNobody() throws Exception {
        Officer first = certifiedCso("Rui", LocalDate.now().minusDays(50)).officer();
        Officer second = certifiedCso("Sam", LocalDate.now().minusDays(50)).officer();
        RequestPostProcessor coordinator = users.as(Role.COORDINATOR);
        String title = unique("Midyear program");
        String date = LocalDate.now().minusDays(1).toString();

        assertThat(body(get("/certification/sessions").with(coordinator))).contains("Record a training session", "Attendees");
        String refused = mvc.perform(post("/certification/sessions").with(coordinator).with(csrf())
                        .param("category", "MIDYEAR_PROGRAM").param("title", title).param("hours", "8").param("completedOn", date)
                        .param("attendees", first.getEmployeeNumber() + "\n\nCSO-99999\n" + second.getEmployeeNumber() + ", 6\n"
                                + first.getEmployeeNumber()))
                .andExpect(status().isOk()).andExpect(view().name("certification/sessions"))
                .andReturn().getResponse().getContentAsString();
        assertThat(refused).contains("Nothing was recorded: 2 lines need correcting first")
                .containsPattern("Line <span>3</span> \\(<code>CSO-99999</code>\\):\\s*<span>is not a known officer</span>")
                .containsPattern("Line <span>5</span> \\(<code>" + first.getEmployeeNumber() + "</code>\\):\\s*<span>is listed twice \\(also on line 1\\)</span>")
                .contains(title);
        assertThat(records(first) + records(second)).isZero();

        mvc.perform(post("/certification/sessions").with(coordinator).with(csrf())
                        .param("category", "MIDYEAR_PROGRAM").param("title", title).param("hours", "8").param("completedOn", date)
                        .param("attendees", first.getEmployeeNumber() + "\n" + second.getEmployeeNumber().toLowerCase() + ", 6\n"))
                .andExpect(redirectedUrl("/certification/sessions"))
                .andExpect(flash().attribute("saved", "Recorded \"" + title + "\" for 2 officers."));
        assertThat(education.of(first.getId())).extracting(r -> r.getHours().intValue()).containsExactly(8);
        assertThat(education.of(second.getId())).extracting(r -> r.getHours().intValue()).containsExactly(6);

        String blank = mvc.perform(post("/certification/sessions").with(coordinator).with(csrf())
                        .param("category", "MIDYEAR_PROGRAM").param("title", "").param("hours", "8").param("completedOn", date)
                        .param("attendees", ""))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(blank).contains("must list at least one employee number", "is required");
    }

    // ---- public verification ----------------------------------------------------------------

    @Test
    void verificationByNumberShowsTheLiveStatusAndHolderOnly() throws Exception {
        Cso cso = certifiedCso("Tala", LocalDate.now().minusDays(20));
        Certificate certificate = certifications.certificates(cso.officer().getId()).get(0);

        String html = publicBody(get("/verify/{n}", certificate.getNumber()));
        assertThat(html).contains("Certificate verification", certificate.getNumber(), ">VALID<",
                "This certificate is valid today.", cso.officer().getFullName(),
                certificate.getPeriodStart().toString(), certificate.getPeriodEnd().toString())
                .doesNotContain(cso.officer().getEmployeeNumber(), cso.officer().getEmail(), "Sign out");

        mvc.perform(get("/verify").param("number", " " + certificate.getNumber().toLowerCase() + " ").with(client()))
                .andExpect(redirectedUrl("/verify/" + certificate.getNumber()));
        assertThat(mvc.perform(get("/verify").param("number", "<b>x</b>").with(client())).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString()).contains("is not a certificate number")
                .doesNotContain("<b>x</b>");

        String unknown = mvc.perform(get("/verify/{n}", "CSO-1999-999999-9").with(client()))
                .andExpect(status().isNotFound()).andExpect(view().name("verify/not-found"))
                .andReturn().getResponse().getContentAsString();
        assertThat(unknown).contains("Certificate not found", "CSO-1999-999999-9").doesNotContain("VALID");
    }

    @Test
    void anAlteredOrForeignFileIsNotGenuine() throws Exception {
        Cso cso = certifiedCso("Uma", LocalDate.now().minusDays(20));
        byte[] issued = certifications.file(certifications.certificates(cso.officer().getId()).get(0));
        byte[] altered = Arrays.copyOf(issued, issued.length + 1);
        altered[issued.length] = '\n';

        for (byte[] file : List.of(altered, PDF)) {
            String html = publicBody(multipart("/verify").file(new MockMultipartFile("pdf", "certificate.pdf",
                    "application/pdf", file)).with(csrf()));
            assertThat(html).contains("Not issued by this department or altered").doesNotContain("Genuine and unchanged");
        }
        String none = mvc.perform(multipart("/verify").with(csrf()).with(client())).andExpect(status().isBadRequest())
                .andReturn().getResponse().getContentAsString();
        assertThat(none).contains("The file is required");
    }

    /**
     * Needs the signed renderer from the documents branch: the placeholder {@link CertificatePdf}
     * signs nothing, so both the signature and this page say "not genuine" until that lands.
     */
    @Test
    void theFileTheSystemIssuedIsGenuineAndUnchanged() throws Exception {
        Cso cso = certifiedCso("Vera", LocalDate.now().minusDays(20));
        Certificate certificate = certifications.certificates(cso.officer().getId()).get(0);
        byte[] issued = certifications.file(certificate);

        assertThat(certificatePdf.verify(issued).genuine()).as("the issued PDF carries this system's valid signature").isTrue();
        String html = publicBody(multipart("/verify").file(new MockMultipartFile("pdf", certificate.getNumber() + ".pdf",
                "application/pdf", issued)).with(csrf()));
        assertThat(html).contains("Genuine and unchanged", certificate.getNumber(), ">VALID<", cso.officer().getFullName())
                .doesNotContain("Not issued by this department or altered");
    }

    // ---- helpers ----------------------------------------------------------------------------

    record Cso(Officer officer, String username) {
    }

    /** An officer certified on that day, their certificate issued, with a CSO login. */
    private Cso certifiedCso(String first, LocalDate completedOn) {
        Officer officer = Graduates.graduate(people, events, tx, first, unique("Pages"), supervisor, completedOn);
        Certification c = certifications.ofOfficer(officer.getId()).orElseThrow();
        Job issue = management.createJobQuery().processInstanceId(c.getProcessInstanceId()).activityId("Task_IssueCertificate")
                .singleResult();
        management.executeJob(issue.getId());
        assertThat(certifications.certificates(officer.getId())).hasSize(1);
        String username = users.ensure("cso-" + first.toLowerCase() + "-" + SEQUENCE.incrementAndGet(), Set.of(Role.CSO),
                officer.getId());
        return new Cso(people.officer(officer.getId()), username);
    }

    /** Runs every job of the officer's certification process that is due now, as the job executor would. */
    private void runDueJobs(Officer officer) {
        String process = certifications.ofOfficer(officer.getId()).orElseThrow().getProcessInstanceId();
        for (int i = 0; i < 30; i++) {
            List<Job> due = management.createJobQuery().processInstanceId(process).executable().list();
            if (due.isEmpty()) {
                return;
            }
            management.executeJob(due.get(0).getId());
        }
    }

    private CertificationStatus certificationStatus(Officer officer) {
        return certifications.ofOfficer(officer.getId()).orElseThrow().getStatus();
    }

    private void record(Officer officer, String category, String title, int hours, LocalDate on) {
        TestUsers.asSystem(() -> education.record(officer.getId(), new CeEntry(category, title, "Training Center",
                BigDecimal.valueOf(hours), on)));
    }

    private ResultActions submit(Cso cso, String title, MockMultipartFile evidence) throws Exception {
        var request = multipart("/me/continuing-education");
        if (evidence != null) {
            request.file(evidence);
        }
        return mvc.perform(request.param("category", "ELECTIVE").param("title", title).param("provider", "Red Cross")
                .param("hours", "6").param("completedOn", LocalDate.now().minusDays(7).toString())
                .with(users.as(cso.username())).with(csrf()));
    }

    private long records(Cso cso) {
        return records(cso.officer());
    }

    private long records(Officer officer) {
        return jdbc.queryForObject("select count(*) from cso.ce_record where officer_id = ?", Long.class, officer.getId());
    }

    private String body(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    /** An anonymous request from this class's own address, so other tests' verifications do not use up its allowance. */
    private String publicBody(MockHttpServletRequestBuilder request) throws Exception {
        return body(request.with(client()));
    }

    private static RequestPostProcessor client() {
        return request -> {
            request.setRemoteAddr(CLIENT_ADDRESS);
            return request;
        };
    }

    /** The list item of the continuing-education record with that title. */
    private static String rowOf(String html, String title) {
        String escaped = title.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
        int at = html.indexOf("<strong class=\"ce-title\">" + escaped + "<");
        assertThat(at).as("record " + title).isPositive();
        return html.substring(html.lastIndexOf("<li", at), html.indexOf("</li>", at));
    }

    /** Officer names in the readiness table, top to bottom. */
    private static List<String> names(String html) {
        Matcher m = Pattern.compile("href=\"/certification/officers/\\d+\">([^<]+)</a>").matcher(html);
        List<String> names = new java.util.ArrayList<>();
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    private static int count(String text, String part) {
        return text.split(Pattern.quote(part), -1).length - 1;
    }

    private static String unique(String stem) {
        return stem + Long.toString(System.nanoTime(), 36).substring(4);
    }

    /** The smallest PNG header the evidence check recognizes. */
    private static byte[] png() {
        byte[] png = new byte[64];
        byte[] signature = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
        System.arraycopy(signature, 0, png, 0, signature.length);
        return png;
    }
}
