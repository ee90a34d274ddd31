package org.masthead.distribution;

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

    static boolean isPublic(InetAddress address) {
        return org.masthead.platform.PublicAddresses.isPublic(address);
    }
}
