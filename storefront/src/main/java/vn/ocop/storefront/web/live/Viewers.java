package vn.ocop.storefront.web.live;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.UUID;

/**
 * Who watches a live event, as the viewer count counts them: a signed-in viewer by account, an anonymous one by
 * client address (the request's remote address, which is the client's once forwarded headers are applied), so
 * that opening many streams from one browser or address does not inflate the count. An IPv6 client counts by its
 * /64, the block a single household or phone is given and can pick fresh addresses from at will.
 */
final class Viewers {

    private Viewers() {
    }

    static String account(UUID account) {
        return "account:" + account;
    }

    static String address(InetSocketAddress remote) {
        if (remote == null) {
            return "address:unknown";
        }
        InetAddress address = remote.getAddress();
        if (address == null) {
            return "address:" + remote.getHostString();
        }
        return "address:" + (address instanceof Inet6Address ? network64(address) : address.getHostAddress());
    }

    private static String network64(InetAddress address) {
        byte[] bytes = address.getAddress();
        Arrays.fill(bytes, 8, 16, (byte) 0);
        try {
            return InetAddress.getByAddress(bytes).getHostAddress() + "/64";
        } catch (UnknownHostException e) {
            throw new IllegalStateException("16 bytes are an IPv6 address", e); // getByAddress refuses only wrong lengths
        }
    }
}
