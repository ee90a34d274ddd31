package org.masthead.cache;

import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class CacheConfiguration {

    /**
     * Before Spring Security: a cached page needs no security decision (only anonymous GETs are
     * answered from the cache), and it keeps the security headers it was rendered with.
     */
    @Bean
    FilterRegistrationBean<PageCacheFilter> pageCacheFilter(PageCache cache, CacheProperties properties,
            io.micrometer.core.instrument.MeterRegistry metrics) {
        var registration = new FilterRegistrationBean<>(new PageCacheFilter(cache, properties, metrics));
        registration.setName("pageCacheFilter");
        registration.setOrder(SecurityFilterProperties.DEFAULT_FILTER_ORDER - 10);
        return registration;
    }
}
