package org.medops.integration.devices;

/** Who answers for a kind of failure of a device interface (故障责任方). */
public enum ResponsibleParty {
    HOSPITAL, VENDOR, DEVICE_MAKER, THIRD_PARTY
}
