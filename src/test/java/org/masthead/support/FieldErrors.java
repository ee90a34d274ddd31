package org.masthead.support;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.web.util.HtmlUtils;

/** The messages a newsroom form shows beside its fields, read from the page: field id to message. */
public final class FieldErrors {

    private static final Pattern FIELD_ERROR =
            Pattern.compile("<p class=\"field-error\" id=\"([a-zA-Z0-9-]+)-error\">([^<]*)</p>");

    private FieldErrors() {
    }

    public static Map<String, String> of(HttpResponse<String> page) {
        var errors = new LinkedHashMap<String, String>();
        var matcher = FIELD_ERROR.matcher(page.body());
        while (matcher.find()) {
            errors.put(matcher.group(1), HtmlUtils.htmlUnescape(matcher.group(2)));
        }
        return errors;
    }
}
