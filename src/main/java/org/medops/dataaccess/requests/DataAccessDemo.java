package org.medops.dataaccess.requests;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.medops.dataaccess.Scope;
import org.medops.shared.DemoData;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Demo requests relative to now, so they read right on any date: the engineer's request for the ADT channel's
 * messages waits for the committee; the reviewer's grant on the insurance service's captured bodies was approved by
 * both committee members an hour ago and runs for seven hours more.
 */
@Component
@Order(90)
@ConditionalOnProperty(name = "medops.demo", havingValue = "true")
class DataAccessDemo implements DemoData {

    static final String FIRST_MEMBER = "committee";
    static final String SECOND_MEMBER = "committee2";

    private final AccessRequests requests;
    private final Clock clock;

    DataAccessDemo(AccessRequests requests, Clock clock) {
        this.requests = requests;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "data access requests";
    }

    @Override
    @Transactional
    public void seed() {
        if (!requests.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        requests.insert(AccessRequest.ask("engineer", Scope.channel("his-adt-emr"),
                "工单排查：住院登记消息在 EMR 端患者姓名显示异常，需核对原始 ADT 消息中的 PID 段。", 4, 2,
                now.minus(Duration.ofMinutes(40))));
        Instant asked = now.minus(Duration.ofHours(2));
        long id = requests.insert(AccessRequest.ask("reviewer", Scope.service("yb"),
                "医保结算对账差异核查：需查看医保服务的抓取报文与请求头。", 8, 2, asked));
        AccessRequest granted = requests.find(id).orElseThrow()
                .approvedBy(FIRST_MEMBER, now.minus(Duration.ofMinutes(90)))
                .approvedBy(SECOND_MEMBER, now.minus(Duration.ofHours(1)));
        requests.update(granted);
    }
}
