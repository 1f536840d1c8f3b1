package org.medops.portal.servicetest;

import java.time.Instant;

/** One past service test as the APIs show it, apart from the stored row it comes from. */
record ServiceTestView(long id, String channelCode, String method, String path, String query, String headers,
                       String body, Integer status, Double latencyMillis, Instant testedAt) {

    static ServiceTestView of(ServiceTester.ServiceTestRecord r) {
        return new ServiceTestView(r.id(), r.channelCode(), r.method(), r.path(), r.query(), r.headers(), r.body(),
                r.status(), r.latencyMillis(), r.testedAt());
    }
}
