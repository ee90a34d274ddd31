package org.masthead.platform;

import java.util.regex.Pattern;
import org.springframework.boot.json.JsonWriter;
import org.springframework.boot.logging.structured.StructuredLoggingJsonMembersCustomizer;

/**
 * A last line of defence for the JSON log: any access token ({@code mh_…}) or webhook secret
 * ({@code whsec_…}) that some message or stack trace would carry is masked before the line is written.
 * Named in {@code logging.structured.json.customizer}.
 */
public class LogSecrets implements StructuredLoggingJsonMembersCustomizer<Object> {

    private static final Pattern SECRETS = Pattern.compile("\\b(mh_|whsec_)[A-Za-z0-9_+/=-]{8,}");

    @Override
    public void customize(JsonWriter.Members<Object> members) {
        members.applyingValueProcessor(JsonWriter.ValueProcessor.of(String.class, LogSecrets::mask));
    }

    public static String mask(String value) {
        return value.indexOf('_') < 0 ? value : SECRETS.matcher(value).replaceAll("$1***");
    }
}
