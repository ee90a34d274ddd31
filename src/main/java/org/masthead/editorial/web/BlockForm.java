package org.masthead.editorial.web;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.masthead.content.Block;
import org.masthead.content.InlineMarkup;
import org.masthead.content.InvalidContent;
import org.masthead.content.RichText;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * One body block as the edit form holds it: every field as typed, so a refused save shows the text
 * back unchanged. Texts with marks ({@code text}, {@code caption}, each line of {@code items}) are in the
 * newsroom's markup ({@link InlineMarkup}); {@code richJson} is what the toolbar editor posts instead when a
 * script runs: the block's texts with marks as JSON, taken before the markup. {@code query} is the headline
 * search of a read-also block. The static methods read a whole posted body and turn it into blocks: story
 * versions and static pages share them, as they share the blocks; what a body may hold is decided by the
 * content rules on the way in.
 */
public record BlockForm(String type, String id, String text, String speaker, String role, String media,
        String caption, String credit, String alt, String items, boolean ordered, String story, String url,
        String title, String query, String richJson) {

    static final List<String> TYPES = List.of("paragraph", "subheading", "quote", "image", "list", "readAlso", "embed");
    static final int MAX_BLOCKS = 300;
    /** What the toolbar editor may post for one block; the rules bound each text far below this. */
    static final int MAX_RICH_JSON = 2_000_000;
    private static final Pattern BLOCK_FIELD = Pattern.compile("blocks\\[(\\d{1,3})]\\.([a-zA-Z]+)");
    private static final Pattern PROBLEM_FIELD = Pattern.compile("body\\[(\\d{1,3})]\\.([a-zA-Z]+).*");
    private static final TypeReference<List<RichText>> TEXTS = new TypeReference<>() { };

    /** The posted body: {@code blocks[i].field} parameters, in the order of their index; unknown types are dropped. */
    static List<BlockForm> parseAll(Map<String, String[]> params) {
        var blocks = new TreeMap<Integer, Map<String, String>>();
        params.forEach((name, values) -> {
            var matcher = BLOCK_FIELD.matcher(name);
            if (matcher.matches() && values.length > 0) {
                int index = Integer.parseInt(matcher.group(1));
                if (index < MAX_BLOCKS) {
                    blocks.computeIfAbsent(index, i -> new LinkedHashMap<>()).put(matcher.group(2), values[0]);
                }
            }
        });
        var forms = new ArrayList<BlockForm>();
        for (var fields : blocks.values()) {
            var type = fields.getOrDefault("type", "paragraph");
            if (!TYPES.contains(type)) {
                continue;
            }
            forms.add(new BlockForm(type, id(fields.getOrDefault("id", "")), get(fields, "text"), get(fields, "speaker"),
                    get(fields, "role"), get(fields, "media"), get(fields, "caption"), get(fields, "credit"),
                    get(fields, "alt"), get(fields, "items"), "true".equals(fields.get("ordered")), get(fields, "story"),
                    get(fields, "url"), get(fields, "title"), get(fields, "query"), get(fields, "richJson")));
        }
        return forms;
    }

    /**
     * The blocks of a posted body, their texts read from the toolbar's JSON or else from the markup; throws
     * {@link InvalidContent} (fields named {@code body[i]...} as the content rules name them) for what cannot
     * be read: markup typed without its partner, a number that is none.
     */
    static List<Block> readAll(List<BlockForm> blocks, JsonMapper json) {
        var problems = new ArrayList<InvalidContent.Problem>();
        var body = new ArrayList<Block>();
        for (int i = 0; i < blocks.size(); i++) {
            var block = blocks.get(i);
            var at = "body[" + i + "].";
            var texts = richTexts(block, json, at, problems);
            body.add(switch (block.type()) {
                case "paragraph" -> new Block.Paragraph(block.id(), texts.getFirst());
                case "subheading" -> new Block.Subheading(block.id(), texts.getFirst());
                case "quote" -> new Block.Quote(block.id(), texts.getFirst(), block.speaker(), block.role());
                case "image" -> new Block.Image(block.id(), number(block.media(), at + "mediaId", problems),
                        texts.getFirst(), block.credit(), block.alt());
                case "list" -> new Block.BulletList(block.id(), block.ordered(), texts);
                case "readAlso" -> new Block.ReadAlso(block.id(), number(block.story(), at + "storyId", problems));
                case "embed" -> new Block.Embed(block.id(), block.url(), block.title());
                default -> throw new IllegalStateException("Unknown block type " + block.type());
            });
        }
        if (!problems.isEmpty()) {
            throw new InvalidContent(problems);
        }
        return body;
    }

    /**
     * The blocks as the page shows them: each block with marks also as the JSON the toolbar editor starts
     * from, taken from what it posted or else read from the markup (as plain text where the markup cannot be
     * read, so the editor shows what was typed). Where the toolbar posted JSON, the markup fields show it too.
     */
    static List<BlockForm> forEditor(List<BlockForm> blocks, JsonMapper json) {
        var shown = new ArrayList<BlockForm>(blocks.size());
        for (var block : blocks) {
            if (!block.hasMarks()) {
                shown.add(block);
                continue;
            }
            var problems = new ArrayList<InvalidContent.Problem>();
            var texts = richTexts(block, json, "body[0].", problems);
            if (!problems.isEmpty()) {
                texts = switch (block.type()) {
                    case "list" -> block.itemLines().stream().map(RichText::plain).toList();
                    case "image" -> List.of(RichText.plain(block.caption()));
                    default -> List.of(RichText.plain(block.text()));
                };
                shown.add(new BlockForm(block.type(), block.id(), block.text(), block.speaker(), block.role(),
                        block.media(), block.caption(), block.credit(), block.alt(), block.items(), block.ordered(),
                        block.story(), block.url(), block.title(), block.query(), json.writeValueAsString(texts)));
            } else if (texts.isEmpty()) {
                shown.add(block.withTexts("[]", List.of(RichText.EMPTY)));
            } else {
                shown.add(block.withTexts(json.writeValueAsString(texts), texts));
            }
        }
        return List.copyOf(shown);
    }

    /**
     * The form field that shows a problem the content rules found in a body: {@code body[3].text.marks[0].href}
     * is shown at {@code blocks[3].text}; {@code body} for the body as a whole; null for a field outside it.
     */
    static @Nullable String fieldOf(String problemField) {
        var matcher = PROBLEM_FIELD.matcher(problemField);
        if (!matcher.matches()) {
            return problemField.startsWith("body") ? "body" : null;
        }
        var field = switch (matcher.group(2)) {
            case "mediaId" -> "media";
            case "storyId" -> "story";
            case "credit", "alt" -> "caption";
            default -> matcher.group(2);
        };
        return "blocks[" + matcher.group(1) + "]." + field;
    }

    /** Whether the toolbar editor posted no text for this block (or nothing at all). */
    static boolean postedTextsBlank(BlockForm block, JsonMapper json) {
        if (block.richJson().isBlank() || block.richJson().length() > MAX_RICH_JSON) {
            return true;
        }
        try {
            return json.readValue(block.richJson(), TEXTS).stream().allMatch(t -> t == null || t.text().isBlank());
        } catch (JacksonException e) {
            return true;
        }
    }

    /** The block's texts with marks: the toolbar's JSON when it sent one that fits, else the markup typed. */
    private static List<RichText> richTexts(BlockForm block, JsonMapper json, String at,
            List<InvalidContent.Problem> problems) {
        if (!block.hasMarks()) {
            return List.of(RichText.EMPTY);
        }
        var field = switch (block.type()) {
            case "image" -> "caption";
            case "list" -> "items";
            default -> "text";
        };
        if (!block.richJson().isBlank() && block.richJson().length() <= MAX_RICH_JSON) {
            try {
                var texts = json.readValue(block.richJson(), TEXTS);
                if (!texts.isEmpty() && (block.type().equals("list") || texts.size() == 1)) {
                    return block.type().equals("list")
                            ? texts.stream().filter(t -> !t.text().isBlank()).toList() : texts;
                }
            } catch (JacksonException e) {
                // not what the editor sends: read the markup, which the page keeps beside it
            }
        }
        if (block.type().equals("list")) {
            var items = new ArrayList<RichText>();
            var lines = block.itemLines();
            for (int k = 0; k < lines.size(); k++) {
                items.add(markup(lines.get(k), at + "items[" + k + "]", problems));
            }
            return items;
        }
        var typed = field.equals("caption") ? block.caption() : block.text();
        return List.of(markup(typed, at + field, problems));
    }

    private static RichText markup(String typed, String field, List<InvalidContent.Problem> problems) {
        try {
            return InlineMarkup.parse(typed);
        } catch (InlineMarkup.Unreadable e) {
            problems.add(new InvalidContent.Problem(field, e.messageKey(), List.of(Integer.toString(e.position()))));
            return RichText.plain(typed);
        }
    }

    private static long number(String text, String field, List<InvalidContent.Problem> problems) {
        if (!text.strip().matches("\\d{1,18}")) {
            problems.add(new InvalidContent.Problem(field, field.endsWith("mediaId") ? "content.error.choose-media"
                    : "content.error.choose-story", List.of()));
            return 0;
        }
        return Long.parseLong(text.strip());
    }

    /** A block id is kept only when it looks like one Masthead made; anything else gets a fresh id. */
    private static String id(String posted) {
        return posted.matches("[A-Za-z0-9_-]{1,40}") ? posted : UUID.randomUUID().toString().substring(0, 8);
    }

    private static String get(Map<String, String> fields, String name) {
        return fields.getOrDefault(name, "");
    }

    static BlockForm empty(String type) {
        return new BlockForm(type, UUID.randomUUID().toString().substring(0, 8), "", "", "", "", "", "", "", "", false,
                "", "", "", "", "");
    }

    static BlockForm of(Block block) {
        return switch (block) {
            case Block.Paragraph p -> new BlockForm("paragraph", p.id(), markup(p.text()), "", "", "", "", "", "", "",
                    false, "", "", "", "", "");
            case Block.Subheading s -> new BlockForm("subheading", s.id(), markup(s.text()), "", "", "", "", "", "", "",
                    false, "", "", "", "", "");
            case Block.Quote q -> new BlockForm("quote", q.id(), markup(q.text()), q.speaker(), q.role(), "", "", "", "",
                    "", false, "", "", "", "", "");
            case Block.Image i -> new BlockForm("image", i.id(), "", "", "", Long.toString(i.mediaId()),
                    markup(i.caption()), i.credit(), i.alt(), "", false, "", "", "", "", "");
            case Block.BulletList l -> new BlockForm("list", l.id(), "", "", "", "", "", "", "",
                    l.items().stream().map(BlockForm::markup).collect(Collectors.joining("\n")), l.ordered(), "", "", "",
                    "", "");
            case Block.ReadAlso r -> new BlockForm("readAlso", r.id(), "", "", "", "", "", "", "", "", false,
                    Long.toString(r.storyId()), "", "", "", "");
            case Block.Embed e -> new BlockForm("embed", e.id(), "", "", "", "", "", "", "", "", false, "", e.url(),
                    e.title() == null ? "" : e.title(), "", "");
        };
    }

    private static String markup(RichText text) {
        return InlineMarkup.write(text);
    }

    /** Whether this kind of block has texts with marks, and so the toolbar editor. */
    public boolean hasMarks() {
        return List.of("paragraph", "subheading", "quote", "image", "list").contains(type);
    }

    List<String> itemLines() {
        return Arrays.stream(items.split("\\R")).map(String::strip).filter(line -> !line.isEmpty()).toList();
    }

    /** This block with its texts as the toolbar editor starts from them: JSON, and the same as markup. */
    BlockForm withTexts(String json, List<RichText> texts) {
        return switch (type) {
            case "image" -> new BlockForm(type, id, text, speaker, role, media, markup(texts.getFirst()), credit, alt, items,
                    ordered, story, url, title, query, json);
            case "list" -> new BlockForm(type, id, text, speaker, role, media, caption, credit, alt,
                    texts.stream().map(BlockForm::markup).collect(Collectors.joining("\n")), ordered, story, url, title,
                    query, json);
            default -> new BlockForm(type, id, markup(texts.getFirst()), speaker, role, media, caption, credit, alt, items,
                    ordered, story, url, title, query, json);
        };
    }

    BlockForm withQuery(String newQuery) {
        return new BlockForm(type, id, text, speaker, role, media, caption, credit, alt, items, ordered, story, url, title,
                newQuery, richJson);
    }

    /** The image's texts from the media library; the caption the toolbar posted (empty) gives way to it. */
    BlockForm withImageText(String newCaption, String newCredit, String newAlt) {
        return new BlockForm(type, id, text, speaker, role, media, newCaption, newCredit, newAlt, items, ordered, story,
                url, title, query, "");
    }
}
