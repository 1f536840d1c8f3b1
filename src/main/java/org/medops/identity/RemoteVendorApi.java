package org.medops.identity;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The system administrator marks an account as a remote vendor account (or not); audited. */
@RestController
class RemoteVendorApi {

    private final RemoteVendors vendors;

    RemoteVendorApi(RemoteVendors vendors) {
        this.vendors = vendors;
    }

    record Flag(@NotNull Boolean remoteVendor) {
    }

    @CanManageUsers
    @PutMapping("/api/v1/users/{username}/remote-vendor")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void mark(@PathVariable String username, @Valid @RequestBody Flag flag) {
        vendors.mark(username, flag.remoteVendor());
    }
}
