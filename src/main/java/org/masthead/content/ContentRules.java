package org.masthead.content;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.LongPredicate;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The one check of what a version may hold, whichever way it comes in (the newsroom's editor, the admin
 * API, an XLIFF file, an importer): every text cleaned ({@link CleanText}), headlines free of bidirectional
 * controls, lengths bounded, marks inside their text and nested as the model allows, links to outside
 * addresses well formed and to stories that exist, read-also targets that exist and embeds on the web.
 * {@link Stories#save} runs it on every save; it answers the cleaned version or throws
 * {@link InvalidContent} naming every problem by field.
 */
@Component
public class ContentRules {

    public static final int MAX_HEADLINE = 300;
    public static final int MAX_SHORT = 1000;
    public static final int MAX_TEXT = 20_000;
    public static final int MAX_BLOCKS = 300;
    public static final int MAX_ITEMS = 100;
    /** Marks in one text, and in all the texts of one block together. */
    public static final int MAX_MARKS = 500;
    public static final int MAX_HREF = 2000;
    /** Problems named at most per refusal: enough to fix a form, not a wall. */
    static final int MAX_PROBLEMS = 50;

    private static final Pattern BLOCK_ID = Pattern.compile("[A-Za-z0-9_-]{1,40}");
    private static final Pattern SCHEME = Pattern.compile("([A-Za-z][A-Za-z0-9+.-]*):.*", Pattern.DOTALL);
    private static final Pattern MAILTO = Pattern.compile("mailto:[^@?#/]+@[^@?#/.][^@?#/]*\\.[^@?#/]+(\\?.*)?");
    private static final Pattern TEL = Pattern.compile("tel:\\+?[0-9][0-9().-]{1,30}");

    /** How complete the texts must be: a new translation is saved while texts are still to be written. */
    public enum Completeness { COMPLETE, PARTIAL }

    private final LongPredicate storyExists;

    @org.springframework.beans.factory.annotation.Autowired
    ContentRules(StoryRepository stories) {
        this(stories::exists);
    }

    /** Rules that ask {@code storyExists} whether a linked story is there (tests give their own). */
    ContentRules(LongPredicate storyExists) {
        this.storyExists = storyExists;
    }

    /** The version with every text cleaned, or {@link InvalidContent} with every problem found. */
    public SaveVersion check(SaveVersion save, Completeness completeness) {
        long self = save.storyId();
        var check = new Check(completeness, id -> id != self && storyExists.test(id));
        var headline = check.headline("headline", save.headline(), true);
        var standfirst = check.plain("standfirst", save.standfirst(), MAX_SHORT, false);
        var seoTitle = check.headline("seoTitle", save.seoTitle(), false);
        var seoDescription = check.plain("seoDescription", save.seoDescription(), MAX_SHORT, false);
        var caption = check.plain("leadImage.caption", save.leadImageCaption(), MAX_SHORT, false);
        var credit = check.plain("leadImage.credit", save.leadImageCredit(), MAX_SHORT, false);
        var alt = check.plain("leadImage.alt", save.leadImageAlt(), MAX_SHORT, false);
        var body = check.body("body", save.body());
        check.done();
        return new SaveVersion(save.storyId(), save.language(), save.basedOnRevision(), headline, standfirst, seoTitle,
                seoDescription, caption, credit, alt, body, save.savedBy());
    }

    /**
     * A body on its own (for any page made of blocks): cleaned, or {@link InvalidContent} whose fields start
     * with {@code prefix}.
     */
    public List<Block> body(String prefix, List<Block> body, Completeness completeness) {
        var check = new Check(completeness, storyExists);
        var clean = check.body(prefix, body);
        check.done();
        return clean;
    }

    /** A text with marks on its own, such as one item of a form: cleaned, or refused naming {@code field}. */
    public RichText text(String field, RichText text, int max) {
        var check = new Check(Completeness.PARTIAL, storyExists);
        var clean = check.rich(field, text, max, false);
        check.done();
        return clean;
    }

    /** Whether {@code href} is an outside address a link may point to (see {@link Mark.Link}). */
    public static boolean linkTarget(String href) {
        return hrefProblem(href) == null;
    }

    /** Whether {@code url} is a whole http or https address. */
    public static boolean webAddress(String url) {
        var problem = hrefProblem(url);
        return problem == null && url.regionMatches(true, 0, "http", 0, 4);
    }

    private static @Nullable String hrefProblem(String href) {
        if (href.isEmpty() || href.length() > MAX_HREF) {
            return "content.error.href";
        }
        for (int i = 0; i < href.length(); ) {
            int c = href.codePointAt(i);
            // whitespace, controls, invisible and bidi characters would let the shown address differ from the real one
            if (c <= 0x20 || c >= 0x7F && c <= 0xA0 || Character.isWhitespace(c) || c >= 0xD800 && c <= 0xDFFF
                    || c == 0xAD || c >= 0x200B && c <= 0x200F || c >= 0x202A && c <= 0x202E
                    || c >= 0x2066 && c <= 0x2069 || c == 0xFEFF || c == '\\') {
                return "content.error.href";
            }
            i += Character.charCount(c);
        }
        var scheme = SCHEME.matcher(href);
        if (!scheme.matches()) {
            return "content.error.href";   // relative and protocol-relative addresses too
        }
        switch (scheme.group(1).toLowerCase(Locale.ROOT)) {
            case "http", "https" -> {
                try {
                    var uri = new URI(href);
                    if (uri.getRawAuthority() == null || uri.getHost() == null || uri.getHost().isEmpty()
                            || uri.getRawUserInfo() != null) {
                        return "content.error.href";
                    }
                } catch (URISyntaxException e) {
                    return "content.error.href";
                }
            }
            case "mailto" -> {
                if (!MAILTO.matcher(href.substring(0, 6).toLowerCase(Locale.ROOT) + href.substring(6)).matches()) {
                    return "content.error.href";
                }
            }
            case "tel" -> {
                if (!TEL.matcher(href.substring(0, 3).toLowerCase(Locale.ROOT) + href.substring(3)).matches()) {
                    return "content.error.href";
                }
            }
            default -> {
                return "content.error.href";
            }
        }
        return null;
    }

    /** One run of the rules: collects problems, remembers which stories exist. */
    private static final class Check {

        private final Completeness completeness;
        private final LongPredicate storyExists;
        private final Map<Long, Boolean> known = new HashMap<>();
        private final List<InvalidContent.Problem> problems = new ArrayList<>();

        Check(Completeness completeness, LongPredicate storyExists) {
            this.completeness = completeness;
            this.storyExists = storyExists;
        }

        void done() {
            if (!problems.isEmpty()) {
                throw new InvalidContent(problems);
            }
        }

        private void problem(String field, String key, Object... args) {
            if (problems.size() < MAX_PROBLEMS) {
                var texts = new ArrayList<String>();
                for (var arg : args) {
                    texts.add(String.valueOf(arg));
                }
                problems.add(new InvalidContent.Problem(field, key, texts));
            }
        }

        private boolean required() {
            return completeness == Completeness.COMPLETE;
        }

        String headline(String field, @Nullable String text, boolean required) {
            var clean = plain(field, text, MAX_HEADLINE, required);
            int bidi = CleanText.bidiControl(clean);
            if (bidi >= 0) {
                problem(field, "content.error.bidi", bidi + 1);
            }
            return clean;
        }

        String plain(String field, @Nullable String text, int max, boolean required) {
            var clean = CleanText.line(text == null ? "" : text).strip();
            if (clean.isEmpty() && required && required()) {
                problem(field, "content.error.required");
            } else if (clean.length() > max) {
                problem(field, "content.error.too-long", max);
            }
            return clean;
        }

        List<Block> body(String prefix, @Nullable List<Block> body) {
            if (body == null) {
                return List.of();
            }
            if (body.size() > MAX_BLOCKS) {
                problem(prefix, "content.error.too-many-blocks", MAX_BLOCKS);
                return body;
            }
            var out = new ArrayList<Block>(body.size());
            Set<String> ids = new HashSet<>();
            for (int i = 0; i < body.size(); i++) {
                var field = prefix + "[" + i + "].";
                var block = body.get(i);
                if (block == null) {
                    problem(prefix + "[" + i + "]", "content.error.required");
                    continue;
                }
                var id = block.id() != null && BLOCK_ID.matcher(block.id()).matches() && !ids.contains(block.id())
                        ? block.id() : UUID.randomUUID().toString().substring(0, 8);
                ids.add(id);
                int marks = block.richTexts().stream().mapToInt(t -> t == null ? 0 : t.marks().size()).sum();
                if (marks > MAX_MARKS && block.richTexts().size() > 1) {
                    // one text over the limit is named at that text; many texts of a list count together
                    problem(prefix + "[" + i + "]", "content.error.too-many-marks", MAX_MARKS);
                }
                out.add(switch (block) {
                    case Block.Paragraph p -> new Block.Paragraph(id, rich(field + "text", p.text(), MAX_TEXT, true));
                    case Block.Subheading s -> new Block.Subheading(id, rich(field + "text", s.text(), MAX_SHORT, true));
                    case Block.Quote q -> new Block.Quote(id, rich(field + "text", q.text(), MAX_TEXT, true),
                            plain(field + "speaker", q.speaker(), MAX_SHORT, true),
                            plain(field + "role", q.role(), MAX_SHORT, false));
                    case Block.Image image -> new Block.Image(id, image.mediaId(),
                            rich(field + "caption", image.caption(), MAX_SHORT, false),
                            plain(field + "credit", image.credit(), MAX_SHORT, false),
                            plain(field + "alt", image.alt(), MAX_SHORT, false));
                    case Block.BulletList list -> {
                        var items = list.items();
                        if (items.isEmpty() && required() || items.size() > MAX_ITEMS) {
                            problem(field + "items", "content.error.items", MAX_ITEMS);
                        }
                        var clean = new ArrayList<RichText>();
                        for (int j = 0; j < items.size() && j < MAX_ITEMS; j++) {
                            clean.add(rich(field + "items[" + j + "]", items.get(j), MAX_SHORT, true));
                        }
                        yield new Block.BulletList(id, list.ordered(), clean);
                    }
                    case Block.ReadAlso readAlso -> {
                        if (!exists(readAlso.storyId())) {
                            problem(field + "storyId", "content.error.story", readAlso.storyId());
                        }
                        yield new Block.ReadAlso(id, readAlso.storyId());
                    }
                    case Block.Embed embed -> {
                        var url = embed.url() == null ? "" : embed.url().strip();
                        if (!webAddress(url)) {
                            problem(field + "url", "content.error.url");
                        }
                        var title = plain(field + "title", embed.title(), MAX_SHORT, false);
                        yield new Block.Embed(id, url, title.isEmpty() ? null : title);
                    }
                });
            }
            return out;
        }

        RichText rich(String field, @Nullable RichText text, int max, boolean required) {
            var clean = CleanText.rich(text == null ? RichText.EMPTY : text).strip();
            if (clean.text().isEmpty() && required && required()) {
                problem(field, "content.error.required");
            } else if (clean.text().length() > max) {
                problem(field, "content.error.too-long", max);
            }
            marks(field, clean);
            return clean.canonical();
        }

        private void marks(String field, RichText text) {
            var marks = text.marks();
            if (marks.size() > MAX_MARKS) {
                problem(field + ".marks", "content.error.too-many-marks", MAX_MARKS);
                return;
            }
            int length = text.text().length();
            for (int j = 0; j < marks.size(); j++) {
                var mark = marks.get(j);
                var at = field + ".marks[" + j + "]";
                if (mark.start() < 0 || mark.end() > length || mark.start() >= mark.end()) {
                    problem(at, mark.isLink() && mark.start() == mark.end() && mark.start() >= 0 && mark.end() <= length
                            ? "content.error.link-text" : "content.error.mark-range", mark.start(), mark.end(), length);
                    continue;
                }
                if (splitsCharacter(text.text(), mark.start()) || splitsCharacter(text.text(), mark.end())) {
                    problem(at, "content.error.mark-surrogate");
                }
                switch (mark) {
                    case Mark.Link link -> {
                        if (text.text().substring(mark.start(), mark.end()).isBlank()) {
                            problem(at, "content.error.link-text");
                        }
                        if (hrefProblem(link.href()) != null) {
                            problem(at + ".href", "content.error.href");
                        }
                        if (!Mark.RELS.containsAll(link.rel()) || new HashSet<>(link.rel()).size() != link.rel().size()) {
                            problem(at + ".rel", "content.error.rel");
                        }
                    }
                    case Mark.StoryLink link -> {
                        if (text.text().substring(mark.start(), mark.end()).isBlank()) {
                            problem(at, "content.error.link-text");
                        }
                        if (!exists(link.storyId())) {
                            problem(at + ".storyId", "content.error.story", link.storyId());
                        }
                    }
                    default -> { }
                }
            }
            // in start order, only the marks that start before one ends can overlap it; problems name the
            // marks by the index they came with
            var order = java.util.stream.IntStream.range(0, marks.size()).boxed()
                    .filter(j -> marks.get(j).start() >= 0 && marks.get(j).start() < marks.get(j).end()
                            && marks.get(j).end() <= length)
                    .sorted((a, b) -> RichText.ORDER.compare(marks.get(a), marks.get(b))).toList();
            for (int x = 0; x < order.size(); x++) {
                var mark = marks.get(order.get(x));
                for (int y = x + 1; y < order.size() && marks.get(order.get(y)).start() < mark.end(); y++) {
                    var other = marks.get(order.get(y));
                    int first = Math.min(order.get(x), order.get(y));
                    var otherAt = field + ".marks[" + Math.max(order.get(x), order.get(y)) + "]";
                    if (mark.isLink() && other.isLink()) {
                        problem(otherAt, "content.error.link-overlap", first);
                    } else if (mark.kind().equals(other.kind())) {
                        problem(otherAt, "content.error.mark-overlap", mark.kind(), first);
                    } else if (mark.rank() >= 3 && other.rank() >= 3) {
                        problem(otherAt, "content.error.script-overlap", first);
                    }
                }
            }
        }

        private static boolean splitsCharacter(String text, int index) {
            return index > 0 && index < text.length() && Character.isLowSurrogate(text.charAt(index))
                    && Character.isHighSurrogate(text.charAt(index - 1));
        }

        private boolean exists(long storyId) {
            return known.computeIfAbsent(storyId, storyExists::test);
        }
    }
}
