package org.csotracker.hiring;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

import org.csotracker.department.DepartmentSettings;
import org.csotracker.mail.Mailer;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** The mails a candidate receives, written in the language they chose when applying. */
@Component
class CandidateMail {

    private final Mailer mailer;
    private final MessageSource messages;
    private final DepartmentSettings department;

    CandidateMail(Mailer mailer, MessageSource messages, DepartmentSettings department) {
        this.mailer = mailer;
        this.messages = messages;
        this.department = department;
    }

    void applicationReceived(Candidate c) {
        Locale locale = Locale.forLanguageTag(c.getPreferredLanguage());
        mailer.queue("application:" + c.getId(), c.getEmail(), text("mail.applied.subject", locale, department.name()),
                text("mail.applied.body", locale, c.getFirstName(), department.name()));
    }

    void offerExtended(Candidate c, ZoneId zone) {
        Locale locale = Locale.forLanguageTag(c.getPreferredLanguage());
        String link = department.publicBaseUrl().replaceAll("/+$", "") + "/offers/" + c.getOfferToken();
        String deadline = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.LONG, FormatStyle.SHORT).withLocale(locale)
                .withZone(zone).format(c.getOfferDeadline());
        String start = DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale).format(c.getOfferStartDate());
        mailer.queue("offer:" + c.getId() + ":" + c.getOfferToken(), c.getEmail(),
                text("mail.offer.subject", locale, department.name()),
                text("mail.offer.body", locale, c.getFirstName(), department.name(), start, c.getOfferDistrict(),
                        text("enum." + c.getOfferShiftPattern().name(), locale),
                        text("enum." + c.getOfferProgramComponent().name(), locale), deadline, link));
    }

    private String text(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, locale);
    }
}
