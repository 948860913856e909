package org.csotracker.people;

import java.util.Set;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A login an administrator creates. It has no password: the person chooses one through the
 * one-time link mailed to {@code email}. {@code officerId} links a CSO login to its officer record.
 */
public record NewLogin(
        @NotBlank @Pattern(regexp = "[a-zA-Z0-9._@-]{3,60}", message = "{csotracker.validation.username}") String username,
        @NotBlank @Size(max = 200) String displayName,
        @NotBlank @Email @Size(max = 254) String email,
        @NotEmpty(message = "{csotracker.validation.roles}") Set<Role> roles,
        Long officerId) {
}
