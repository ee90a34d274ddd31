package org.masthead.distribution.web;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.masthead.distribution.WebhookEvent;
import org.masthead.identity.NewsroomChrome;

/**
 * The registered webhooks and the form to add one; {@code secret} is shown once, right after a
 * registration. {@code errors} maps a form field to its message.
 */
public record WebhooksPage(NewsroomChrome chrome, List<Row> webhooks, List<WebhookEvent> events, Form form,
        Map<String, String> errors, @Nullable Shown secret) {

    public record Row(long id, String url, String events, boolean active, String description, String created) {
    }

    /** What the admin typed, kept when the registration is refused. */
    public record Form(String url, List<String> events, String description) {
    }

    public record Shown(String url, String secret) {
    }
}
