/**
 * The data publication center (数据统一发布中心): the hospital's one authoritative copy of its departments, doctors
 * and clinic schedules, changed by reviewed drafts into growing versions, delivered to internet channels through the
 * gateway (snapshots, change feeds, signed pushes) under approved subscriptions. Its features are nested modules.
 */
package org.medops.publication;
