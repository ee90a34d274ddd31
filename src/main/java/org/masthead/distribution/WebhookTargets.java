package org.masthead.distribution;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Decides whether Masthead may call a webhook URL. A registered URL must not turn the server into a
 * way into its own network, so unless configuration allows it, every address the host resolves to must
 * be public: not loopback, private, link-local, shared (carrier-grade NAT), unique-local, multicast,
 * unspecified, nor a translation or tunnel into such a network (NAT64, 6to4, Teredo) or other special
 * space. Checked at registration, and at every attempt on the very addresses the request then connects to.
 */
@Component
class WebhookTargets {

    static final int MAX_URL_LENGTH = 2000;

    private final boolean allowPrivate;
    private final Resolver resolver;

    @Autowired
    WebhookTargets(DistributionProperties properties) {
        this(properties.webhooks().allowPrivateTargets(), InetAddress::getAllByName);
    }

    WebhookTargets(boolean allowPrivate, Resolver resolver) {
        this.allowPrivate = allowPrivate;
        this.resolver = resolver;
    }

    /** Looks up a host name; a seam so tests can resolve names without DNS. */
    @FunctionalInterface
    interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    /** The URL as Masthead will call it, or {@link InvalidWebhook} saying why it may not. */
    URI check(String url) {
        if (url.isBlank() || url.length() > MAX_URL_LENGTH) {
            throw new InvalidWebhook("url", "url-length", "Give an http or https URL of at most " + MAX_URL_LENGTH
                    + " characters.", MAX_URL_LENGTH);
        }
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (URISyntaxException e) {
            throw new InvalidWebhook("url", "url-invalid", "This is not a valid URL.");
        }
        var scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new InvalidWebhook("url", "url-scheme", "Webhooks are delivered over http or https only.");
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            throw new InvalidWebhook("url", "url-host", "The URL needs a host name.");
        }
        if (uri.getRawUserInfo() != null) {
            throw new InvalidWebhook("url", "url-userinfo",
                    "Put no user name or password in the URL; check the signature instead.");
        }
        if (uri.getRawFragment() != null) {
            throw new InvalidWebhook("url", "url-fragment", "A webhook URL has no #fragment.");
        }
        var host = uri.getHost().startsWith("[") ? uri.getHost().substring(1, uri.getHost().length() - 1) : uri.getHost();
        InetAddress[] addresses;
        try {
            addresses = resolver.resolve(host);
        } catch (UnknownHostException e) {
            throw new InvalidWebhook("url", "url-unknown-host", "The host " + host + " cannot be found.", host);
        }
        if (addresses.length == 0) {
            throw new InvalidWebhook("url", "url-unknown-host", "The host " + host + " has no address.", host);
        }
        if (!allowPrivate) {
            for (var address : addresses) {
                if (!isPublic(address)) {
                    throw new InvalidWebhook("url", "url-private", "The host " + host + " resolves to "
                            + address.getHostAddress() + ", an address inside a private network; webhooks go to"
                            + " public addresses only.", host, address.getHostAddress());
                }
            }
        }
        return uri;
    }

    /**
     * The addresses of {@code host} that Masthead may connect to: resolved once, each checked, and those are
     * the ones the request connects to, so a DNS answer that changes between check and connection (DNS
     * rebinding) cannot lead the request elsewhere.
     */
    InetAddress[] addresses(String host) throws UnknownHostException {
        var bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        var addresses = resolver.resolve(bare);
        if (addresses.length == 0) {
            throw new UnknownHostException("The host " + bare + " has no address");
        }
        if (!allowPrivate) {
            for (var address : addresses) {
                if (!isPublic(address)) {
                    throw new RefusedAddress("The host " + bare + " resolves to " + address.getHostAddress()
                            + ", which is not a public address");
                }
            }
        }
        return addresses;
    }

    /** A host that resolved, but to an address webhooks may not reach. */
    static final class RefusedAddress extends UnknownHostException {
        RefusedAddress(String message) {
            super(message);
        }
    }

    /** What a log line may say about a webhook URL: scheme and host, never its path or query, which may hold a token. */
    static String redacted(String url) {
        try {
            var uri = new URI(url);
            return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort()) + "/…";
        } catch (URISyntaxException | RuntimeException e) {
            return "(an unreadable URL)";
        }
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

    static boolean isPublic(InetAddress address) {
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
