vcl 4.1;
# Varnish in front of Masthead (Debian: apt-get install varnish varnish-modules).
# Masthead tags every cacheable response with Surrogate-Key and, when masthead.cache.front.varnish.urls names this
# Varnish, sends "PURGE /" with the keys to drop in an xkey-purge header whenever content changes; "*" drops all.
# Pages are kept for their s-maxage (masthead.cache.shared-max-age); a correction is purged at once.

import xkey;

# Where Masthead listens; several nodes go behind a director or a load balancer (deploy/haproxy/).
backend masthead {
    .host = "127.0.0.1";
    .port = "8080";
}

# Who may purge: the Masthead nodes. Set it to their addresses.
acl purgers {
    "127.0.0.1";
    "::1";
}

sub vcl_recv {
    if (req.method == "PURGE") {
        if (client.ip !~ purgers) {
            return (synth(403, "Not allowed to purge"));
        }
        if (!req.http.xkey-purge) {
            return (synth(400, "No xkey-purge header"));
        }
        if (req.http.xkey-purge == "*") {
            ban("obj.status != 0");
            return (synth(200, "Banned every object"));
        }
        set req.http.x-purged = xkey.purge(req.http.xkey-purge);
        return (synth(200, "Purged " + req.http.x-purged + " objects"));
    }
    # the newsroom and signed-in readers always reach Masthead
    if (req.url ~ "^/newsroom/" || req.url ~ "^/actuator/" || req.http.Cookie ~ "(JSESSIONID|remember-me)=") {
        return (pass);
    }
    # live blogs' event streams stay open
    if (req.url ~ "^/live/") {
        return (pipe);
    }
    # cookies set by a browser for other sites' scripts do not change a reader page
    unset req.http.Cookie;
}

sub vcl_backend_response {
    # the keys xkey indexes the object under, from Masthead's Surrogate-Key
    if (beresp.http.Surrogate-Key) {
        set beresp.http.xkey = beresp.http.Surrogate-Key;
    }
}

sub vcl_deliver {
    unset resp.http.xkey;
    if (obj.hits > 0) {
        set resp.http.X-Cache = "HIT";
    } else {
        set resp.http.X-Cache = "MISS";
    }
}
