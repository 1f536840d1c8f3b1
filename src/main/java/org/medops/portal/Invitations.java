package org.medops.portal;

import org.medops.catalog.Catalog;
import org.medops.identity.DeveloperAccounts;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** An administrator creates a developer account for a channel; the account and its ownership commit together. */
@Service
class Invitations {

    private final Catalog catalog;
    private final DeveloperAccounts developers;

    Invitations(Catalog catalog, DeveloperAccounts developers) {
        this.catalog = catalog;
        this.developers = developers;
    }

    /** @return the temporary password, shown once */
    @Transactional
    String invite(String channelCode, DeveloperPortal.NewDeveloper request) {
        String password = developers.invite(channelCode, request.username(), request.displayName(), request.email());
        boolean owner = request.owner() == null ? catalog.ownerOf(channelCode).isEmpty() : request.owner();
        if (owner) {
            catalog.assignOwner(channelCode, developers.contact(request.username())
                    .map(DeveloperAccounts.Contact::username).orElseThrow());
        }
        return password;
    }
}
