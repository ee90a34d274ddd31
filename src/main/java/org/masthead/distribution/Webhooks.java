package org.masthead.distribution;

import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Registrations of webhooks and their delivery log: the way in for the admin screens and the admin
 * API. Sending is the {@link WebhookSender}'s job; this only records what should be sent.
 */
@Service
public class Webhooks {

    static final int DESCRIPTION_LENGTH = 200;

    private final WebhookRepository repository;
    private final WebhookTargets targets;
    private final Clock clock;

    Webhooks(WebhookRepository repository, WebhookTargets targets, Clock clock) {
        this.repository = repository;
        this.targets = targets;
        this.clock = clock;
    }

    /**
     * Registers a receiver after checking that Masthead may call its URL; the returned secret signs
     * every payload and is not shown again.
     */
    @Transactional
    public RegisteredWebhook register(NewWebhook webhook) {
        var url = targets.check(webhook.url());
        if (webhook.events().isEmpty()) {
            throw new InvalidWebhook("events", "Choose at least one event.");
        }
        if (webhook.description().length() > DESCRIPTION_LENGTH) {
            throw new InvalidWebhook("description", "Describe the webhook in at most " + DESCRIPTION_LENGTH
                    + " characters.");
        }
        var secret = WebhookSignature.newSecret();
        long id = repository.insert(url, secret, EnumSet.copyOf(webhook.events()), webhook.description().strip(),
                clock.instant());
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
    public boolean setActive(long id, boolean active) {
        return repository.setActive(id, active);
    }

    /** Removes the registration with its delivery log. */
    @Transactional
    public boolean remove(long id) {
        return repository.delete(id);
    }

    /** The newest deliveries of a webhook with every attempt, newest first. */
    @Transactional(readOnly = true)
    public List<WebhookDelivery> deliveries(long webhookId, int limit) {
        return repository.deliveries(webhookId, limit);
    }

    /** Sends a delivery that failed for good once more, with the same delivery id. */
    @Transactional
    public boolean retry(String deliveryId) {
        return repository.retry(deliveryId, clock.instant());
    }
}
