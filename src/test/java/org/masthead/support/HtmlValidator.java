package org.masthead.support;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import nu.validator.client.EmbeddedValidator;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The Nu Html Checker, in process: the same checker as validator.w3.org/nu, given the page's text. */
public final class HtmlValidator {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private HtmlValidator() {
    }

    /** Every error the checker reports, as "line N: message" strings; empty when the page is valid. */
    public static List<String> errors(String html) {
        var validator = new EmbeddedValidator();
        validator.setOutputFormat(EmbeddedValidator.OutputFormat.JSON);
        try {
            var report = JSON.readTree(validator.validate(new ByteArrayInputStream(html.getBytes(StandardCharsets.UTF_8))));
            return report.path("messages").valueStream()
                    .filter(m -> "error".equals(m.path("type").asString())
                            || "non-document-error".equals(m.path("type").asString()))
                    .map(HtmlValidator::describe)
                    .toList();
        } catch (Exception e) {
            throw new IllegalStateException("The HTML checker failed", e);
        }
    }

    private static String describe(JsonNode message) {
        return "line " + message.path("lastLine").asInt() + ": " + message.path("message").asString()
                + " [" + message.path("extract").asString("") + "]";
    }
}
