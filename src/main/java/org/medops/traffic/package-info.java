/**
 * Traffic insight over the gateway's access log (系统首页, 日志查询): the home dashboard's figures read
 * from per-minute and per-hour rollups ({@code Rollups}), never from raw rows, and the log query over the day
 * partitions ({@code AccessLogs}) with keyset paging; other modules add numbers to the dashboard through
 * {@link org.medops.traffic.DashboardNumbers}.
 */
package org.medops.traffic;
