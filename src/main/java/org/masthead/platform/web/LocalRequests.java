package org.masthead.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.web.util.matcher.IpAddressMatcher;

/**
 * Whether a request comes from this machine itself. The client address is the one the servlet container
 * settled on: behind a reverse proxy that Masthead trusts ({@code server.tomcat.remoteip.internal-proxies}),
 * the address the proxy forwarded. A request that any proxy relayed is never "from this machine", so a proxy
 * on the same host cannot make the world look local, and a forged {@code X-Forwarded-For} from elsewhere is
 * ignored by the container.
 */
public final class LocalRequests {

    private static final IpAddressMatcher LOOPBACK_V4 = new IpAddressMatcher("127.0.0.0/8");
    private static final IpAddressMatcher LOOPBACK_V6 = new IpAddressMatcher("::1");

    private LocalRequests() {
    }

    /** From the loopback interface and relayed by no proxy. */
    public static boolean fromThisMachine(HttpServletRequest request) {
        return loopbackClient(request) && request.getAttribute(ForwardedMark.ATTRIBUTE) == null
                && request.getHeader("Forwarded") == null && request.getHeader("X-Forwarded-For") == null
                && request.getHeader("X-Real-IP") == null;
    }

    /** The client (as the container determined it) is on this machine, whether or not a proxy relayed it. */
    public static boolean loopbackClient(HttpServletRequest request) {
        var address = request.getRemoteAddr();
        return address != null && (LOOPBACK_V4.matches(address) || LOOPBACK_V6.matches(address));
    }
}
