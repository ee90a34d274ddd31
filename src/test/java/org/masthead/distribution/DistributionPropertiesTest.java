package org.masthead.distribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Settings that feeds and search engines read are refused at start-up when they could not be valid there. */
class DistributionPropertiesTest {

    @Test
    void theManagingEditorIsAnEmailAddressWithAnOptionalName() {
        assertThat(properties("editor@news.example (Olena Marchenko)").managingEditor())
                .isEqualTo("editor@news.example (Olena Marchenko)");
        assertThat(properties(" desk@news.example ").managingEditor()).isEqualTo("desk@news.example");
        assertThat(properties("").managingEditor()).isEmpty();
        for (var wrong : new String[] {"Olena Marchenko", "editor@localhost", "editor@news.example Olena",
                "<editor@news.example>", "editor@news.example (a (b))"}) {
            assertThatThrownBy(() -> properties(wrong)).as(wrong).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("managing-editor");
        }
    }

    @Test
    void anIndexNowKeyIsEightToOneHundredTwentyEightLettersDigitsOrHyphens() {
        assertThat(new DistributionProperties.IndexNow("", "https://example.org/indexnow", Duration.ofSeconds(1)).enabled())
                .isFalse();
        assertThat(new DistributionProperties.IndexNow("abcd-1234", "https://example.org/indexnow", Duration.ofSeconds(1))
                .enabled()).isTrue();
        assertThatThrownBy(() -> new DistributionProperties.IndexNow("short", "https://example.org/", Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DistributionProperties.IndexNow("../../etc/passwd", "https://example.org/",
                Duration.ofSeconds(1))).isInstanceOf(IllegalArgumentException.class);
    }

    private static DistributionProperties properties(String managingEditor) {
        return new DistributionProperties(50, "", "2026", managingEditor,
                new DistributionProperties.Webhooks(false, 10, Duration.ofSeconds(30), Duration.ofHours(6),
                        Duration.ofSeconds(10), Duration.ofSeconds(60), Duration.ofSeconds(2)),
                new DistributionProperties.Websub("", Duration.ofSeconds(10)),
                new DistributionProperties.IndexNow("", "https://example.org/indexnow", Duration.ofSeconds(10)));
    }
}
