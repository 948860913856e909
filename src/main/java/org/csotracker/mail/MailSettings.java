package org.csotracker.mail;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** @param from the sender address of every mail */
@ConfigurationProperties("csotracker.mail")
public record MailSettings(@DefaultValue("cso-tracker@localhost") String from) {
}
