package org.masthead.distribution;

import java.net.URI;
import java.time.Instant;
import java.util.Set;

/** A registered receiver of story events. The signing secret is not part of it: it is shown once, at registration. */
public record Webhook(long id, URI url, Set<WebhookEvent> events, boolean active, String description,
        Instant createdAt) {
}
