package vn.ocop.storefront.security;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.http.server.reactive.ServerHttpRequest;

/**
 * The client address that sign-in attempts are counted against: the request's remote address, which is the
 * proxy's {@code X-Forwarded-For} / {@code Forwarded} value when forwarded headers are honoured
 * ({@code server.forward-headers-strategy=framework}), so the proxy in front must set or strip them. An IPv6
 * address counts by its /64 network, since whoever has one address of a /64 usually has all of them.
 */
final class ClientAddress {

    static final String UNKNOWN = "unknown";
    private static final int LONGEST = 100;

    private ClientAddress() {
    }

    static String of(ServerHttpRequest request) {
        InetSocketAddress remote = request.getRemoteAddress();
        return remote == null ? UNKNOWN : key(remote.getHostString());
    }

    /** The counting key of an address as written (forwarded headers may carry anything). */
    static String key(String host) {
        if (host == null || host.isBlank()) {
            return UNKNOWN;
        }
        String h = host.trim().toLowerCase(Locale.ROOT);
        if (h.startsWith("[") && h.endsWith("]")) {
            h = h.substring(1, h.length() - 1);
        }
        if (h.indexOf('%') >= 0) {
            h = h.substring(0, h.indexOf('%')); // an interface scope says nothing about the client
        }
        String key = h.indexOf(':') >= 0 ? ipv6Network(h) : h;
        key = key.replaceAll("\\p{Cntrl}", "?");
        return key.length() > LONGEST ? key.substring(0, LONGEST) : key;
    }

    /** {@code 2001:db8:0:1::5} becomes {@code 2001:db8:0:1::/64}; an IPv4-mapped address its IPv4 form; else as written. */
    private static String ipv6Network(String h) {
        if (h.startsWith("::ffff:") && h.indexOf('.') > 0) {
            return h.substring("::ffff:".length());
        }
        String[] halves = h.split("::", -1);
        if (halves.length > 2) {
            return h;
        }
        List<String> head = groups(halves[0]);
        List<String> tail = groups(halves.length == 2 ? halves[1] : "");
        int missing = 8 - head.size() - tail.size();
        if (head.contains(null) || tail.contains(null) || missing < 0 || halves.length == 1 && missing != 0) {
            return h;
        }
        List<String> all = new ArrayList<>(head);
        for (int i = 0; i < missing; i++) {
            all.add("0");
        }
        all.addAll(tail);
        return String.join(":", all.subList(0, 4)) + "::/64";
    }

    /** The hexadecimal groups, without leading zeros; a null for a group that is not one. */
    private static List<String> groups(String part) {
        List<String> groups = new ArrayList<>();
        if (part.isEmpty()) {
            return groups;
        }
        for (String g : part.split(":", -1)) {
            groups.add(g.matches("[0-9a-f]{1,4}") ? Integer.toHexString(Integer.parseInt(g, 16)) : null);
        }
        return groups;
    }
}
