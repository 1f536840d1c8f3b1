/**
 * Code tables of the publication center (代码表): the national department classification, GB/T 2261.1 sex,
 * professional titles. Shipped with the standard values, editable by the data keepers; topic fields that name a code
 * table accept only its active codes.
 */
@ApplicationModule(displayName = "Publication code tables")
package org.medops.publication.codes;

import org.springframework.modulith.ApplicationModule;
