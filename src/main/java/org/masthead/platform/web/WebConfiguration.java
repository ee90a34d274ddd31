package org.masthead.platform.web;

import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class WebConfiguration {

    /** Before the page cache and the security chains: a refused request costs neither a render nor a session. */
    @Bean
    FilterRegistrationBean<RateLimits> rateLimits(RateLimitProperties properties) {
        var registration = new FilterRegistrationBean<>(new RateLimits(properties));
        registration.setOrder(SecurityFilterProperties.DEFAULT_FILTER_ORDER - 20);
        return registration;
    }
}
