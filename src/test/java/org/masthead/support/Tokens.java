package org.masthead.support;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** Makes personal access tokens the way people do: on their account page, reading the token shown once. */
public final class Tokens {

    private static final Pattern SHOWN = Pattern.compile("<code class=\"secret\" id=\"new-token\">([^<]+)</code>");

    private Tokens() {
    }

    public static String issue(NewsroomClient client, String name, String... scopes) {
        client.get("/newsroom/account");
        var form = new ArrayList<Map.Entry<String, String>>(List.of(Map.entry("name", name)));
        for (var scope : scopes) {
            form.add(Map.entry("scopes", scope));
        }
        var page = client.post("/newsroom/account/tokens", form);
        var matcher = SHOWN.matcher(page.body());
        if (page.statusCode() != 200 || !matcher.find()) {
            throw new IllegalStateException("No token made: " + page.statusCode());
        }
        return matcher.group(1);
    }
}
