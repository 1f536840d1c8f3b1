package org.medops.payment.reconciliation;

import java.io.IOException;
import java.io.InputStream;

/** A bill or HIS file as it arrived (uploaded, downloaded), opened as often as needed. */
record BillFile(String name, Opener opener) {

    interface Opener {
        InputStream open() throws IOException;
    }

    InputStream open() throws IOException {
        return opener.open();
    }
}
