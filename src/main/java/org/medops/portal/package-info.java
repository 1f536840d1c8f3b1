/**
 * The developer center (开发者中心): access applications and their review (接入申请, 接入审核), and
 * the service-test console (服务测试) that sends real signed calls through the gateway, signing on the
 * server so that no stored secret ever reaches a page.
 */
package org.medops.portal;
