package org.masthead.content;

import java.util.Arrays;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What a static page is for, where structured data has a name for it: the schema.org property of the
 * publisher ({@code NewsMediaOrganization}) that points at the page, and the page's own type. At most one
 * page has each purpose other than {@link #NONE}.
 */
public enum PagePurpose {
    NONE(null, "WebPage"),
    ABOUT(null, "AboutPage"),
    CONTACT(null, "ContactPage"),
    PUBLISHING_PRINCIPLES("publishingPrinciples", "WebPage"),
    CORRECTIONS_POLICY("correctionsPolicy", "WebPage"),
    ETHICS_POLICY("ethicsPolicy", "WebPage"),
    MASTHEAD("masthead", "WebPage"),
    OWNERSHIP_FUNDING("ownershipFundingInfo", "WebPage"),
    ACTIONABLE_FEEDBACK("actionableFeedbackPolicy", "WebPage"),
    VERIFICATION("verificationFactCheckingPolicy", "WebPage"),
    UNNAMED_SOURCES("unnamedSourcesPolicy", "WebPage"),
    DIVERSITY_POLICY("diversityPolicy", "WebPage");

    private final @Nullable String publisherProperty;
    private final String pageType;

    PagePurpose(@Nullable String publisherProperty, String pageType) {
        this.publisherProperty = publisherProperty;
        this.pageType = pageType;
    }

    /** The publisher's property that names the page in structured data, if there is one. */
    public @Nullable String publisherProperty() {
        return publisherProperty;
    }

    /** The schema.org type of the page itself. */
    public String pageType() {
        return pageType;
    }

    /** The name used in forms and the API: the enum name in lower case with hyphens ("corrections-policy"). */
    public String key() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    public static Optional<PagePurpose> fromKey(String key) {
        return Arrays.stream(values()).filter(p -> p.key().equals(key)).findFirst();
    }
}
