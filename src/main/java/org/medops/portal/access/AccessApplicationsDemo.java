package org.medops.portal.access;

import org.medops.catalog.Catalog;
import org.medops.shared.DemoData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Demo mode: one access application waiting for the hospital's review (the Alipay channel asking for the LIS
 * reports it does not hold yet), submitted through the review's own step, so the reviewer's workbench shows it.
 */
@Component
@Order(40)
@ConditionalOnProperty(name = "medops.demo", havingValue = "true")
class AccessApplicationsDemo implements DemoData {

    private static final Logger log = LoggerFactory.getLogger(AccessApplicationsDemo.class);
    static final String CHANNEL = "alipay";
    static final String SERVICE = "lis";

    private final AccessReview review;
    private final AccessApplications applications;
    private final Catalog catalog;

    AccessApplicationsDemo(AccessReview review, AccessApplications applications, Catalog catalog) {
        this.review = review;
        this.applications = applications;
        this.catalog = catalog;
    }

    @Override
    public String name() {
        return "portal access applications";
    }

    @Override
    public void seed() {
        if (applications.any()) {
            return;
        }
        if (!catalog.hasChannel(CHANNEL) || catalog.services().stream().noneMatch(s -> s.code().equals(SERVICE))
                || catalog.grantsOf(CHANNEL).contains(SERVICE)) {
            log.info("Demo: no access application seeded, the demo channel {} or service {} is not there", CHANNEL,
                    SERVICE);
            return;
        }
        review.apply(new NewApplication(CHANNEL, SERVICE, "支付宝生活号开通检验报告查询，患者扫码后查看本人近 30 天报告。",
                3000L, "支付宝生活号运营 李娜 13800000031"), "demo");
        log.info("Demo: an access application waits for review");
    }
}
