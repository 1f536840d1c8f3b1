package org.medops.shared;

import java.util.Optional;

/**
 * Names for codes a module owns but another module prints (a hospital system's code in an audit record's
 * details): the audit page asks every implementation, so it needs to know none of them by name.
 */
public interface CodeLabels {

    /** The name of {@code code} when it is a value of {@code field} this module knows, else empty. */
    Optional<String> label(String field, String code);
}
