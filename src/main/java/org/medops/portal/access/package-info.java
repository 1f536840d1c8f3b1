/**
 * Access applications (接入申请) and their review (接入审核): the application, its attachments, the reviewer's decision and the grants it creates.
 */
@ApplicationModule
package org.medops.portal.access;

import org.springframework.modulith.ApplicationModule;
