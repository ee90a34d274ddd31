package org.masthead.distribution;

/** A new registration with its signing secret, which the receiver needs to check signatures. */
public record RegisteredWebhook(Webhook webhook, String secret) {
}
