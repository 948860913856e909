package org.csotracker.mail;

import java.time.Clock;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * E-mail through an outbox: {@link #queue} stores the mail with the change that caused it;
 * {@link #sendPending} delivers it through Spring Mail. Without a mail server configured
 * ({@code spring.mail.host}) mails stay queued and are logged, so nothing is lost.
 */
@Service
public class Mailer {

    private static final Logger log = LoggerFactory.getLogger(Mailer.class);
    /** Mails locked and sent per transaction. */
    static final int BATCH = 50;

    private final OutgoingMailRepository outbox;
    private final ObjectProvider<JavaMailSender> sender;
    private final MailSettings settings;
    private final Clock clock;
    private final TransactionTemplate tx;

    Mailer(OutgoingMailRepository outbox, ObjectProvider<JavaMailSender> sender, MailSettings settings, Clock clock,
           PlatformTransactionManager transactions) {
        this.outbox = outbox;
        this.tx = new TransactionTemplate(transactions);
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

    /**
     * Sends everything that is queued, in batches of {@value #BATCH} (each its own transaction, so a mail sent is
     * recorded as sent at once); runs every few seconds and may run on several nodes at once. A mail that fails
     * stays queued for the next run; the run goes on with the mails after it, so a backlog of mails to others, or
     * mails that keep failing, never holds back a newer one.
     */
    @Scheduled(fixedDelayString = "${csotracker.mail.send-interval:PT15S}", initialDelayString = "${csotracker.mail.send-interval:PT15S}")
    public int sendPending() {
        JavaMailSender mail = sender.getIfAvailable();
        if (mail == null) {
            return 0;
        }
        int sent = 0;
        long after = 0;
        while (true) {
            long from = after;
            Batch batch = tx.execute(status -> sendBatch(mail, from));
            sent += batch.sent();
            if (batch.size() < BATCH) {
                return sent;
            }
            after = batch.lastId();
        }
    }

    private record Batch(int size, int sent, long lastId) {
    }

    private Batch sendBatch(JavaMailSender mail, long afterId) {
        List<OutgoingMail> pending = outbox.lockPending(afterId, BATCH);
        int sent = 0;
        long last = afterId;
        for (OutgoingMail m : pending) {
            last = m.getId();
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
        return new Batch(pending.size(), sent, last);
    }
}
