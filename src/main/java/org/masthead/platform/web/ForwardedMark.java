package org.masthead.platform.web;

import jakarta.servlet.ServletException;
import java.io.IOException;
import java.util.ArrayList;
import org.apache.catalina.Valve;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ValveBase;
import org.springframework.boot.tomcat.TomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;

/**
 * Marks, before the container applies a proxy's forwarded headers (and removes those it used), every
 * request that carried any: {@link LocalRequests} then never mistakes a relayed request for one made on
 * this machine, whatever address the headers named.
 */
@Component
class ForwardedMark implements WebServerFactoryCustomizer<TomcatWebServerFactory>, Ordered {

    static final String ATTRIBUTE = "masthead.forwarded";
    private static final String[] HEADERS = {"Forwarded", "X-Forwarded-For", "X-Forwarded-Host", "X-Forwarded-Proto",
            "X-Real-IP"};

    @Override
    public void customize(TomcatWebServerFactory factory) {
        var valves = new ArrayList<Valve>(factory.getEngineValves());
        valves.addFirst(new MarkValve());
        factory.setEngineValves(valves);
    }

    /** After Spring Boot's own customizer, which adds the remote IP valve this one must precede. */
    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }

    private static final class MarkValve extends ValveBase {

        MarkValve() {
            super(true);
        }

        @Override
        public void invoke(Request request, Response response) throws IOException, ServletException {
            for (var header : HEADERS) {
                if (request.getHeader(header) != null) {
                    request.setAttribute(ATTRIBUTE, Boolean.TRUE);
                    break;
                }
            }
            getNext().invoke(request, response);
        }
    }
}
