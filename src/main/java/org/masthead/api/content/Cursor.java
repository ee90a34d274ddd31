package org.masthead.api.content;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import org.masthead.content.StoryCard;
import org.masthead.content.StoryQuery;
import org.masthead.platform.Language;

/**
 * The opaque {@code cursor} of story listings: the sort key of the last story of a page, so the next
 * page continues exactly after it however many stories were published in between.
 */
final class Cursor {

    private static final String VERSION = "1";
    private static final int MAX_LENGTH = 100;

    private Cursor() {
    }

    static String after(StoryCard last) {
        var plain = VERSION + ":" + last.updatedAt().toEpochMilli() + ":" + last.id() + ":" + last.language().code();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }

    static StoryQuery.Position read(String cursor) {
        if (cursor.isEmpty() || cursor.length() > MAX_LENGTH) {
            throw invalid();
        }
        try {
            var parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split(":");
            if (parts.length != 4 || !VERSION.equals(parts[0])) {
                throw invalid();
            }
            var language = Language.fromCode(parts[3]).orElseThrow(Cursor::invalid);
            return new StoryQuery.Position(Instant.ofEpochMilli(Long.parseLong(parts[1])), Long.parseLong(parts[2]),
                    language);
        } catch (IllegalArgumentException e) {
            throw invalid();
        }
    }

    private static BadParameter invalid() {
        return new BadParameter("cursor", "The cursor is not one this API gave out; start again without it.");
    }
}
