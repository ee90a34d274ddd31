package org.masthead.site;

/** The two syndication formats every list page is offered in. */
public enum FeedFormat {
    RSS("rss", "application/rss+xml"),
    ATOM("atom", "application/atom+xml");

    private final String name;
    private final String mediaType;

    FeedFormat(String name, String mediaType) {
        this.name = name;
        this.mediaType = mediaType;
    }

    /** {@code rss.xml}, {@code rss-full.xml}, {@code atom.xml} or {@code atom-full.xml}. */
    public String fileName(boolean fullText) {
        return name + (fullText ? "-full" : "") + ".xml";
    }

    public String mediaType() {
        return mediaType;
    }
}
