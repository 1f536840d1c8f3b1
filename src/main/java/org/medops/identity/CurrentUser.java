package org.medops.identity;

import java.io.Serializable;

/** The principal of an authenticated request: kept in the session, so it stays small. */
record CurrentUser(long id, String username, String displayName, boolean mustChangePassword, String channelCode)
        implements Serializable {

    @Override
    public String toString() {
        return username;
    }
}
