/**
 * ChannelStore as documents (通道): one JSON document per channel (source, filter, transformer,
 * destinations), stored as written, versioned on every change with revert, audited, enabled or
 * disabled; the API and the effective (defaults filled in) form the engine deploys.
 */
@ApplicationModule
package org.medops.integration.channels;

import org.springframework.modulith.ApplicationModule;
