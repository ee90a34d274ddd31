package org.masthead.distribution.feeds;

import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.masthead.content.Block;
import org.masthead.content.PublishedStory;
import org.masthead.content.StoryCard;
import org.masthead.content.Stories;
import org.masthead.media.MediaAsset;
import org.masthead.media.MediaLibrary;
import org.masthead.platform.Language;
import org.masthead.site.InlineHtml;
import org.masthead.site.PublicUrls;
import org.masthead.site.StoryLinks;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * The body of a story as HTML for full-text feeds, its texts with marks written by {@link InlineHtml} as on
 * reader pages (links to stories as full addresses). Every text from the database is escaped as it is
 * written, and the result passes an allow-list sanitizer as well, so that a feed reader never receives
 * markup that Masthead did not mean to send (no scripts, no frames, no styles, only http(s) links).
 */
@Component
class FullText {

    /** Image width for pictures inside feed items: large enough for a reader app, small enough to load. */
    static final int IMAGE_WIDTH = 1200;

    private static final Set<String> REL_VALUES = Set.of("noopener", "nofollow", "sponsored", "ugc");

    private static final PolicyFactory POLICY = new HtmlPolicyBuilder()
            .allowElements("p", "h2", "blockquote", "figure", "figcaption", "ul", "ol", "li", "a", "img",
                    "small", "cite", "strong", "em", "sup", "sub", "br")
            .allowUrlProtocols("http", "https", "mailto", "tel")
            .allowAttributes("href", "hreflang").onElements("a")
            .allowAttributes("rel").matching((element, attribute, value) ->
                    java.util.Arrays.stream(value.split(" ")).allMatch(REL_VALUES::contains) ? value : null)
                    .onElements("a")
            .allowAttributes("src", "alt", "width", "height").onElements("img")
            .requireRelsOnLinks("noopener")
            .toFactory();

    private final Stories stories;
    private final MediaLibrary media;
    private final PublicUrls urls;
    private final MessageSource messages;
    private final StoryLinks links;

    FullText(Stories stories, MediaLibrary media, PublicUrls urls, MessageSource messages, StoryLinks links) {
        this.links = links;
        this.stories = stories;
        this.media = media;
        this.urls = urls;
        this.messages = messages;
    }

    String html(PublishedStory story) {
        var language = story.language();
        var imageIds = story.body().stream().filter(Block.Image.class::isInstance)
                .map(b -> ((Block.Image) b).mediaId()).collect(Collectors.toSet());
        var lead = story.leadImage();
        if (lead != null) {
            imageIds = union(imageIds, lead.mediaId());
        }
        var assets = media.find(imageIds);
        var readAlso = story.body().stream().filter(Block.ReadAlso.class::isInstance)
                .map(b -> ((Block.ReadAlso) b).storyId()).toList();
        Map<Long, StoryCard> targets = stories.cards(readAlso, language).stream()
                .collect(Collectors.toMap(StoryCard::id, Function.identity()));

        var linked = links.of(story.body(), language, true);
        var html = new StringBuilder(4096);
        if (lead != null) {
            figure(html, assets.get(lead.mediaId()), lead.alt(), new InlineHtml(escape(lead.caption())), lead.credit());
        }
        for (var block : story.body()) {
            switch (block) {
                case Block.Paragraph p -> html.append("<p>").append(InlineHtml.of(p.text(), linked)).append("</p>");
                case Block.Subheading s -> html.append("<h2>").append(InlineHtml.of(s.text(), linked)).append("</h2>");
                case Block.Quote q -> {
                    html.append("<blockquote><p>").append(InlineHtml.of(q.text(), linked)).append("</p><p><cite>")
                            .append(escape(q.speaker()));
                    if (!q.role().isBlank()) {
                        html.append(", ").append(escape(q.role()));
                    }
                    html.append("</cite></p></blockquote>");
                }
                case Block.Image i -> figure(html, assets.get(i.mediaId()), i.alt(), InlineHtml.of(i.caption(), linked),
                        i.credit());
                case Block.BulletList l -> {
                    var tag = l.ordered() ? "ol" : "ul";
                    html.append('<').append(tag).append('>');
                    l.items().forEach(item -> html.append("<li>").append(InlineHtml.of(item, linked)).append("</li>"));
                    html.append("</").append(tag).append('>');
                }
                case Block.ReadAlso r -> {
                    var target = targets.get(r.storyId());
                    if (target != null) {
                        html.append("<p>").append(escape(label(language))).append(" <a href=\"")
                                .append(escape(urls.absolute(urls.story(target)))).append("\">")
                                .append(escape(target.headline())).append("</a></p>");
                    }
                }
                case Block.Embed e -> html.append("<p><a href=\"").append(escape(e.url())).append("\">")
                        .append(escape(e.title() == null || e.title().isBlank() ? e.url() : e.title()))
                        .append("</a></p>");
            }
        }
        return POLICY.sanitize(html.toString());
    }

    private void figure(StringBuilder html, MediaAsset asset, String alt, InlineHtml caption, String credit) {
        if (asset == null || asset.variants().isEmpty()) {
            return;
        }
        var variant = asset.atLeast(IMAGE_WIDTH);
        html.append("<figure><img src=\"").append(escape(urls.absolute(urls.media(asset.id(), variant.width()))))
                .append("\" width=\"").append(variant.width()).append("\" height=\"").append(variant.height())
                .append("\" alt=\"").append(escape(alt)).append("\">");
        if (!caption.isEmpty() || !credit.isBlank()) {
            html.append("<figcaption>").append(caption);
            if (!credit.isBlank()) {
                html.append(" <small>").append(escape(credit)).append("</small>");
            }
            html.append("</figcaption>");
        }
        html.append("</figure>");
    }

    private String label(Language language) {
        return messages.getMessage("story.read-also", null, language.locale());
    }

    private static String escape(String text) {
        return HtmlUtils.htmlEscape(text, "UTF-8");
    }

    private static Set<Long> union(Set<Long> ids, long id) {
        var all = new java.util.HashSet<>(ids);
        all.add(id);
        return all;
    }
}
