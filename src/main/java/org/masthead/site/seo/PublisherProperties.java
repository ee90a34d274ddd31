package org.masthead.site.seo;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The publisher as structured data names it.
 *
 * @param logo the publisher's logo (a site path or an absolute URL); search engines want a raster image
 * @param logoWidth the logo's width in pixels
 * @param logoHeight the logo's height in pixels
 * @param publishingPrinciplesUrl the page describing the newsroom's editorial standards; empty leaves it out
 * @param correctionsPolicyUrl the page describing how the newsroom corrects errors; empty leaves it out
 * @param twitterSite the newsroom's account for Twitter cards, such as "@masthead"; empty leaves it out
 */
@ConfigurationProperties("masthead.site.publisher")
public record PublisherProperties(
        @DefaultValue("/site/img/logo.png") String logo,
        @DefaultValue("600") int logoWidth,
        @DefaultValue("60") int logoHeight,
        @DefaultValue("") String publishingPrinciplesUrl,
        @DefaultValue("") String correctionsPolicyUrl,
        @DefaultValue("") String twitterSite) {
}
