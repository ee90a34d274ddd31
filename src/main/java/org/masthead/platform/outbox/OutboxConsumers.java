package org.masthead.platform.outbox;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Every outbox consumer of Masthead, declared here and nowhere else: its name, its scope and, where it must
 * never act on an event before another consumer has, which one. The relay refuses to start with a consumer
 * that is not declared here, or a declaration that no consumer answers.
 *
 * <p>Each consumer has cursors of its own, so one that fails holds back no other: it waits and tries again
 * from its cursor while the rest carry on, and catches up when it recovers. The one ordering that matters is
 * declared with {@link Consumer#after}: a page that shows search results is dropped only once the index
 * holding the change has committed it, so the page rendered next shows the change (see the cache module's
 * search pages consumer).
 */
public final class OutboxConsumers {

    /** Where a consumer runs in a cluster of nodes sharing one database. */
    public enum Scope {
        /**
         * On one node at a time, from one cursor shared by the cluster, which a node claims with a lease in
         * the database (webhook deliveries, translation state, evictions told to every node).
         */
        ONCE_PER_CLUSTER,
        /**
         * On every node, from a cursor of that node (state each node keeps for itself, such as an embedded
         * index); a node that joins late or was down starts from its own cursor, or the first event, and
         * catches up.
         */
        EVERY_NODE
    }

    /**
     * One consumer. {@code after} names a consumer whose events this one never passes: its cursor stays at or
     * behind the other's (on this node when that one runs on every node).
     */
    public record Consumer(String name, Scope scope, @Nullable String after) {

        public static Consumer oncePerCluster(String name) {
            return new Consumer(name, Scope.ONCE_PER_CLUSTER, null);
        }

        public static Consumer everyNode(String name) {
            return new Consumer(name, Scope.EVERY_NODE, null);
        }

        public Consumer after(String leader) {
            return new Consumer(name, scope, leader);
        }
    }

    /**
     * Masthead's consumers, in the order a relay pass visits them. Where the search index lives decides how its
     * consumers run: the embedded Lucene index is a folder on each node, so every node feeds its own; one OpenSearch
     * index serves the whole cluster, so one node at a time feeds it, and the node that saw it move drops the search
     * pages of every node.
     */
    public static OutboxConsumers masthead(SearchEngine engine) {
        var search = engine == SearchEngine.LUCENE ? Scope.EVERY_NODE : Scope.ONCE_PER_CLUSTER;
        return new OutboxConsumers(List.of(
                new Consumer("search-index", search, null),
                // drops search pages once the index holds what changed them
                new Consumer("search-pages", search, "search-index"),
                // evicts on this node and tells the others through the database
                Consumer.oncePerCluster("page-cache"),
                // tells Varnish or the CDN in front to drop what the nodes' page caches dropped, once they have
                Consumer.oncePerCluster("front-cache").after("page-cache"),
                // wakes the live blogs' event streams on this node and tells the others through the database
                Consumer.oncePerCluster("live-streams"),
                Consumer.oncePerCluster("translation-tracker"),
                Consumer.oncePerCluster("webhooks"),
                Consumer.oncePerCluster("websub"),
                Consumer.oncePerCluster("indexnow")));
    }

    /** The search engine, as {@code masthead.search.engine} names it. */
    public enum SearchEngine {
        LUCENE, OPENSEARCH;

        public static SearchEngine named(String name) {
            return valueOf(name.strip().toUpperCase(java.util.Locale.ROOT));
        }
    }

    /** The application's declaration, for the relay and for consumers that act by their scope. */
    @org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
    static class Declaration {

        @org.springframework.context.annotation.Bean
        OutboxConsumers outboxConsumers(
                @org.springframework.beans.factory.annotation.Value("${masthead.search.engine:lucene}") String engine) {
            return masthead(SearchEngine.named(engine));
        }
    }

    private final List<Consumer> consumers;

    public OutboxConsumers(List<Consumer> consumers) {
        var names = new HashSet<String>();
        for (var consumer : consumers) {
            if (!names.add(consumer.name())) {
                throw new IllegalArgumentException("Outbox consumer " + consumer.name() + " is declared twice");
            }
            if (consumer.after() != null && !names.contains(consumer.after())) {
                throw new IllegalArgumentException("Outbox consumer " + consumer.name() + " comes after "
                        + consumer.after() + ", which must be declared before it");
            }
        }
        this.consumers = List.copyOf(new ArrayList<>(consumers));
    }

    public List<Consumer> all() {
        return consumers;
    }

    public Optional<Consumer> find(String name) {
        return consumers.stream().filter(consumer -> consumer.name().equals(name)).findFirst();
    }

    /** The scope of a declared consumer. */
    public Scope scopeOf(String name) {
        return find(name).orElseThrow(() -> new IllegalArgumentException("No outbox consumer " + name)).scope();
    }
}
