package org.medops.opsdesk;

/** How a fault reached the desk. */
public enum ReportSource {
    PHONE, WECHAT, WEB, EMAIL, ALERT
}
