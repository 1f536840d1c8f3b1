package org.medops.alerting;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Rules are evaluated by Spring's scheduler. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class AlertingConfiguration {
}
