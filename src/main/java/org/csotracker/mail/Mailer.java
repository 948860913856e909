package org.csotracker.mail;

import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * E-mail through an outbox: {@link #queue} stores the mail with the change that caused it;
 * {@link #sendPending} delivers it through Spring Mail. Without a mail server configured
 * ({@code spring.mail.host}) mails stay queued and are logged, so nothing is lost.
 */
@Service
public class Mailer {

    private static final Logger log = LoggerFactory.getLogger(Mailer.class);

    private final OutgoingMailRepository outbox;
    private final ObjectProvider<JavaMailSender> sender;
    private final MailSettings settings;
    private final Clock clock;

    Mailer(OutgoingMailRepository outbox, ObjectProvider<JavaMailSender> sender, MailSettings settings, Clock clock) {
        this.outbox = outbox;
        this.sender = sender;
        this.settings = settings;
        this.clock = clock;
    }

    /** Queues a mail once per {@code dedupeKey}: a retried job does not send it twice. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void queue(String dedupeKey, String to, String subject, String body) {
        if (to == null || to.isBlank() || outbox.existsByDedupeKey(dedupeKey)) {
            return;
        }
        outbox.save(new OutgoingMail(dedupeKey, to, subject, body, clock.instant()));
    }

    /** Sends what is queued; runs every few seconds and may run on several nodes at once. */
    @Scheduled(fixedDelayString = "${csotracker.mail.send-interval:PT15S}", initialDelayString = "${csotracker.mail.send-interval:PT15S}")
    @Transactional
    public int sendPending() {
        JavaMailSender mail = sender.getIfAvailable();
        if (mail == null) {
            return 0;
        }
        int sent = 0;
        for (OutgoingMail m : outbox.lockPending()) {
            try {
                SimpleMailMessage message = new SimpleMailMessage();
                message.setFrom(settings.from());
                message.setTo(m.getRecipient());
                message.setSubject(m.getSubject());
                message.setText(m.getBody());
                mail.send(message);
                m.sent(clock.instant());
                sent++;
            } catch (RuntimeException e) {
                log.warn("Could not send mail {} to {}: {}", m.getId(), m.getRecipient(), e.getMessage());
                m.failed(e.getMessage());
            }
        }
        return sent;
    }
}
