package org.medops.catalog;

/** The channel page's form; the allow-list is typed one address or CIDR block per line. */
record ChannelForm(String code, String name, String type, String contact, boolean enabled, String ipAllowList,
                   Integer quotaPerSecond, Long quotaPerDay) {

    static ChannelForm blank() {
        return new ChannelForm("", "", "MINI_PROGRAM", "", true, "", null, null);
    }

    static ChannelForm of(Channel channel) {
        ChannelProfile p = channel.profile();
        return new ChannelForm(channel.code(), p.name(), p.type(), p.contact(), p.enabled(),
                String.join("\n", p.ipAllowList()), p.quotaPerSecond(), p.quotaPerDay());
    }

    ChannelRequest toRequest() {
        return new ChannelRequest(code == null ? null : code.trim(), name, type, contact, enabled,
                ServiceForm.lines(ipAllowList), quotaPerSecond, quotaPerDay);
    }
}
