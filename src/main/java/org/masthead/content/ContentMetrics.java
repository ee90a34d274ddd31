package org.masthead.content;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.masthead.platform.Language;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * What the newsroom does, as counters an editor-in-chief charts: saves per language, publications (first
 * and updates) and withdrawals. Counted once the change has committed, on the node that made it.
 */
@Component
class ContentMetrics {

    private final MeterRegistry registry;
    private final Counter firstPublications;
    private final Counter updates;
    private final Counter withdrawals;

    ContentMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.firstPublications = publications("first");
        this.updates = publications("update");
        this.withdrawals = Counter.builder("masthead.content.withdrawals")
                .description("Stories or language versions taken off the site").register(registry);
        Language.all().forEach(this::saves);
    }

    void saved(Language language) {
        afterCommit(saves(language));
    }

    void published(boolean wasLive) {
        afterCommit(wasLive ? updates : firstPublications);
    }

    void withdrawn() {
        afterCommit(withdrawals);
    }

    private Counter saves(Language language) {
        return Counter.builder("masthead.content.saves").tag("language", language.code())
                .description("Revisions saved, per language").register(registry);
    }

    private Counter publications(String kind) {
        return Counter.builder("masthead.content.publications").tag("kind", kind)
                .description("Stories published: for the first time, or again as an update").register(registry);
    }

    private static void afterCommit(Counter counter) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            counter.increment();
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                counter.increment();
            }
        });
    }
}
