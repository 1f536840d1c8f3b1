/**
 * The gateway's source of truth (服务配置, 渠道管理): services (upstream hospital APIs), channels
 * (apps, mini-programs, partners that call them, with their credentials) and grants between them.
 * Every change is audited, bumps the configuration version and notifies every gateway node.
 */
package org.medops.catalog;
