/**
 * Unified payments (统一支付结算, 统一支付管理, 商户号管理) and reconciliation (对账): merchant numbers, orders and
 * refunds that internet channels make through the gateway, the payment channels' notifications, the HIS told of each
 * result, and the daily three-way reconciliation of the platform, the channel's bill and the HIS, with insurance
 * clearing (医保对账). Its features are nested modules.
 */
package org.medops.payment;
