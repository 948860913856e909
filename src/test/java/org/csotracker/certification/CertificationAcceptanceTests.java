package org.csotracker.certification;

import java.time.LocalDate;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.csotracker.academy.Academy;
import org.csotracker.academy.Cohort;
import org.csotracker.academy.Recruits;
import org.csotracker.documents.CertificatePdf;
import org.csotracker.hiring.Applicants;
import org.csotracker.people.People;
import org.csotracker.people.Role;
import org.csotracker.support.CsoTrackerTest;
import org.csotracker.support.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The acceptance: application → hire → academy → certified → the CSO downloads the PDF →
 * public verification → continuing education → renewal with a second certificate; a second
 * officer without continuing education lapses. Engine timers stand in for the passing years.
 */
@CsoTrackerTest
class CertificationAcceptanceTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    TestUsers users;
    @Autowired
    ObjectMapper json;
    @Autowired
    Academy academy;
    @Autowired
    People people;
    @Autowired
    Certifications certifications;
    @Autowired
    ManagementService management;
    @Autowired
    RuntimeService runtime;

    @Test
    void fromApplicationToRenewalAndToLapse() throws Exception {
        RequestPostProcessor hr = users.as(Role.HR);
        RequestPostProcessor coordinator = users.as(Role.COORDINATOR);
        String supervisor = users.staff(Role.SUPERVISOR);
        Cohort cohort = Recruits.cohort(academy, users.staff(Role.COORDINATOR), LocalDate.now().minusWeeks(8).plusDays(1), 10);

        long renewing = hire(hr, "Gabriela", "Renews", supervisor, cohort.getId());
        long lapsing = hire(hr, "Hugo", "Lapses", supervisor, cohort.getId());
        for (long officer : new long[] {renewing, lapsing}) {
            for (String module : new String[] {"DE-ESCALATION", "CULTURAL-COMPETENCY"}) {
                mvc.perform(post("/api/recruits/{id}/modules/{m}/results", officer, module).with(coordinator).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("""
                                {"score":91,"hoursAttended":32,"assessedOn":"%s","instructor":"Ofc. Rivera","practicalPassed":true}"""
                                .formatted(LocalDate.now()))).andExpect(status().isCreated());
            }
            runJob(academy.currentEnrollment(officer).orElseThrow().getProcessInstanceId(), "Event_CohortEnded");
            runJob(certifications.ofOfficer(officer).orElseThrow().getProcessInstanceId(), "Task_IssueCertificate");
        }

        // the new CSO activates their login and downloads the certificate
        String username = people.officerLogin(renewing).orElseThrow().username();
        String token = people.officerLogin(renewing).orElseThrow().activationToken();
        mvc.perform(post("/activate/{t}", token).with(csrf()).param("password", "a-new-cso-password")
                .param("confirmation", "a-new-cso-password")).andExpect(redirectedUrl("/login?activated"));
        RequestPostProcessor cso = httpBasic(username, "a-new-cso-password");
        String number = json.readTree(mvc.perform(get("/api/me/certificates").with(cso)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString()).get(0).get("number").asText();
        byte[] pdf = mvc.perform(get("/api/me/certificates/{n}.pdf", number).with(cso))
                .andExpect(status().isOk()).andExpect(content().contentType(MediaType.APPLICATION_PDF))
                .andReturn().getResponse().getContentAsByteArray();
        assertThat(CertificatePdf.sha256(pdf)).isEqualTo(certifications.certificate(number).orElseThrow().getSha256());

        // anyone verifies it
        mvc.perform(get("/api/verify/{n}", number)).andExpect(jsonPath("$.status").value("VALID"))
                .andExpect(jsonPath("$.holderName").value("Gabriela Renews"));

        // continuing education for the first officer only
        for (String[] ce : new String[][] {{"MIDYEAR_PROGRAM", "16"}, {"DE_ESCALATION_REFRESHER", "8"}, {"ELECTIVE", "16"}}) {
            mvc.perform(post("/api/officers/{id}/continuing-education", renewing).with(coordinator).with(csrf())
                    .contentType(MediaType.APPLICATION_JSON).content("""
                            {"category":"%s","title":"%s course","hours":%s,"completedOn":"%s"}"""
                            .formatted(ce[0], ce[0], ce[1], LocalDate.now()))).andExpect(status().isCreated());
        }
        mvc.perform(get("/api/me/certification").with(cso)).andExpect(jsonPath("$.doneHours").value(40));

        // two years pass: reminders, the period ends
        for (long officer : new long[] {renewing, lapsing}) {
            String process = certifications.ofOfficer(officer).orElseThrow().getProcessInstanceId();
            for (Job reminder : management.createJobQuery().processInstanceId(process).activityId("Event_ReminderDue").list()) {
                TestUsers.asSystem(() -> management.executeJob(reminder.getId()));
            }
            runJob(process, "Event_PeriodEnds");
        }

        String renewedProcess = certifications.ofOfficer(renewing).orElseThrow().getProcessInstanceId();
        runJob(renewedProcess, "Task_IssueCertificate");
        mvc.perform(get("/api/me/certificates").with(cso)).andExpect(jsonPath("$.length()").value(2))
                .andExpect(jsonPath("$[0].kind").value("RENEWAL")).andExpect(jsonPath("$[0].status").value("VALID"))
                .andExpect(jsonPath("$[1].status").value("EXPIRED"));
        mvc.perform(get("/api/verify/{n}", number)).andExpect(jsonPath("$.status").value("EXPIRED"));

        String lapsingProcess = certifications.ofOfficer(lapsing).orElseThrow().getProcessInstanceId();
        runJob(lapsingProcess, "Event_GraceEnds");
        mvc.perform(get("/api/officers/{id}/certification", lapsing).with(users.as(supervisor)))
                .andExpect(jsonPath("$.certificationStatus").value("LAPSED"));
        String lapsedNumber = certifications.certificates(lapsing).get(0).getNumber();
        mvc.perform(get("/api/verify/{n}", lapsedNumber)).andExpect(jsonPath("$.status").value("LAPSED"));
    }

    private long hire(RequestPostProcessor hr, String first, String last, String supervisor, Long cohortId) throws Exception {
        var application = Applicants.strong(first, last);
        long id = json.readTree(mvc.perform(post("/api/applications").contentType(MediaType.APPLICATION_JSON)
                .content(Applicants.json(application))).andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString()).get("id").asLong();
        for (String[] step : new String[][] {{"screening", "{\"passed\":true}"}, {"background-check", "{\"clear\":true}"},
                {"interview", "{\"panelScore\":88,\"recommendation\":\"RECOMMEND\"}"}, {"union-vetting", "{\"approved\":true}"},
                {"offer", """
                        {"startDate":"%s","cohortId":%d,"district":"North","supervisor":"%s","shiftPattern":"MON_FRI_DAY",
                         "programComponent":"COMMUNITY_ENGAGEMENT"}""".formatted(LocalDate.now(), cohortId, supervisor)},
                {"offer-response", "{\"accepted\":true}"}}) {
            mvc.perform(post("/api/candidates/{id}/" + step[0], id).with(hr).with(csrf())
                    .contentType(MediaType.APPLICATION_JSON).content(step[1])).andExpect(status().isOk());
        }
        runJob(runtime.createProcessInstanceQuery().processDefinitionKey("HiringProcess").processInstanceBusinessKey(String.valueOf(id)).singleResult().getId(),
                "Task_HireCandidate");
        return json.readTree(mvc.perform(get("/api/candidates/{id}", id).with(hr)).andReturn().getResponse()
                .getContentAsString()).get("officerId").asLong();
    }

    private void runJob(String processInstanceId, String activityId) {
        Job job = management.createJobQuery().processInstanceId(processInstanceId).activityId(activityId).singleResult();
        assertThat(job).as("job at " + activityId).isNotNull();
        TestUsers.asSystem(() -> management.executeJob(job.getId()));
    }
}
