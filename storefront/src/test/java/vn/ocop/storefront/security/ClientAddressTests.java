package vn.ocop.storefront.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ClientAddressTests {

    @Test
    void anIpv4AddressCountsAsItself() {
        assertThat(ClientAddress.key("203.0.113.7")).isEqualTo("203.0.113.7");
    }

    @Test
    void anIpv6AddressCountsByItsSlash64Network() {
        assertThat(ClientAddress.key("2001:db8:0:1::5")).isEqualTo("2001:db8:0:1::/64");
        assertThat(ClientAddress.key("[2001:0DB8:0000:0001:aaaa:bbbb:cccc:dddd]")).isEqualTo("2001:db8:0:1::/64");
        assertThat(ClientAddress.key("2001:db8::1%eth0")).isEqualTo("2001:db8:0:0::/64");
        assertThat(ClientAddress.key("::1")).isEqualTo("0:0:0:0::/64");
    }

    @Test
    void anIpv4MappedAddressCountsAsTheIpv4One() {
        assertThat(ClientAddress.key("::ffff:203.0.113.7")).isEqualTo("203.0.113.7");
    }

    @Test
    void whateverAForwardedHeaderSaysIsCountedAsWrittenAndStorable() {
        assertThat(ClientAddress.key("unknown")).isEqualTo("unknown");
        assertThat(ClientAddress.key("_hidden")).isEqualTo("_hidden");
        assertThat(ClientAddress.key("1:2:3")).isEqualTo("1:2:3");
        assertThat(ClientAddress.key("a\u0000b")).isEqualTo("a?b");
        assertThat(ClientAddress.key("x".repeat(500))).hasSize(100);
        assertThat(ClientAddress.key(" ")).isEqualTo("unknown");
        assertThat(ClientAddress.key(null)).isEqualTo("unknown");
    }
}
