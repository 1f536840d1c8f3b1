/**
 * The ops desk (运维服务台): fault tickets measured by SLA clocks on business calendars, fault-location
 * reports and the hospital's repair confirmation, requirements, defects and changes, the issue ledger
 * and the service reports that prove the vendor's work.
 */
package org.medops.opsdesk;
