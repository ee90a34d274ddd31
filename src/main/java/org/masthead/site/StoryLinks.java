package org.masthead.site;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.masthead.content.Block;
import org.masthead.content.RichText;
import org.masthead.platform.Language;
import org.springframework.stereotype.Component;

/**
 * Where the links of a body to other stories go for a reader of one language: the linked story's live
 * version in that language, else a live version in another language (uk, en, ru in that order) named by
 * {@code hreflang}, else nowhere (the link text stays plain, so no address of a story readers cannot open
 * is ever shown). Addresses come from {@link PublicUrls}, so a changed slug is followed on the next render.
 */
@Component
public class StoryLinks {

    /** The address of a linked story, and its language when it is not the reader's. */
    public record Target(String url, @Nullable String hreflang) {
    }

    /** The targets found for one body; {@link #story} is null for a story readers cannot open. */
    public record Targets(Map<Long, Target> targets) {

        public static final Targets NONE = new Targets(Map.of());

        public @Nullable Target story(long storyId) {
            return targets.get(storyId);
        }

        /** The stories linked to: a page showing these links changes when any of them changes. */
        public Set<Long> storyIds() {
            return targets.keySet();
        }
    }

    private final ReaderData stories;
    private final PublicUrls urls;

    StoryLinks(ReaderData stories, PublicUrls urls) {
        this.stories = stories;
        this.urls = urls;
    }

    /** The ids of every story the texts of {@code body} link to. */
    public static Set<Long> linkedFrom(List<Block> body) {
        var ids = new LinkedHashSet<Long>();
        body.forEach(block -> block.richTexts().forEach(text -> ids.addAll(text.linkedStories())));
        return ids;
    }

    /** Targets for the story links of {@code body}, as site paths or, with {@code absolute}, full addresses. */
    public Targets of(List<Block> body, Language language, boolean absolute) {
        return of(linkedFrom(body), language, absolute);
    }

    public Targets of(RichText text, Language language, boolean absolute) {
        return of(new LinkedHashSet<>(text.linkedStories()), language, absolute);
    }

    public Targets of(Collection<Long> storyIds, Language language, boolean absolute) {
        if (storyIds.isEmpty()) {
            return Targets.NONE;
        }
        var found = new HashMap<Long, Target>();
        var missing = new ArrayList<>(storyIds);
        var order = new ArrayList<Language>();
        order.add(language);
        Language.all().stream().filter(l -> l != language).forEach(order::add);
        for (var lang : order) {
            if (missing.isEmpty()) {
                break;
            }
            for (var card : stories.cards(missing, lang)) {
                var path = urls.story(card);
                found.put(card.id(), new Target(absolute ? urls.absolute(path) : path, lang == language ? null : lang.code()));
            }
            missing.removeIf(found::containsKey);
        }
        return new Targets(Map.copyOf(found));
    }
}
