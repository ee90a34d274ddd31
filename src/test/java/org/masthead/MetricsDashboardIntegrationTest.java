package org.masthead;

import static org.assertj.core.api.Assertions.assertThat;
import static org.masthead.platform.Language.EN;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.masthead.content.Stories;
import org.masthead.content.Taxonomy;
import org.masthead.platform.outbox.OutboxRelay;
import org.masthead.support.Fixtures;
import org.masthead.support.MastheadTest;
import org.masthead.support.SiteClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Grafana dashboard in docs/grafana charts only metrics that exist: every metric named in every query
 * is in what /actuator/prometheus serves after the newsroom has worked a little, and the metrics the
 * newsroom and its operator need are charted.
 */
@MastheadTest
class MetricsDashboardIntegrationTest {

    private static final Path DASHBOARD = Path.of("docs/grafana/masthead.json");
    /** PromQL's own words, which look like names in a query but are not metrics. */
    private static final Set<String> PROMQL = Set.of("sum", "max", "min", "avg", "count", "by", "without", "rate",
            "increase", "irate", "histogram_quantile", "clamp_min", "clamp_max", "le", "on", "ignoring", "group_left",
            "group_right", "and", "or", "unless", "offset", "topk", "bottomk", "abs", "e", "inf", "nan");

    @LocalServerPort int port;
    @Autowired Stories stories;
    @Autowired Taxonomy taxonomy;
    @Autowired OutboxRelay relay;

    @Test
    void everyQueryOfTheDashboardNamesAMetricMastheadServes() throws Exception {
        var site = new SiteClient(port);
        long id = new Fixtures(stories, taxonomy).story().in(EN, Fixtures.unique("Metrics")).published();
        stories.unpublish(id);
        relay.drain();
        site.get("/en/");
        site.get("/en/search?q=energy");
        site.get("/en/search/suggest?q=en");

        var scrape = site.get("/actuator/prometheus");
        assertThat(scrape.statusCode()).isEqualTo(200);
        var served = new LinkedHashSet<String>();
        for (var line : scrape.body().lines().toList()) {
            if (!line.startsWith("#") && !line.isBlank()) {
                served.add(line.split("[{ ]", 2)[0]);
            }
        }

        var dashboard = JsonMapper.builder().build().readTree(Files.readString(DASHBOARD));
        var queries = new ArrayList<String>();
        collect(dashboard.path("panels"), queries);
        assertThat(queries).hasSizeGreaterThanOrEqualTo(12);
        var named = new LinkedHashSet<String>();
        for (var query : queries) {
            var metrics = metrics(query);
            assertThat(metrics).as(query).isNotEmpty();
            for (var metric : metrics) {
                assertThat(served).as("the metric " + metric + " of the dashboard query " + query).contains(metric);
                named.add(metric);
            }
        }
        assertThat(named).contains("masthead_outbox_lag_events", "masthead_outbox_lag_seconds",
                "masthead_content_publications_total", "masthead_content_saves_total", "masthead_cache_requests_total",
                "cache_evictions_total", "masthead_cache_invalidations_total", "masthead_page_render_seconds_bucket",
                "masthead_search_latency_seconds_bucket", "masthead_webhooks_attempts_total");
        // the work above is counted
        assertThat(scrape.body()).containsPattern("masthead_content_publications_total\\{kind=\"first\"[^}]*} [1-9]")
                .containsPattern("masthead_content_withdrawals_total(\\{[^}]*})? [1-9]")
                .containsPattern("masthead_search_latency_seconds_count\\{[^}]*kind=\"search\"[^}]*} [1-9]")
                .containsPattern("masthead_outbox_lag_events\\{consumer=\"search-index\"[^}]*} 0");
    }

    private static void collect(JsonNode panels, List<String> queries) {
        for (var panel : panels) {
            panel.path("targets").forEach(target -> queries.add(target.path("expr").asString()));
            collect(panel.path("panels"), queries);
        }
    }

    /** The metric names of a PromQL query: its identifiers less label matchers, strings, groupings and functions. */
    static Set<String> metrics(String query) {
        var plain = query.replaceAll("\"[^\"]*\"", "\"\"")
                .replaceAll("\\{[^}]*}", "")
                .replaceAll("\\b(by|without|on|ignoring)\\s*\\([^)]*\\)", "")
                .replaceAll("\\[[^]]*]", "");
        var names = new LinkedHashSet<String>();
        var identifier = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*").matcher(plain);
        while (identifier.find()) {
            var name = identifier.group();
            if (!PROMQL.contains(name.toLowerCase(java.util.Locale.ROOT))) {
                names.add(name);
            }
        }
        return names;
    }
}
