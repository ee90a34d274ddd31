package org.masthead.site.seo;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class JsonLdTest {

    @Test
    void textThatWouldCloseTheScriptElementIsEscapedAndMeansTheSame() {
        var headline = "</script><script>alert(1)</script> <!-- & \u2028\u2029 >";
        var json = JsonMapper.builder().build().writeValueAsString(java.util.Map.of("headline", headline));

        var safe = JsonLd.forScriptElement(json);

        assertThat(safe).doesNotContain("</", "<!--", "<", ">", "&", "\u2028", "\u2029");
        assertThat(JsonMapper.builder().build().readTree(safe).path("headline").asString()).isEqualTo(headline);
    }
}
