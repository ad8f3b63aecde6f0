package org.xuncha.intake;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Which part of an address names a client for the public limits. */
@Tag("pure")
class PublicThrottleTests {

    @Test
    void anIpv4AddressIsItsOwnClient() {
        assertThat(PublicThrottle.client("192.0.2.7")).isEqualTo("192.0.2.7");
        assertThat(PublicThrottle.client("192.0.2.8")).isNotEqualTo(PublicThrottle.client("192.0.2.7"));
    }

    @Test
    void ipv6AddressesOfOneSlash64AreOneClient() {
        assertThat(PublicThrottle.client("2001:db8:1:2::1")).isEqualTo(PublicThrottle.client("2001:db8:1:2:ffff:eeee:dddd:cccc"))
                .isEqualTo("v6/64:20010db800010002");
        assertThat(PublicThrottle.client("2001:db8:1:3::1")).isNotEqualTo(PublicThrottle.client("2001:db8:1:2::1"));
        // an IPv4-mapped address is an IPv4 client, not a /64
        assertThat(PublicThrottle.client("::ffff:192.0.2.7")).isEqualTo("::ffff:192.0.2.7");
    }
}
