package org.masthead.distribution.web;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.masthead.identity.NewsroomChrome;

/** One webhook's newest deliveries with every attempt: what was sent, when, and what the receiver said. */
public record WebhookLogPage(NewsroomChrome chrome, long webhookId, String url, List<Delivery> deliveries) {

    public record Delivery(String id, String event, String status, String created, @Nullable String delivered,
            @Nullable String nextAttempt, boolean failed, List<Attempt> attempts, String payload) {
    }

    public record Attempt(int number, String at, String answer, long millis) {
    }
}
