package org.csotracker.certification;

import java.time.LocalDate;
import java.util.Set;

import org.camunda.bpm.engine.ManagementService;
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
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The certification API: own records only, staff views per unit, CE rules, uploads, revocation, verification. */
@CsoTrackerTest
class CertificationApiTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    TestUsers users;
    @Autowired
    People people;
    @Autowired
    Certifications certifications;
    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    ManagementService management;
    @Autowired
    JdbcTemplate jdbc;

    String supervisor;

    @BeforeEach
    void setUp() {
        supervisor = users.staff(Role.SUPERVISOR);
    }

    @Test
    void csosSeeAndDownloadOnlyTheirOwn() throws Exception {
        Officer mine = certified("Uma", "Mine");
        Officer theirs = certified("Vic", "Theirs");
        String cso = login(mine);
        String myNumber = certifications.certificates(mine.getId()).get(0).getNumber();
        String theirNumber = certifications.certificates(theirs.getId()).get(0).getNumber();

        mvc.perform(get("/api/me/certification").with(users.as(cso))).andExpect(status().isOk())
                .andExpect(jsonPath("$.certificationStatus").value("ACTIVE"))
                .andExpect(jsonPath("$.requirements.length()").value(3))
                .andExpect(jsonPath("$.certificates[0].number").value(myNumber));
        mvc.perform(get("/api/me/certificates/{n}.pdf", myNumber).with(users.as(cso)))
                .andExpect(status().isOk()).andExpect(content().contentType(MediaType.APPLICATION_PDF));
        mvc.perform(get("/api/me/certificates/{n}.pdf", theirNumber).with(users.as(cso))).andExpect(status().isNotFound());
        mvc.perform(get("/api/officers/{id}/certification", theirs.getId()).with(users.as(cso))).andExpect(status().isForbidden());
    }

    @Test
    void supervisorsSeeTheirUnitOnly() throws Exception {
        Officer officer = certified("Wes", "Unit");
        String other = users.ensure("supervisor-elsewhere", Set.of(Role.SUPERVISOR), null);
        mvc.perform(get("/api/officers/{id}/certification", officer.getId()).with(users.as(supervisor))).andExpect(status().isOk());
        mvc.perform(get("/api/officers/{id}/certification", officer.getId()).with(users.as(other))).andExpect(status().isNotFound());
        mvc.perform(get("/api/certification/readiness").with(users.as(other)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.rows[?(@.officerId == " + officer.getId() + ")]").isEmpty());
        mvc.perform(get("/api/certification/readiness").with(users.as(supervisor)))
                .andExpect(jsonPath("$.rows[?(@.officerId == " + officer.getId() + ")].certificationStatus").value(hasItem("ACTIVE")));
    }

    @Test
    void everyonesReadinessIsPagedInTheDatabaseMostUrgentFirstWithCountsOfAll() throws Exception {
        certified("Zed", "Current");
        Officer lapsed = certified("Yael", "Lapsed");
        jdbc.update("update cso.certification set status = 'LAPSED' where officer_id = ?", lapsed.getId());
        long all = jdbc.queryForObject("select count(*) from cso.certification", Long.class);
        mvc.perform(get("/api/certification/readiness").param("size", "1").with(users.as(Role.COORDINATOR)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.rows.length()").value(1))
                .andExpect(jsonPath("$.rows[0].certificationStatus").value("LAPSED"))
                .andExpect(jsonPath("$.totalPages").value((int) all))
                .andExpect(jsonPath("$.counts.LAPSED").value(org.hamcrest.Matchers.greaterThanOrEqualTo(1)));
        mvc.perform(get("/api/certification/readiness").param("size", "501").with(users.as(Role.COORDINATOR)))
                .andExpect(status().isBadRequest());
    }

    @Test
    void continuingEducationIsValidatedAndCountedOnce() throws Exception {
        Officer officer = certified("Xia", "Hours");
        String course = """
                {"category":"MIDYEAR_PROGRAM","title":"Midyear 2026","hours":8,"completedOn":"%s"}""".formatted(LocalDate.now());
        ce(officer, course.replace("MIDYEAR_PROGRAM", "KNITTING")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("category"));
        ce(officer, course.replace(LocalDate.now().toString(), LocalDate.now().plusDays(2).toString()))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("completedOn"));
        String first = ce(officer, course).andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        String again = ce(officer, course).andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        assertThat(again.replaceAll(".*\"id\":(\\d+).*", "$1")).isEqualTo(first.replaceAll(".*\"id\":(\\d+).*", "$1"));
        ce(officer, course.replace("\"hours\":8", "\"hours\":6")).andExpect(status().isConflict());
        mvc.perform(get("/api/officers/{id}/certification", officer.getId()).with(users.as(Role.COORDINATOR)))
                .andExpect(jsonPath("$.requirements[?(@.category == 'MIDYEAR_PROGRAM')].done").value(hasItem(8.0)));
        mvc.perform(post("/api/officers/{id}/continuing-education", officer.getId()).with(users.as(Role.HR)).with(csrf())
                .contentType(MediaType.APPLICATION_JSON).content(course)).andExpect(status().isForbidden());
    }

    @Test
    void sessionBulkIsAllOrNothing() throws Exception {
        Officer a = certified("Yan", "Session");
        Officer b = certified("Zed", "Session");
        long before = ceCount();
        String session = """
                {"category":"DE_ESCALATION_REFRESHER","title":"Spring refresher","hours":4,"completedOn":"%s",
                 "attendees":[{"employeeNumber":"%s"},{"employeeNumber":"CSO-00000"},{"officerId":%d},{"officerId":%d,"hours":-2}]}"""
                .formatted(LocalDate.now(), a.getEmployeeNumber(), b.getId(), a.getId());
        mvc.perform(post("/api/continuing-education/bulk").with(users.as(Role.COORDINATOR)).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content(session))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[?(@.field == 'attendees[1].officerId')]").exists())
                .andExpect(jsonPath("$.errors[?(@.field == 'attendees[3].hours')]").exists());
        assertThat(ceCount()).isEqualTo(before);
        String good = session.replace(",{\"employeeNumber\":\"CSO-00000\"}", "").replace(",{\"officerId\":" + a.getId() + ",\"hours\":-2}", "");
        mvc.perform(post("/api/continuing-education/bulk").with(users.as(Role.COORDINATOR)).with(csrf())
                .contentType(MediaType.APPLICATION_JSON).content(good)).andExpect(status().isOk())
                .andExpect(jsonPath("$.recorded").value(2));
        mvc.perform(post("/api/continuing-education/bulk").with(users.as(Role.COORDINATOR)).with(csrf())
                .contentType(MediaType.APPLICATION_JSON).content(good)).andExpect(status().isOk())
                .andExpect(jsonPath("$.recorded").value(0)).andExpect(jsonPath("$.unchanged").value(2));
    }

    @Test
    void outsideTrainingNeedsRealEvidenceAndAReviewer() throws Exception {
        Officer officer = certified("Ana", "Submits");
        String cso = login(officer);
        long before = ceCount();
        submit(cso, new MockMultipartFile("evidence", "certificate.pdf", "application/pdf", "MZ this is an exe".getBytes()))
                .andExpect(status().isUnsupportedMediaType()).andExpect(jsonPath("$.errors[0].field").value("evidence"));
        submit(cso, new MockMultipartFile("evidence", "../../etc/passwd.pdf", "application/pdf", new byte[6 * 1024 * 1024]))
                .andExpect(status().isPayloadTooLarge()).andExpect(jsonPath("$.errors[0].message").value(containsString("5 MB")));
        assertThat(ceCount()).isEqualTo(before);

        String saved = submit(cso, new MockMultipartFile("evidence", "../../first-aid.pdf", "application/pdf",
                "%PDF-1.4 minimal".getBytes())).andExpect(status().isCreated())
                .andExpect(jsonPath("$.status").value("PENDING"))
                .andExpect(jsonPath("$.evidenceName").value("first-aid.pdf"))
                .andReturn().getResponse().getContentAsString();
        long id = Long.parseLong(saved.replaceAll(".*\"id\":(\\d+).*", "$1"));
        mvc.perform(post("/api/continuing-education/submissions/{id}/review", id).with(users.as(Role.COORDINATOR)).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"approved\":false}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("reason"));
        mvc.perform(post("/api/continuing-education/submissions/{id}/review", id).with(users.as(Role.COORDINATOR)).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"approved\":true}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("APPROVED"));
        mvc.perform(post("/api/continuing-education/submissions/{id}/review", id).with(users.as(Role.COORDINATOR)).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"approved\":true}"))
                .andExpect(status().isConflict());
    }

    @Test
    void revocationIsForAdminsAndShowsInVerificationAtOnce() throws Exception {
        Officer officer = certified("Bo", "Revoked");
        Certification c = certifications.ofOfficer(officer.getId()).orElseThrow();
        String number = certifications.certificates(officer.getId()).get(0).getNumber();
        mvc.perform(get("/api/verify/{n}", number)).andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("VALID")).andExpect(jsonPath("$.holderName").value("Bo Revoked"))
                .andExpect(jsonPath("$.officerId").doesNotExist()).andExpect(jsonPath("$.email").doesNotExist());
        mvc.perform(post("/api/certifications/{id}/revocation", c.getId()).with(users.as(Role.HR)).with(csrf())
                .contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"x\"}")).andExpect(status().isForbidden());
        mvc.perform(post("/api/certifications/{id}/revocation", c.getId()).with(users.as(Role.ADMIN)).with(csrf())
                .contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"\"}")).andExpect(status().isBadRequest());
        mvc.perform(post("/api/certifications/{id}/revocation", c.getId()).with(users.as(Role.ADMIN)).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"Misconduct finding\"}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.certificationStatus").value("REVOKED"));
        mvc.perform(get("/api/verify/{n}", number)).andExpect(jsonPath("$.status").value("REVOKED"));
    }

    @Test
    void unknownNumbersAreNotFoundAndLookupsAreRateLimited() throws Exception {
        mvc.perform(get("/api/verify/CSO-1999-000000-0")).andExpect(status().isNotFound())
                .andExpect(jsonPath("$.detail", containsString("No certificate")));
        int tooMany = 0;
        for (int i = 0; i < 65; i++) {
            int code = mvc.perform(get("/api/verify/CSO-1999-000000-0").with(r -> {
                r.setRemoteAddr("10.20.30.40");
                return r;
            })).andReturn().getResponse().getStatus();
            tooMany += code == 429 ? 1 : 0;
        }
        assertThat(tooMany).isPositive();
    }

    // ---- helpers ----------------------------------------------------------------------------

    private Officer certified(String first, String last) {
        Officer officer = Graduates.graduate(people, events, tx, first, last, supervisor, LocalDate.now().minusDays(1));
        Certification c = certifications.ofOfficer(officer.getId()).orElseThrow();
        TestUsers.asSystem(() -> management.executeJob(management.createJobQuery()
                .processInstanceId(c.getProcessInstanceId()).activityId("Task_IssueCertificate").singleResult().getId()));
        return officer;
    }

    private String login(Officer officer) {
        return users.ensure("cso-" + officer.getId(), Set.of(Role.CSO), officer.getId());
    }

    private ResultActions ce(Officer officer, String body) throws Exception {
        return mvc.perform(post("/api/officers/{id}/continuing-education", officer.getId()).with(users.as(Role.COORDINATOR))
                .with(csrf()).contentType(MediaType.APPLICATION_JSON).content(body));
    }

    private ResultActions submit(String cso, MockMultipartFile file) throws Exception {
        return mvc.perform(multipart("/api/me/continuing-education/submissions").file(file)
                .param("category", "ELECTIVE").param("title", "First aid").param("provider", "Red Cross")
                .param("hours", "6").param("completedOn", LocalDate.now().minusDays(3).toString())
                .with(users.as(cso)).with(csrf()));
    }

    private long ceCount() {
        return jdbc.queryForObject("select count(*) from cso.ce_record", Long.class);
    }
}
