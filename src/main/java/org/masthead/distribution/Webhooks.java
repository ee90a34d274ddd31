package org.masthead.distribution;

import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import org.masthead.identity.AuditLog;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Registrations of webhooks and their delivery log: the way in for the admin screens and the admin
 * API. Sending is the {@link WebhookSender}'s job; this only records what should be sent. Every
 * change names who made it and is written to the audit log in the same transaction.
 */
@Service
public class Webhooks {

    static final int DESCRIPTION_LENGTH = 200;

    private final WebhookRepository repository;
    private final WebhookTargets targets;
    private final AuditLog audit;
    private final Clock clock;

    Webhooks(WebhookRepository repository, WebhookTargets targets, AuditLog audit, Clock clock) {
        this.repository = repository;
        this.targets = targets;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Registers a receiver after checking that Masthead may call its URL; the returned secret signs
     * every payload and is not shown again.
     */
    @Transactional
    public RegisteredWebhook register(NewWebhook webhook, String actor) {
        var url = targets.check(webhook.url());
        if (webhook.events().isEmpty()) {
            throw new InvalidWebhook("events", "events", "Choose at least one event.");
        }
        if (webhook.description().length() > DESCRIPTION_LENGTH) {
            throw new InvalidWebhook("description", "description", "Describe the webhook in at most "
                    + DESCRIPTION_LENGTH + " characters.", DESCRIPTION_LENGTH);
        }
        var secret = WebhookSignature.newSecret();
        var events = EnumSet.copyOf(webhook.events());
        long id = repository.insert(url, secret, events, webhook.description().strip(), clock.instant());
        audit.record(actor, "webhook.register", "webhook " + id, url + " " + events.stream()
                .map(WebhookEvent::wireName).collect(java.util.stream.Collectors.joining(",")));
        return new RegisteredWebhook(repository.find(id).orElseThrow(), secret);
    }

    @Transactional(readOnly = true)
    public List<Webhook> all() {
        return repository.all();
    }

    @Transactional(readOnly = true)
    public Optional<Webhook> find(long id) {
        return repository.find(id);
    }

    /** A paused webhook gets no new deliveries and its pending ones wait until it is active again. */
    @Transactional
    public boolean setActive(long id, boolean active, String actor) {
        boolean changed = repository.setActive(id, active);
        if (changed) {
            audit.record(actor, active ? "webhook.resume" : "webhook.pause", "webhook " + id, "");
        }
        return changed;
    }

    /** Removes the registration with its delivery log. */
    @Transactional
    public boolean remove(long id, String actor) {
        var url = repository.find(id).map(w -> w.url().toString()).orElse("");
        boolean removed = repository.delete(id);
        if (removed) {
            audit.record(actor, "webhook.delete", "webhook " + id, url);
        }
        return removed;
    }

    /** The newest deliveries of a webhook with every attempt, newest first. */
    @Transactional(readOnly = true)
    public List<WebhookDelivery> deliveries(long webhookId, int limit) {
        return repository.deliveries(webhookId, limit);
    }

    /** Sends a delivery that failed for good once more, with the same delivery id. */
    @Transactional
    public boolean retry(String deliveryId, String actor) {
        boolean queued = repository.retry(deliveryId, clock.instant());
        if (queued) {
            audit.record(actor, "webhook.retry", "delivery " + deliveryId, "");
        }
        return queued;
    }
}
