package org.medops.publication.topics;

/** How far a field may travel: public to every subscribed channel, internal to hospital systems, personal never. */
public enum DataClass {
    PUBLIC, INTERNAL, PERSONAL;

    /** Personal fields (a doctor's mobile) are never published, whatever a subscription asks for. */
    public boolean publishable() {
        return this != PERSONAL;
    }
}
