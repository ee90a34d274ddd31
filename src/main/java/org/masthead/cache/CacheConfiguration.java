package org.masthead.cache;

import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.masthead.platform.web.RateLimitProperties;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.cors.CorsConfigurationSource;

@Configuration(proxyBeanMethods = false)
class CacheConfiguration {

    /**
     * Before Spring Security: a cached page needs no security decision (only anonymous GETs are
     * answered from the cache), and it keeps the security headers it was rendered with.
     */
    @Bean
    PageCacheFilter pageCacheAnswers(PageCache cache, CacheProperties properties,
            io.micrometer.core.instrument.MeterRegistry metrics,
            @Qualifier("corsConfigurationSource") ObjectProvider<CorsConfigurationSource> cors) {
        // the CORS rules the security chain's CORS filter reads too (it finds them by that name)
        return new PageCacheFilter(cache, properties, metrics, cors::getIfAvailable);
    }

    @Bean
    FilterRegistrationBean<PageCacheFilter> pageCacheFilter(PageCacheFilter filter) {
        var registration = new FilterRegistrationBean<>(filter);
        registration.setName("pageCacheFilter");
        registration.setOrder(SecurityFilterProperties.DEFAULT_FILTER_ORDER - 10);
        return registration;
    }

    /** Hits answered inside Tomcat, before any filter (see {@link PageCacheValve}). */
    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> pageCacheValve(PageCacheFilter filter,
            RateLimitProperties limits) {
        return factory -> factory.addContextValves(new PageCacheValve(filter, limits));
    }
}
