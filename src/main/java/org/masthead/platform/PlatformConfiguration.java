package org.masthead.platform;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class PlatformConfiguration {

    /** Every "now" in Masthead comes from this clock, so tests can pin time. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
