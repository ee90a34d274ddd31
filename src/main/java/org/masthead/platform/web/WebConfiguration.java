package org.masthead.platform.web;

import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class WebConfiguration {

    /** Outermost: whatever inside needed the database while it was away is answered 503, not 500. */
    @Bean
    FilterRegistrationBean<DatabaseOutage> databaseOutage() {
        var registration = new FilterRegistrationBean<>(new DatabaseOutage());
        registration.setOrder(Integer.MIN_VALUE);
        registration.setDispatcherTypes(jakarta.servlet.DispatcherType.REQUEST, jakarta.servlet.DispatcherType.ERROR);
        return registration;
    }

    /** Just inside: a body that cannot be read is answered 400 wherever a filter first read it. */
    @Bean
    FilterRegistrationBean<MalformedRequests> malformedRequests() {
        var registration = new FilterRegistrationBean<>(new MalformedRequests());
        registration.setOrder(Integer.MIN_VALUE + 1);
        return registration;
    }

    /** Before the page cache and the security chains: a refused request costs neither a render nor a session. */
    @Bean
    FilterRegistrationBean<RateLimits> rateLimits(RateLimitProperties properties) {
        var registration = new FilterRegistrationBean<>(new RateLimits(properties));
        registration.setOrder(SecurityFilterProperties.DEFAULT_FILTER_ORDER - 20);
        return registration;
    }
}
