#!/usr/bin/env python3
"""Writes one day's WeChat Pay trade bill and the HIS's charge records for the reconciliation bench.

usage: generate.py LINES OUT_DIR
Every 1000th order differs in a planted way (HIS only, channel only, amount), so the run has real work
to report; every 10th order has a partial refund on both sides.
"""
import os
import random
import sys

lines = int(sys.argv[1])
out = sys.argv[2]
day = "2026-11-02"
random.seed(lines)
header = ("交易时间,公众账号ID,商户号,特约商户号,设备号,微信订单号,商户订单号,用户标识,交易类型,交易状态,付款银行,货币种类,"
          "应结订单金额,代金券金额,微信退款单号,商户退款单号,退款金额,充值券退款金额,退款类型,退款状态,商品名称,商户数据包,手续费,费率,"
          "订单金额,申请退款金额,费率备注\n")
pay_fen = refund_fen = fee_fen = rows = 0
with open(os.path.join(out, "wechat.csv"), "w", encoding="utf-8") as bill, \
        open(os.path.join(out, "his.csv"), "w", encoding="utf-8") as his:
    bill.write(header)
    his.write("his_serial,out_trade_no,out_refund_no,kind,amount,paid_at\n")
    order = 0
    written = 0
    while written < lines:
        order += 1
        seconds = (order * 7) % 85800  # spread over the day, never in the last minutes
        t = "%s %02d:%02d:%02d" % (day, seconds // 3600, seconds // 60 % 60, seconds % 60)
        iso = "%sT%02d:%02d:%02d+08:00" % (day, seconds // 3600, seconds // 60 % 60, seconds % 60)
        no = "MZ%010d" % order
        fen = random.randint(100, 500000)
        fee = round(fen * 0.006)
        planted = order % 1000
        if planted != 1:  # 1: HIS only
            bill.write("`%s,`wx8888,`1900000109,`0,`,`42%012d,`%s,`oUser,`JSAPI,`SUCCESS,`CMC,`CNY,`%d.%02d,`0.00,`0,`,"
                       "`0.00,`0.00,`,`,`门诊缴费,`,`%d.%02d,`0.60%%,`%d.%02d,`0.00,`\n"
                       % (t, order, no, fen // 100, fen % 100, fee // 100, fee % 100, fen // 100, fen % 100))
            pay_fen += fen
            fee_fen += fee
            rows += 1
        if planted != 2:  # 2: channel only
            booked = fen + 100 if planted == 3 else fen  # 3: amounts differ
            his.write("H%d,%s,,PAY,%d.%02d,%s\n" % (order, no, booked // 100, booked % 100, iso))
        written += 1
        if order % 10 == 0 and written < lines:
            refund = fen // 2
            rfee = -round(refund * 0.006)
            bill.write("`%s,`wx8888,`1900000109,`0,`,`42%012d,`%s,`oUser,`JSAPI,`REFUND,`CMC,`CNY,`0.00,`0.00,"
                       "`50%012d,`RF%s,`%d.%02d,`0.00,`ORIGINAL,`SUCCESS,`门诊缴费,`,`-%d.%02d,`0.60%%,`0.00,`%d.%02d,`\n"
                       % (t, order, no, order, no, refund // 100, refund % 100, -rfee // 100, -rfee % 100,
                          refund // 100, refund % 100))
            refund_fen += refund
            fee_fen += rfee
            rows += 1
            his.write("R%d,%s,RF%s,REFUND,%d.%02d,%s\n" % (order, no, no, refund // 100, refund % 100, iso))
            written += 1
    sign = "-" if fee_fen < 0 else ""
    bill.write("总交易单数,应结订单总金额,退款总金额,充值券退款总金额,手续费总金额,订单总金额,申请退款总金额\n")
    bill.write("`%d,`%d.%02d,`%d.%02d,`0.00,`%s%d.%02d,`%d.%02d,`%d.%02d\n"
               % (rows, pay_fen // 100, pay_fen % 100, refund_fen // 100, refund_fen % 100, sign, abs(fee_fen) // 100,
                  abs(fee_fen) % 100, pay_fen // 100, pay_fen % 100, refund_fen // 100, refund_fen % 100))
