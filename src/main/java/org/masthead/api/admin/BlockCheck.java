package org.masthead.api.admin;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.masthead.content.Block;
import org.masthead.content.Stories;
import org.masthead.media.MediaLibrary;
import org.springframework.stereotype.Component;

/**
 * Checks the body blocks of a version sent to the admin API, with the bounds of the newsroom's own
 * editor: texts present and bounded, images and read-also stories that exist, embeds on http(s) only.
 * Blocks without a usable id get a fresh one; missing optional texts become empty.
 */
@Component
class BlockCheck {

    static final int MAX_TEXT = 20_000;
    static final int MAX_ITEMS = 100;

    private final MediaLibrary media;
    private final Stories stories;

    BlockCheck(MediaLibrary media, Stories stories) {
        this.media = media;
        this.stories = stories;
    }

    List<Block> checked(List<Block> body) {
        var out = new ArrayList<Block>(body.size());
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < body.size(); i++) {
            var prefix = "body[" + i + "].";
            var block = body.get(i);
            var id = block.id() != null && block.id().matches("[A-Za-z0-9_-]{1,40}") && !ids.contains(block.id())
                    ? block.id() : UUID.randomUUID().toString().substring(0, 8);
            ids.add(id);
            out.add(switch (block) {
                case Block.Paragraph p -> new Block.Paragraph(id, required(p.text(), prefix + "text", MAX_TEXT));
                case Block.Subheading s -> new Block.Subheading(id, required(s.text(), prefix + "text", AdminRequests.MAX_SHORT));
                case Block.Quote q -> new Block.Quote(id, required(q.text(), prefix + "text", MAX_TEXT),
                        required(q.speaker(), prefix + "speaker", AdminRequests.MAX_SHORT),
                        optional(q.role(), prefix + "role"));
                case Block.Image image -> {
                    if (media.find(image.mediaId()).isEmpty()) {
                        throw new InvalidField(prefix + "mediaId", "There is no image " + image.mediaId() + ".");
                    }
                    yield new Block.Image(id, image.mediaId(), optional(image.caption(), prefix + "caption"),
                            optional(image.credit(), prefix + "credit"), optional(image.alt(), prefix + "alt"));
                }
                case Block.BulletList list -> {
                    var items = Objects.requireNonNullElse(list.items(), List.<String>of());
                    if (items.isEmpty() || items.size() > MAX_ITEMS) {
                        throw new InvalidField(prefix + "items", "A list has 1 to " + MAX_ITEMS + " items.");
                    }
                    var clean = new ArrayList<String>();
                    for (int j = 0; j < items.size(); j++) {
                        clean.add(required(items.get(j), prefix + "items[" + j + "]", AdminRequests.MAX_SHORT));
                    }
                    yield new Block.BulletList(id, list.ordered(), List.copyOf(clean));
                }
                case Block.ReadAlso readAlso -> {
                    if (stories.details(readAlso.storyId()).isEmpty()) {
                        throw new InvalidField(prefix + "storyId", "There is no story " + readAlso.storyId() + ".");
                    }
                    yield new Block.ReadAlso(id, readAlso.storyId());
                }
                case Block.Embed embed -> {
                    var url = required(embed.url(), prefix + "url", AdminRequests.MAX_SHORT);
                    if (!webAddress(url)) {
                        throw new InvalidField(prefix + "url", "An embed links to an http or https address.");
                    }
                    var title = embed.title() == null ? null : optional(embed.title(), prefix + "title");
                    yield new Block.Embed(id, url, title == null || title.isEmpty() ? null : title);
                }
            });
        }
        return out;
    }

    private static String required(@Nullable String text, String field, int max) {
        var value = text == null ? "" : text.strip();
        if (value.isEmpty() || value.length() > max) {
            throw new InvalidField(field, "Give 1 to " + max + " characters.");
        }
        return value;
    }

    private static String optional(@Nullable String text, String field) {
        var value = text == null ? "" : text.strip();
        if (value.length() > AdminRequests.MAX_SHORT) {
            throw new InvalidField(field, "At most " + AdminRequests.MAX_SHORT + " characters.");
        }
        return value;
    }

    private static boolean webAddress(String text) {
        try {
            var uri = URI.create(text);
            return uri.getHost() != null && Set.of("http", "https").contains(String.valueOf(uri.getScheme()).toLowerCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
