/**
 * Notifiers every module reuses: WeCom group robots, DingTalk custom robots (signed), e-mail over
 * SMTP and generic webhooks. Deliveries run off the caller's thread, are retried, rate limited per
 * target and recorded (sent / failed and why).
 */
package org.medops.notify;
