package org.masthead.platform;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.stream.Stream;

/**
 * Whether an address is on the public internet: what Masthead may connect to when it fetches something an outside
 * party named (a webhook's receiver, an archive's images), so that no such address leads into its own network.
 */
public final class PublicAddresses {

    private PublicAddresses() {
    }

    /**
     * Special-purpose ranges (IANA's IPv4 and IPv6 special-purpose registries) that a webhook must never
     * reach, beyond what {@link InetAddress} itself classifies: ranges that lead into a private network by
     * translation or tunnelling (NAT64, 6to4, Teredo), documentation, benchmarking and reserved space.
     */
    private static final List<Cidr> SPECIAL = Stream.of(
            "0.0.0.0/8", "100.64.0.0/10", "192.0.0.0/24", "192.0.2.0/24", "192.88.99.0/24", "198.18.0.0/15",
            "198.51.100.0/24", "203.0.113.0/24", "240.0.0.0/4",
            "64:ff9b::/96", "64:ff9b:1::/48", "100::/64", "2001::/23", "2001:db8::/32", "2002::/16", "3fff::/20",
            "5f00::/16", "fc00::/7", "fe80::/10", "fec0::/10", "ff00::/8").map(Cidr::parse).toList();

    public static boolean isPublic(InetAddress address) {
        if (address.isLoopbackAddress() || address.isAnyLocalAddress() || address.isLinkLocalAddress()
                || address.isSiteLocalAddress() || address.isMulticastAddress()) {
            return false;
        }
        var bytes = address.getAddress();
        if (SPECIAL.stream().anyMatch(range -> range.contains(bytes))) {
            return false;
        }
        if (address instanceof Inet4Address) {
            return !(bytes[0] == (byte) 255 && bytes[1] == (byte) 255 && bytes[2] == (byte) 255 && bytes[3] == (byte) 255);
        }
        if (address instanceof Inet6Address v6) {
            if (isMappedOrCompatibleV4(bytes)) {
                try {
                    return isPublic(InetAddress.getByAddress(java.util.Arrays.copyOfRange(bytes, 12, 16)));
                } catch (UnknownHostException e) {
                    return false;
                }
            }
            // global unicast only (2000::/3), with no zone
            return (bytes[0] & 0xe0) == 0x20 && v6.getScopeId() == 0;
        }
        return false;
    }

    /** An address range in CIDR notation. */
    private record Cidr(byte[] network, int bits) {

        static Cidr parse(String cidr) {
            var parts = cidr.split("/");
            try {
                return new Cidr(InetAddress.getByName(parts[0]).getAddress(), Integer.parseInt(parts[1]));
            } catch (UnknownHostException e) {
                throw new IllegalArgumentException(cidr, e);
            }
        }

        boolean contains(byte[] address) {
            if (address.length != network.length) {
                return false;
            }
            for (int bit = 0; bit < bits; bit++) {
                int mask = 0x80 >>> (bit % 8);
                if ((address[bit / 8] & mask) != (network[bit / 8] & mask)) {
                    return false;
                }
            }
            return true;
        }
    }

    /** ::ffff:a.b.c.d and the deprecated ::a.b.c.d, which reach IPv4 addresses. */
    private static boolean isMappedOrCompatibleV4(byte[] bytes) {
        for (int i = 0; i < 10; i++) {
            if (bytes[i] != 0) {
                return false;
            }
        }
        return (bytes[10] == (byte) 0xff && bytes[11] == (byte) 0xff) || (bytes[10] == 0 && bytes[11] == 0);
    }
}
