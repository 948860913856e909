package org.csotracker.certification.process;

import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.csotracker.certification.CertificationProcess;
import org.csotracker.certification.Certifications;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The service tasks of {@code processes/certification.bpmn}: thin glue to {@link Certifications}. */
@Configuration(proxyBeanMethods = false)
class CertificationDelegates {

    private static Long certification(DelegateExecution execution) {
        return (Long) execution.getVariable(CertificationProcess.VAR_CERTIFICATION_ID);
    }

    /** Runs as its own job; issuing is idempotent, so the engine's retries are safe. */
    @Bean
    JavaDelegate issueCertificate(Certifications certifications) {
        return execution -> certifications.issueCertificate(certification(execution));
    }

    @Bean
    JavaDelegate sendReminder(Certifications certifications) {
        return execution -> {
            @SuppressWarnings("unchecked")
            Map<String, Object> reminder = (Map<String, Object>) execution.getVariable(CertificationProcess.VAR_REMINDER);
            certifications.sendReminder(certification(execution), ((Number) reminder.get("daysBefore")).intValue(),
                    Boolean.TRUE.equals(reminder.get("notifySupervisor")));
        };
    }

    @Bean
    JavaDelegate checkContinuingEducation(Certifications certifications) {
        return execution -> execution.setVariable(CertificationProcess.VAR_CE_MET,
                certifications.checkContinuingEducation(certification(execution)));
    }

    @Bean
    JavaDelegate renewCertification(Certifications certifications) {
        return execution -> execution.setVariables(certifications.renew(certification(execution)));
    }

    @Bean
    JavaDelegate lapseCertification(Certifications certifications) {
        return execution -> certifications.lapse(certification(execution));
    }
}
