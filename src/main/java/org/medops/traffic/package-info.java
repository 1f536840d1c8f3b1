/**
 * Traffic insight over the gateway's access log (系统首页, 日志查询): the home dashboard's figures read
 * from per-minute and per-hour rollups, never from raw rows, and the log query over the day
 * partitions with keyset paging.
 */
package org.medops.traffic;
