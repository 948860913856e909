package org.csotracker.admin;

import java.net.URI;
import java.util.List;
import java.util.Set;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import org.csotracker.people.NewLogin;
import org.csotracker.people.Role;
import org.csotracker.people.UserAdministration;
import org.csotracker.people.UserSummary;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Logins and roles over the API (ADMIN). Changes carry the version last read: a stale one gets 409. */
@RestController
@Validated
class UserApi {

    private final UserAdministration users;

    UserApi(UserAdministration users) {
        this.users = users;
    }

    record UserPage(List<UserSummary> users, int page, int totalPages, long totalUsers) {
    }

    record RoleChange(@NotEmpty(message = "must name at least one role") Set<Role> roles, @NotNull Long version) {
    }

    record StatusChange(@NotNull Boolean enabled, @NotNull Long version) {
    }

    record PasswordReset(@NotNull Long version) {
    }

    @GetMapping("/api/admin/users")
    @Operation(summary = "Logins whose username, name or e-mail contains q, by username (ADMIN)")
    UserPage list(@RequestParam(defaultValue = "") String q, @RequestParam(defaultValue = "0") @Min(0) int page,
                  @RequestParam(defaultValue = "50") @Min(1) @Max(200) int size) {
        Page<UserSummary> found = users.search(q, PageRequest.of(page, size));
        return new UserPage(found.getContent(), page, found.getTotalPages(), found.getTotalElements());
    }

    @PostMapping("/api/admin/users")
    @Operation(summary = "Create a login; its owner chooses a password through the mailed one-time link (ADMIN)")
    ResponseEntity<UserSummary> create(@Valid @RequestBody NewLogin login) {
        UserSummary created = users.create(login);
        return ResponseEntity.created(URI.create("/api/admin/users/" + created.id())).body(created);
    }

    @GetMapping("/api/admin/users/{id}")
    @Operation(summary = "One login (ADMIN)")
    UserSummary get(@PathVariable Long id) {
        return users.get(id);
    }

    @PutMapping("/api/admin/users/{id}/roles")
    @Operation(summary = "Replace a login's roles (ADMIN); the last administrator and your own ADMIN role stay")
    UserSummary roles(@PathVariable Long id, @Valid @RequestBody RoleChange change) {
        return users.changeRoles(id, change.roles(), change.version());
    }

    @PutMapping("/api/admin/users/{id}/status")
    @Operation(summary = "Disable or enable a login (ADMIN); a disabled login's sessions end")
    UserSummary status(@PathVariable Long id, @Valid @RequestBody StatusChange change) {
        return users.setEnabled(id, change.enabled(), change.version());
    }

    @PostMapping("/api/admin/users/{id}/password-reset")
    @Operation(summary = "Mail a one-time link to choose a new password; the old one stops working (ADMIN)")
    UserSummary resetPassword(@PathVariable Long id, @Valid @RequestBody PasswordReset reset) {
        return users.resetPassword(id, reset.version());
    }
}
