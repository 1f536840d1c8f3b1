package org.medops.opsdesk;

/** How a fault reached the desk. */
enum ReportSource {
    PHONE, WECHAT, WEB, EMAIL, ALERT
}
