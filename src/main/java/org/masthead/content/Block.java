package org.masthead.content;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One typed piece of a story body. Bodies are stored as JSON lists of blocks, never as HTML (see
 * {@code docs/body-format.md}). The texts readers read in the flow of the story (paragraphs,
 * sub-headings, quotes, list items, image captions) are {@link RichText}s with inline marks; names,
 * credits, alt texts and titles are plain text. {@code id} is stable across saves and shared by the
 * translations of the same block.
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

    /** Every text of the block with marks, in reading order. */
    default List<RichText> richTexts() {
        return switch (this) {
            case Paragraph p -> List.of(p.text());
            case Subheading s -> List.of(s.text());
            case Quote q -> List.of(q.text());
            case Image i -> List.of(i.caption());
            case BulletList l -> l.items();
            case ReadAlso r -> List.of();
            case Embed e -> List.of();
        };
    }

    record Paragraph(String id, RichText text) implements Block {
        public Paragraph {
            text = Objects.requireNonNullElse(text, RichText.EMPTY);
        }

        public Paragraph(String id, String text) {
            this(id, RichText.plain(text));
        }
    }

    record Subheading(String id, RichText text) implements Block {
        public Subheading {
            text = Objects.requireNonNullElse(text, RichText.EMPTY);
        }

        public Subheading(String id, String text) {
            this(id, RichText.plain(text));
        }
    }

    /** A statement attributed to a named speaker; {@code role} is the speaker's position, may be empty. */
    record Quote(String id, RichText text, String speaker, String role) implements Block {
        public Quote {
            text = Objects.requireNonNullElse(text, RichText.EMPTY);
            speaker = Objects.requireNonNullElse(speaker, "");
            role = Objects.requireNonNullElse(role, "");
        }

        public Quote(String id, String text, String speaker, String role) {
            this(id, RichText.plain(text), speaker, role);
        }
    }

    record Image(String id, long mediaId, RichText caption, String credit, String alt) implements Block {
        public Image {
            caption = Objects.requireNonNullElse(caption, RichText.EMPTY);
            credit = Objects.requireNonNullElse(credit, "");
            alt = Objects.requireNonNullElse(alt, "");
        }

        public Image(String id, long mediaId, String caption, String credit, String alt) {
            this(id, mediaId, RichText.plain(caption), credit, alt);
        }
    }

    record BulletList(String id, boolean ordered, List<RichText> items) implements Block {
        public BulletList {
            items = items == null ? List.of() : List.copyOf(items.stream().filter(Objects::nonNull).toList());
        }

        /** A list of items without marks. */
        public static BulletList of(String id, boolean ordered, List<String> items) {
            return new BulletList(id, ordered, items.stream().map(RichText::plain).toList());
        }
    }

    /** A pointer to another story, shown in the reader's language if that version is published. */
    record ReadAlso(String id, long storyId) implements Block {
    }

    /** An outside resource shown as a link, never as a third-party frame or script. */
    record Embed(String id, String url, @Nullable String title) implements Block {
    }
}
