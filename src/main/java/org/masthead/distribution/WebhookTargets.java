package org.masthead.distribution;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Decides whether Masthead may call a webhook URL. A registered URL must not turn the server into a
 * way into its own network, so unless configuration allows it, every address the host resolves to must
 * be public: not loopback, private, link-local, shared (carrier-grade NAT), unique-local, multicast or
 * unspecified. Checked at registration and again before every attempt, since DNS answers can change.
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

    static boolean isPublic(InetAddress address) {
        if (address.isLoopbackAddress() || address.isAnyLocalAddress() || address.isLinkLocalAddress()
                || address.isSiteLocalAddress() || address.isMulticastAddress()) {
            return false;
        }
        var bytes = address.getAddress();
        if (address instanceof Inet4Address) {
            int first = bytes[0] & 0xff;
            int second = bytes[1] & 0xff;
            return first != 0                                         // "this network"
                    && !(first == 100 && second >= 64 && second < 128)  // shared address space (RFC 6598)
                    && !(first == 192 && second == 0 && (bytes[2] & 0xff) == 0)  // IETF protocol assignments
                    && !(first == 198 && (second == 18 || second == 19))          // benchmarking
                    && first < 240;                                   // reserved and broadcast
        }
        if (address instanceof Inet6Address v6) {
            if ((bytes[0] & 0xfe) == 0xfc) {
                return false;                                         // unique local fc00::/7
            }
            if (isMappedOrCompatibleV4(bytes)) {
                try {
                    return isPublic(InetAddress.getByAddress(java.util.Arrays.copyOfRange(bytes, 12, 16)));
                } catch (UnknownHostException e) {
                    return false;
                }
            }
            return v6.getScopeId() == 0;
        }
        return false;
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
