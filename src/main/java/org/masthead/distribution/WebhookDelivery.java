package org.masthead.distribution;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One event sent (or being sent) to one webhook, with every attempt: the delivery log admins read.
 * {@code id} is the webhook-id header the receiver sees on every attempt.
 */
public record WebhookDelivery(String id, long webhookId, WebhookEvent event, String payload, Status status,
        int attempts, Instant nextAttemptAt, @Nullable Integer lastStatus, @Nullable String lastError,
        Instant createdAt, @Nullable Instant deliveredAt, List<Attempt> log) {

    public enum Status { PENDING, DELIVERED, FAILED }

    /** One try: the receiver's HTTP status, or what went wrong before there was one. */
    public record Attempt(int number, Instant at, @Nullable Integer statusCode, @Nullable String error,
            long durationMillis) {
    }
}
