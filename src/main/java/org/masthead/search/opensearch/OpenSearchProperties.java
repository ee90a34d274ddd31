package org.masthead.search.opensearch;

import java.net.URI;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the OpenSearch cluster is, with {@code masthead.search.engine=opensearch}.
 *
 * @param url the cluster's HTTP address, such as {@code http://127.0.0.1:9200}
 * @param username with {@code password}, sent as HTTP basic authentication; none when blank
 * @param index the alias that searches and writes go through; each generation of the index is a concrete index
 *        named after it, swapped in behind the alias by a rebuild
 * @param replicas replicas of the index's one shard (a single-node cluster needs 0)
 * @param timeout how long a request may take before the cluster counts as unreachable
 */
@ConfigurationProperties("masthead.search.opensearch")
public record OpenSearchProperties(
        @DefaultValue("http://127.0.0.1:9200") URI url,
        @Nullable String username,
        @Nullable String password,
        @DefaultValue("masthead") String index,
        @DefaultValue("1") int replicas,
        @DefaultValue("10s") Duration timeout) {
}
