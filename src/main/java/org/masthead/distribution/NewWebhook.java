package org.masthead.distribution;

import java.util.Set;

/** What an admin registers: the receiving URL, the events it wants and a note on what it is for. */
public record NewWebhook(String url, Set<WebhookEvent> events, String description) {
}
