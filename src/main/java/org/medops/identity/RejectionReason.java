package org.medops.identity;

import jakarta.validation.constraints.Size;

/**
 * Why an account request is rejected: the console's reject form and the API bind this one record. That a reason is
 * given at all is the request's own rule ({@link AccountRequest#reject}), so blank passes here.
 */
record RejectionReason(@Size(max = 512) String reason) {
}
