package org.masthead.api;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.tags.Tag;
import org.masthead.site.SiteProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.ShallowEtagHeaderFilter;
import org.springframework.web.servlet.config.annotation.CorsRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

@Configuration(proxyBeanMethods = false)
public class ApiConfiguration implements WebMvcConfigurer {

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

    /** The content API is public and read-only: any web page may read it from the browser. */
    @Override
    public void addCorsMappings(CorsRegistry registry) {
        registry.addMapping(CONTENT_API + "**")
                .allowedOrigins("*")
                .allowedMethods("GET", "HEAD")
                .allowedHeaders("If-None-Match", "Accept")
                .exposedHeaders("ETag", "Link")
                .allowCredentials(false)
                .maxAge(3600);
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
