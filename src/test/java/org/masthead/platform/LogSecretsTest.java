package org.masthead.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LogSecretsTest {

    @Test
    void tokensAndWebhookSecretsAreMaskedWhereverTheyStand() {
        assertThat(LogSecrets.mask("Bearer mh_Zx9_kT-2mLQe8r0aVbWcYdXe1fG3hJ4k failed"))
                .isEqualTo("Bearer mh_*** failed");
        assertThat(LogSecrets.mask("secret=whsec_c2VjcmV0LXNlY3JldC1zZWNyZXQ=, next"))
                .isEqualTo("secret=whsec_***, next");
        assertThat(LogSecrets.mask("an ordinary_message about mh_short")).isEqualTo("an ordinary_message about mh_short");
    }
}
