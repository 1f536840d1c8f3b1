package org.medops.opsdesk.tickets;

/** How a fault reached the desk. */
enum ReportSource {
    PHONE, WECHAT, WEB, EMAIL, ALERT, INSPECTION
}
