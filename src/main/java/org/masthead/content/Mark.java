package org.masthead.content;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.List;
import java.util.Objects;

/**
 * One inline mark of a {@link RichText}, over {@code [start, end)} of its text. The JSON names its kind in
 * {@code type}: {@code bold}, {@code italic}, {@code superscript}, {@code subscript}, {@code link} (an
 * outside address: {@code http}, {@code https}, {@code mailto} or {@code tel}, with optional {@code rel}
 * values {@code nofollow}, {@code sponsored}, {@code ugc}) and {@code storyLink} (another story by id,
 * shown at its current address in the reader's language).
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = Mark.Bold.class, name = "bold"),
        @JsonSubTypes.Type(value = Mark.Italic.class, name = "italic"),
        @JsonSubTypes.Type(value = Mark.Superscript.class, name = "superscript"),
        @JsonSubTypes.Type(value = Mark.Subscript.class, name = "subscript"),
        @JsonSubTypes.Type(value = Mark.Link.class, name = "link"),
        @JsonSubTypes.Type(value = Mark.StoryLink.class, name = "storyLink")
})
public sealed interface Mark {

    /** The {@code rel} values an outside link may carry besides the {@code noopener} every one gets. */
    List<String> RELS = List.of("nofollow", "sponsored", "ugc");

    int start();

    int end();

    /** The same mark over another range. */
    Mark at(int start, int end);

    /** Where the mark nests when rendered: links outermost, then bold, italic, superscript, subscript. */
    @JsonIgnore
    default int rank() {
        return switch (this) {
            case Link l -> 0;
            case StoryLink l -> 0;
            case Bold b -> 1;
            case Italic i -> 2;
            case Superscript s -> 3;
            case Subscript s -> 4;
        };
    }

    /** Whether this is a link of either kind (links never overlap each other). */
    @JsonIgnore
    default boolean isLink() {
        return rank() == 0;
    }

    /** The name of the kind, as in the JSON. */
    @JsonIgnore
    default String kind() {
        return switch (this) {
            case Link l -> "link";
            case StoryLink l -> "storyLink";
            case Bold b -> "bold";
            case Italic i -> "italic";
            case Superscript s -> "superscript";
            case Subscript s -> "subscript";
        };
    }

    record Bold(int start, int end) implements Mark {
        @Override
        public Mark at(int start, int end) {
            return new Bold(start, end);
        }
    }

    record Italic(int start, int end) implements Mark {
        @Override
        public Mark at(int start, int end) {
            return new Italic(start, end);
        }
    }

    record Superscript(int start, int end) implements Mark {
        @Override
        public Mark at(int start, int end) {
            return new Superscript(start, end);
        }
    }

    record Subscript(int start, int end) implements Mark {
        @Override
        public Mark at(int start, int end) {
            return new Subscript(start, end);
        }
    }

    /** A link to an outside address; {@code rel} lists any of {@link #RELS}. */
    record Link(int start, int end, String href, List<String> rel) implements Mark {

        public Link {
            href = Objects.requireNonNullElse(href, "");
            rel = rel == null ? List.of() : List.copyOf(rel.stream().filter(Objects::nonNull).toList());
        }

        @Override
        public Mark at(int start, int end) {
            return new Link(start, end, href, rel);
        }
    }

    /** A link to another story of this newsroom by its id. */
    record StoryLink(int start, int end, long storyId) implements Mark {
        @Override
        public Mark at(int start, int end) {
            return new StoryLink(start, end, storyId);
        }
    }
}
