package org.medops.payment.merchants;

import static org.assertj.core.api.Assertions.assertThat;
import static org.medops.testing.Problems.problem;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.medops.payment.MerchantMode;
import org.medops.payment.Merchants;
import org.medops.payment.PaymentChannel;
import org.medops.testing.Api;
import org.medops.testing.MedopsTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Merchants are registered by whoever may write them, read by finance, refused clearly when wrong, and audited. */
@MedopsTest
class MerchantApiIT {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Merchants merchants;

    @Test
    void registersReadsAndAuditsAMerchant() {
        String code = "m-" + UUID.randomUUID().toString().substring(0, 8);
        Api admin = new Api(port).as("admin", MedopsTest.ADMIN_PASSWORD);
        Api.Response created = admin.post("/api/v1/payment/merchants", """
                {"code":"%s","name":"门诊微信","channel":"WECHAT","mchId":"19%s"}""".formatted(code, code.substring(2)));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.json().get("mode").asString()).isEqualTo("DIRECT");
        assertThat(created.json().get("status").asString()).isEqualTo("ACTIVE");

        assertThat(admin.get("/api/v1/payment/merchants/" + code).json().get("name").asString()).isEqualTo("门诊微信");
        assertThat(admin.get("/api/v1/payment/merchants").body()).contains(code);
        assertThat(merchants.byCode(code)).hasValueSatisfying(m -> {
            assertThat(m.channel()).isEqualTo(PaymentChannel.WECHAT);
            assertThat(m.mode()).isEqualTo(MerchantMode.DIRECT);
        });
        assertThat(merchants.all()).anyMatch(m -> m.code().equals(code));

        problem(admin.post("/api/v1/payment/merchants", """
                {"code":"%s","name":"重复","channel":"WECHAT","mchId":"1900000"}""".formatted(code)), 409,
                "merchant-code-taken");
        assertThat(jdbc.sql("select count(*) from audit_records where target_type = 'payment-merchant' "
                + "and target_id = :code").param("code", code).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void serviceProviderModeNeedsTheSubMerchant() {
        String code = "sp-" + UUID.randomUUID().toString().substring(0, 8);
        Api admin = new Api(port).as("admin", MedopsTest.ADMIN_PASSWORD);
        problem(admin.post("/api/v1/payment/merchants", """
                {"code":"%s","name":"服务商","channel":"WECHAT","mchId":"1230000109","mode":"SERVICE_PROVIDER"}"""
                .formatted(code)), 400, "merchant-sub-mch-required");
        Api.Response created = admin.post("/api/v1/payment/merchants", """
                {"code":"%s","name":"服务商","channel":"WECHAT","mchId":"1230000109","mode":"SERVICE_PROVIDER",
                 "subMchId":"%s","appId":"wxd678efh567hg6787"}""".formatted(code, code.substring(3)));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.json().get("subMchId").asString()).isEqualTo(code.substring(3));
    }

    @Test
    void badInputIsAProblemNeverAnError() {
        Api admin = new Api(port).as("admin", MedopsTest.ADMIN_PASSWORD);
        problem(admin.post("/api/v1/payment/merchants", """
                {"code":"x1","name":"n","channel":"PAYPAL","mchId":"1"}"""), 400, "validation");
        problem(admin.post("/api/v1/payment/merchants", """
                {"code":"x1","channel":"WECHAT","mchId":"1"}"""), 400, "validation");
        problem(admin.post("/api/v1/payment/merchants", "{not json"), 400, null);
        problem(admin.get("/api/v1/payment/merchants/none-such"), 404, "not-found");
    }

    @Test
    void financeReadsButCannotRegister() {
        Api finance = new Api(port).as("admin", MedopsTest.ADMIN_PASSWORD)
                .newUser("fin-" + UUID.randomUUID().toString().substring(0, 6), "财务", "Finance#Duty-2026", "FINANCE");
        assertThat(finance.get("/api/v1/payment/merchants").status()).isEqualTo(200);
        Api.Response refused = finance.post("/api/v1/payment/merchants", """
                {"code":"fx","name":"n","channel":"WECHAT","mchId":"1"}""");
        assertThat(refused.status()).isIn(403);
    }
}
