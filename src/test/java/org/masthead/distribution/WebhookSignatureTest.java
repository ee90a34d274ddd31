package org.masthead.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WebhookSignatureTest {

    @Test
    void signsLikeTheStandardWebhooksReferenceExample() {
        // the worked example of the Standard Webhooks specification
        var signature = WebhookSignature.sign("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
                "msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330, "{\"test\": 2432232314}");
        assertThat(signature).isEqualTo("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
    }

    @Test
    void secretsAreRandomAndCarryTheirPrefix() {
        var one = WebhookSignature.newSecret();
        assertThat(one).startsWith("whsec_").hasSizeGreaterThan(40).isNotEqualTo(WebhookSignature.newSecret());
    }
}
