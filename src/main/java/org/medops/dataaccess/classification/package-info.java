/**
 * The classification of what the platform holds, made visible: every API operation whose permission names the data
 * right is marked as content ({@code x-medops-data: content}) in the OpenAPI document, so integrators, assessors and
 * the tests see which endpoints open content that may identify patients.
 */
@ApplicationModule(displayName = "Data classification")
package org.medops.dataaccess.classification;

import org.springframework.modulith.ApplicationModule;
