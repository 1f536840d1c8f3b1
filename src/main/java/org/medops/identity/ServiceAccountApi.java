package org.medops.identity;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Future;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Service accounts and their API keys (the system administrator's); a key is shown in the answer that issues it, once. */
@RestController
@RequestMapping("/api/v1/service-accounts")
class ServiceAccountApi {

    private final ServiceAccounts accounts;

    ServiceAccountApi(ServiceAccounts accounts) {
        this.accounts = accounts;
    }

    record NewServiceAccount(@NotBlank @Size(min = 3, max = 64) @Pattern(regexp = "[A-Za-z0-9._-]+") String username,
                             @NotBlank @Size(max = 128) String displayName) {
    }

    record AccountView(String username, String displayName, boolean enabled, Instant createdAt) {
        static AccountView of(User user) {
            return new AccountView(user.username(), user.displayName(), user.enabled(), user.createdAt());
        }
    }

    record NewKey(@NotBlank @Size(max = 128) String name, @NotEmpty @Size(max = 50) Set<@NotBlank String> scopes,
                  @NotNull @Future Instant expiresAt) {
    }

    record IssuedKey(long id, String key, Set<String> scopes, Instant expiresAt) {
        @Override
        public String toString() {
            return "IssuedKey[id=" + id + ", key=******]";
        }
    }

    record KeyView(long id, String name, Set<String> scopes, String issuedBy, Instant issuedAt, Instant expiresAt,
                   Instant revokedAt, String revokedBy, boolean live) {
        static KeyView of(ApiKeys.Key key, Instant now) {
            return new KeyView(key.id(), key.name(), key.scopes(), key.issuedBy(), key.issuedAt(), key.expiresAt(),
                    key.revokedAt(), key.revokedBy(), key.live(now));
        }
    }

    @CanManageServiceAccounts
    @GetMapping
    List<AccountView> list() {
        return accounts.list().stream().map(AccountView::of).toList();
    }

    @CanManageServiceAccounts
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    AccountView create(@Valid @RequestBody NewServiceAccount request) {
        return AccountView.of(accounts.create(request.username(), request.displayName()));
    }

    @CanManageServiceAccounts
    @GetMapping("/{username}/keys")
    List<KeyView> keys(@PathVariable String username) {
        Instant now = accounts.now();
        return accounts.keysOf(username).stream().map(key -> KeyView.of(key, now)).toList();
    }

    @CanManageServiceAccounts
    @PostMapping("/{username}/keys")
    @ResponseStatus(HttpStatus.CREATED)
    IssuedKey issue(@AuthenticationPrincipal CurrentUser me, @PathVariable String username,
                    @Valid @RequestBody NewKey request) {
        ApiKeys.Issued issued = accounts.issue(username, request.name(), request.scopes(), request.expiresAt(),
                me.username());
        return new IssuedKey(issued.id(), issued.key(), new java.util.TreeSet<>(request.scopes()), request.expiresAt());
    }

    @CanManageServiceAccounts
    @PostMapping("/{username}/keys/{id}/revoke")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void revoke(@AuthenticationPrincipal CurrentUser me, @PathVariable String username, @PathVariable long id) {
        accounts.revoke(username, id, me.username());
    }
}
