package org.masthead.api;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.tags.Tag;
import java.util.List;
import org.masthead.site.SiteProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;
import org.springframework.web.filter.ShallowEtagHeaderFilter;

@Configuration(proxyBeanMethods = false)
public class ApiConfiguration {

    static final String CONTENT_API = "/api/v1/";
    /** The name of the admin API's security scheme in the OpenAPI document. */
    public static final String ADMIN_TOKEN = "token";

    /**
     * An ETag on every successful API read, computed from the body, and 304 Not Modified for a client
     * that already holds it: cheap for clients that poll, exact whatever the response is made of.
     */
    @Bean
    FilterRegistrationBean<ShallowEtagHeaderFilter> apiEtags() {
        var registration = new FilterRegistrationBean<>(new ShallowEtagHeaderFilter());
        registration.addUrlPatterns(CONTENT_API + "*");
        registration.setName("apiEtags");
        return registration;
    }

    /**
     * The content API is public and read-only: any web page may read it from the browser. The rule goes by path,
     * read by the security chain's CORS filter and the page cache: taken from the web layer's mappings instead,
     * every request, reader pages too, looked its handler up once more only to learn that no rule applies.
     */
    @Bean
    CorsConfigurationSource corsConfigurationSource() {
        var contentApi = new CorsConfiguration();
        contentApi.addAllowedOrigin("*");
        contentApi.setAllowedMethods(List.of("GET", "HEAD"));
        contentApi.setAllowedHeaders(List.of("If-None-Match", "Accept"));
        contentApi.setExposedHeaders(List.of("ETag", "Link"));
        contentApi.setAllowCredentials(false);
        contentApi.setMaxAge(3600L);
        var rules = new UrlBasedCorsConfigurationSource();
        rules.registerCorsConfiguration(CONTENT_API + "**", contentApi);
        return rules;
    }

    /** The tags operations are grouped under, named for who uses them. */
    public static final String CONTENT = "content";
    public static final String SEARCH = "search";
    public static final String ADMIN = "admin";

    @Bean
    OpenAPI contentApiDocument(SiteProperties site) {
        return new OpenAPI()
                .addTagsItem(new Tag().name(CONTENT).description("Published stories with their body blocks, and the "
                        + "sections, tags and authors: public, read-only, no token."))
                .addTagsItem(new Tag().name(SEARCH).description("Full-text search over published stories in one "
                        + "language: public, read-only, no token."))
                .addTagsItem(new Tag().name(ADMIN).description("Stories, versions, images and status changes for "
                        + "systems that publish, with a personal access token; every change goes through the "
                        + "newsroom's workflow and audit log."))
                .components(new Components().addSecuritySchemes(ADMIN_TOKEN, new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("mh_…")
                        .description("A personal access token made under /newsroom/account. Scopes: read (GET), "
                                + "write (stories, versions, images), publish (status changes). A token never does "
                                + "more than its account's roles allow.")))
                .info(new Info()
                .title("Masthead content API")
                .version("v1")
                .description("""
                        Published stories of the newsroom in Ukrainian (uk), English (en) and Russian (ru), \
                        with their body blocks as structured data, and the sections, tags and authors. \
                        Listings are newest change first and paged with the opaque `cursor` of the previous page. \
                        Every response carries an ETag; send it back in If-None-Match to get 304 when nothing \
                        changed. Errors are RFC 9457 problem documents. \
                        Operations under /api/v1/admin are the admin API: they need a personal access token \
                        (Authorization: Bearer …) and act as its account, through the newsroom's workflow.""")
                .license(new License().name("Content: all rights reserved by the publisher")
                        .url(site.baseUrl().toString())));
    }
}
