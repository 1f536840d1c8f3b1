package org.medops.crypto;

import java.util.List;

import org.medops.shared.AuditableEvent;
import org.medops.shared.CryptoSuite;
import org.medops.shared.FieldChange;

/** The installation started under another suite and re-sealed its secrets. */
record SuiteChanged(CryptoSuite from, CryptoSuite to, int resealed) implements AuditableEvent {

    @Override
    public String action() {
        return "crypto.suite.change";
    }

    @Override
    public String targetType() {
        return "crypto-suite";
    }

    @Override
    public String targetId() {
        return to.name();
    }

    @Override
    public List<FieldChange> changes() {
        return List.of(FieldChange.of("cryptoSuite", from.name(), to.name()), FieldChange.set("cryptoResealed", resealed));
    }

    @Override
    public String actor() {
        return "system";
    }
}
