package org.masthead.content;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One typed piece of a story body. Bodies are stored as JSON lists of blocks, never as HTML, and
 * every text in them is plain text that the renderer escapes. {@code id} is stable across saves and
 * shared by the translations of the same block.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = Block.Paragraph.class, name = "paragraph"),
        @JsonSubTypes.Type(value = Block.Subheading.class, name = "subheading"),
        @JsonSubTypes.Type(value = Block.Quote.class, name = "quote"),
        @JsonSubTypes.Type(value = Block.Image.class, name = "image"),
        @JsonSubTypes.Type(value = Block.BulletList.class, name = "list"),
        @JsonSubTypes.Type(value = Block.ReadAlso.class, name = "readAlso"),
        @JsonSubTypes.Type(value = Block.Embed.class, name = "embed")
})
public sealed interface Block {

    String id();

    record Paragraph(String id, String text) implements Block {
    }

    record Subheading(String id, String text) implements Block {
    }

    /** A statement attributed to a named speaker; {@code role} is the speaker's position, may be empty. */
    record Quote(String id, String text, String speaker, String role) implements Block {
    }

    record Image(String id, long mediaId, String caption, String credit, String alt) implements Block {
    }

    record BulletList(String id, boolean ordered, List<String> items) implements Block {
    }

    /** A pointer to another story, shown in the reader's language if that version is published. */
    record ReadAlso(String id, long storyId) implements Block {
    }

    /** An outside resource shown as a link, never as a third-party frame or script. */
    record Embed(String id, String url, @Nullable String title) implements Block {
    }
}
