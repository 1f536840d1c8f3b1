/**
 * The service-test console (服务测试): real signed calls through the gateway, signed on the server so that no stored secret reaches a page, for staff and for developers of their own channel.
 */
@ApplicationModule
package org.medops.portal.servicetest;

import org.springframework.modulith.ApplicationModule;
