package org.medops.integration.scripts;

import java.util.List;

/** The current sources of code libraries, by code, in the order asked; a missing one fails the script. */
@FunctionalInterface
public interface LibrarySources {

    List<String> sources(List<String> codes);
}
