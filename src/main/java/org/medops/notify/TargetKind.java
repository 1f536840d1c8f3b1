package org.medops.notify;

/** Where a notification goes; {@code address} is a webhook URL, or e-mail addresses separated by commas. */
public enum TargetKind {
    WECOM, DINGTALK, EMAIL, WEBHOOK
}
