package org.masthead.site.seo;

import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.masthead.media.MediaLibrary;
import org.masthead.platform.Language;
import org.masthead.site.CurrentLayout;
import org.masthead.site.PublicUrls;
import org.springframework.stereotype.Component;

/**
 * The publisher as structured data names it: the publication's name and logo from its settings, its own
 * profiles as {@code sameAs}, and the static pages whose purpose schema.org has a property for
 * ({@code publishingPrinciples}, {@code correctionsPolicy}, {@code ethicsPolicy}…), in the page's language
 * when that version is live. The configured policy addresses stand in while no page has the purpose.
 */
@Component
public class Publisher {

    /** Google asks for a publisher logo no wider than 600 pixels. */
    static final int LOGO_WIDTH = 600;

    private final CurrentLayout publication;
    private final MediaLibrary media;
    private final PublicUrls urls;
    private final PublisherProperties properties;

    Publisher(CurrentLayout publication, MediaLibrary media, PublicUrls urls,
            PublisherProperties properties) {
        this.publication = publication;
        this.media = media;
        this.urls = urls;
        this.properties = properties;
    }

    /** The {@code NewsMediaOrganization} object in {@code language}. */
    public Map<String, Object> organization(Language language) {
        var current = publication.publication();
        var organization = new LinkedHashMap<String, Object>();
        organization.put("@type", "NewsMediaOrganization");
        organization.put("name", current.name(language));
        organization.put("url", urls.absolute(urls.home(language)));
        organization.put("logo", logo(current.logoMediaId()));
        if (!current.socialLinks().isEmpty()) {
            organization.put("sameAs", current.socialLinks());
        }
        var purposes = new LinkedHashMap<String, String>();
        if (!properties.publishingPrinciplesUrl().isBlank()) {
            purposes.put("publishingPrinciples", absolute(properties.publishingPrinciplesUrl()));
        }
        if (!properties.correctionsPolicyUrl().isBlank()) {
            purposes.put("correctionsPolicy", absolute(properties.correctionsPolicyUrl()));
        }
        for (var page : publication.get().purposes(language)) {
            var property = page.purpose().publisherProperty();
            if (property != null) {
                purposes.put(property, urls.absolute(urls.page(language, page.slug())));
            }
        }
        organization.putAll(purposes);
        return organization;
    }

    /** The newsroom's account for Twitter cards: from its X or Twitter profile, else the configured one. */
    public String twitterSite() {
        for (var link : publication.publication().socialLinks()) {
            var uri = java.net.URI.create(link);
            var host = String.valueOf(uri.getHost()).replaceFirst("^www\\.", "");
            var path = uri.getPath() == null ? "" : uri.getPath().replaceAll("^/+|/+$", "");
            if ((host.equals("x.com") || host.equals("twitter.com")) && path.matches("[A-Za-z0-9_]{1,15}")) {
                return "@" + path;
            }
        }
        return properties.twitterSite();
    }

    private Map<String, Object> logo(@Nullable Long mediaId) {
        var asset = mediaId == null ? null : media.find(mediaId).orElse(null);
        if (asset != null && !asset.variants().isEmpty()) {
            var fitting = asset.variants().stream().filter(v -> v.width() <= LOGO_WIDTH)
                    .max(java.util.Comparator.comparingInt(v -> v.width())).orElse(asset.variants().getFirst());
            return image(urls.absolute(urls.media(asset.id(), fitting.width())), fitting.width(), fitting.height());
        }
        return image(absolute(properties.logo()), properties.logoWidth(), properties.logoHeight());
    }

    private static Map<String, Object> image(String url, int width, int height) {
        var image = new LinkedHashMap<String, Object>();
        image.put("@type", "ImageObject");
        image.put("url", url);
        image.put("width", width);
        image.put("height", height);
        return image;
    }

    private String absolute(String pathOrUrl) {
        return pathOrUrl.startsWith("/") ? urls.absolute(pathOrUrl) : pathOrUrl;
    }
}
