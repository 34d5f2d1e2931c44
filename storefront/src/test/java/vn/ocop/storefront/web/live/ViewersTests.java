package vn.ocop.storefront.web.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The viewer count's key: an account by its id, an anonymous client by its address (an IPv6 one by its /64). */
class ViewersTests {

    @Test
    void anIpv4ClientIsItsAddressWhateverItsPort() {
        assertThat(Viewers.address(new InetSocketAddress("203.0.113.5", 50001))).isEqualTo("address:203.0.113.5")
                .isEqualTo(Viewers.address(new InetSocketAddress("203.0.113.5", 50002)));
        assertThat(Viewers.address(new InetSocketAddress("203.0.113.6", 50001))).isNotEqualTo(Viewers.address(new InetSocketAddress("203.0.113.5", 50001)));
    }

    @Test
    void ipv6ClientsInOneSlash64AreOneViewer() {
        String one = Viewers.address(new InetSocketAddress("2001:db8:1:2:aaaa:bbbb:cccc:1", 443));
        assertThat(one).isEqualTo("address:2001:db8:1:2:0:0:0:0/64")
                .isEqualTo(Viewers.address(new InetSocketAddress("2001:db8:1:2:1234:5678:9abc:def0", 443)));
        assertThat(Viewers.address(new InetSocketAddress("2001:db8:1:3::1", 443))).isNotEqualTo(one);
    }

    @Test
    void accountsAndAddressesNeverShareAKey() {
        UUID id = UUID.randomUUID();
        assertThat(Viewers.account(id)).isEqualTo("account:" + id).doesNotStartWith("address:");
        assertThat(Viewers.address(null)).isEqualTo("address:unknown");
    }
}
