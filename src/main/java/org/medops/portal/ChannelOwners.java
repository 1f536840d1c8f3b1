package org.medops.portal;

import java.time.Duration;

import org.medops.catalog.Catalog;
import org.medops.identity.DeveloperAccounts;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Service;

/**
 * Who may rotate a channel's secret from the portal: only its owner, the developer account the hospital handed
 * the channel to (an invitation to a channel nobody owned yet, or an approval that says so). A developer merely
 * bound to a shared channel (say the hospital's own {@code wechat-mp}) would break every other caller of it with
 * a rotation, so they read the credentials and leave the secret to the owner or the hospital's administrators.
 */
@Service
class ChannelOwners {

    private final Catalog catalog;

    ChannelOwners(Catalog catalog) {
        this.catalog = catalog;
    }

    boolean owns(Authentication who) {
        return catalog.ownedBy(DeveloperAccounts.ownChannel(who), who.getName());
    }

    /** The catalog checks the ownership again on the locked channel, so it cannot change between check and rotation. */
    String rotate(Authentication who, Duration overlap) {
        return catalog.rotateOwnSecret(DeveloperAccounts.ownChannel(who), who.getName(), overlap);
    }
}
