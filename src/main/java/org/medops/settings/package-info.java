/**
 * Platform settings kept in the database (系统配置): site name, time zone, session timeout and the
 * password and lockout policy values. Every change is audited.
 */
package org.medops.settings;
