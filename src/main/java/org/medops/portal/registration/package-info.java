/**
 * Self-registration of developers (开发者注册) and its review, the portal's sign-in page, and the registration throttle per client address.
 */
@ApplicationModule
package org.medops.portal.registration;

import org.springframework.modulith.ApplicationModule;
