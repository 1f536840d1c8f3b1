package org.medops.reporting.facts;

/** How a support request came in: the duty phone, WeChat, or someone walking up to the engineer. */
public enum CallChannel {
    PHONE, WECHAT, WALK_IN
}
