package org.masthead.editorial.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.masthead.content.Block;
import org.masthead.content.InlineMarkup;
import org.masthead.content.InvalidContent;
import org.masthead.content.RichText;
import org.masthead.content.SaveVersion;
import org.masthead.content.VersionView;
import org.masthead.platform.Language;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The version edit form exactly as posted: header fields and the body's blocks in order. Parsing never
 * fails. {@link #read} turns it into a save, refusing with {@link InvalidContent} what cannot be read (markup
 * typed without its partner, a number that is none); what the save may hold is decided by the content rules
 * on the way in. {@link #fieldOf} names the form field a problem belongs to, so the page shows it there with
 * everything else kept.
 */
public record VersionForm(int basedOn, String headline, String standfirst, String seoTitle, String seoDescription,
        String leadCaption, String leadCredit, String leadAlt, List<BlockForm> blocks) {

    static final int MAX_BLOCKS = 300;
    /** What the toolbar editor may post for one block; the rules bound each text far below this. */
    static final int MAX_RICH_JSON = 2_000_000;
    private static final java.util.regex.Pattern BLOCK_FIELD = java.util.regex.Pattern.compile(
            "blocks\\[(\\d{1,3})]\\.([a-zA-Z]+)");
    private static final java.util.regex.Pattern PROBLEM_FIELD = java.util.regex.Pattern.compile(
            "body\\[(\\d{1,3})]\\.([a-zA-Z]+).*");
    private static final TypeReference<List<RichText>> TEXTS = new TypeReference<>() { };

    static VersionForm of(VersionView version) {
        return new VersionForm(version.revision(), version.headline(), version.standfirst(), version.seoTitle(),
                version.seoDescription(), version.leadImageCaption(), version.leadImageCredit(), version.leadImageAlt(),
                version.body().stream().map(BlockForm::of).toList());
    }

    static VersionForm blank() {
        return new VersionForm(0, "", "", "", "", "", "", "", List.of(BlockForm.empty("paragraph")));
    }

    /** Reads the posted fields; blocks come in the order of their index, unknown fields are ignored. */
    static VersionForm parse(Map<String, String[]> params) {
        var blocks = new java.util.TreeMap<Integer, Map<String, String>>();
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
            if (!BlockForm.TYPES.contains(type)) {
                continue;
            }
            forms.add(new BlockForm(type, id(fields.getOrDefault("id", "")), get(fields, "text"), get(fields, "speaker"),
                    get(fields, "role"), get(fields, "media"), get(fields, "caption"), get(fields, "credit"),
                    get(fields, "alt"), get(fields, "items"), "true".equals(fields.get("ordered")), get(fields, "story"),
                    get(fields, "url"), get(fields, "title"), get(fields, "query"), get(fields, "richJson")));
        }
        int basedOn;
        try {
            basedOn = Integer.parseInt(first(params, "basedOn"));
        } catch (NumberFormatException e) {
            basedOn = -1;
        }
        return new VersionForm(basedOn, first(params, "headline"), first(params, "standfirst"),
                first(params, "seoTitle"), first(params, "seoDescription"), first(params, "leadCaption"),
                first(params, "leadCredit"), first(params, "leadAlt"), forms);
    }

    /**
     * The save this form asks for, its texts read from the toolbar's JSON or else from the markup; throws
     * {@link InvalidContent} (fields named as the content rules name them) for what cannot be read. The
     * author is set by the workflow from the signed-in person.
     */
    SaveVersion read(long storyId, Language language, JsonMapper json) {
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
        return new SaveVersion(storyId, language, basedOn, headline, standfirst, seoTitle, seoDescription, leadCaption,
                leadCredit, leadAlt, body, "");
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
        var typed = switch (field) {
            case "caption" -> block.caption();
            default -> block.text();
        };
        return List.of(markup(typed, at + field, problems));
    }

    /**
     * The form as the page shows it: each block with marks also as the JSON the toolbar editor starts from,
     * taken from what it posted or else read from the markup (as plain text where the markup cannot be
     * read, so the editor shows what was typed). Where the toolbar posted JSON, the markup fields show it too.
     */
    VersionForm forEditor(JsonMapper json) {
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
        return withBlocks(shown);
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

    /**
     * The form field that shows a problem of the content rules: {@code body[3].text.marks[0].href} is shown
     * at {@code blocks[3].text}, {@code leadImage.caption} at {@code leadCaption}; null for none.
     */
    static @Nullable String fieldOf(String problemField) {
        switch (problemField) {
            case "headline", "standfirst", "seoTitle", "seoDescription" -> {
                return problemField;
            }
            case "leadImage.caption" -> {
                return "leadCaption";
            }
            case "leadImage.credit" -> {
                return "leadCredit";
            }
            case "leadImage.alt" -> {
                return "leadAlt";
            }
            default -> {
            }
        }
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

    VersionForm withBlocks(List<BlockForm> newBlocks) {
        return new VersionForm(basedOn, headline, standfirst, seoTitle, seoDescription, leadCaption, leadCredit, leadAlt,
                List.copyOf(newBlocks));
    }

    VersionForm basedOn(int revision) {
        return new VersionForm(revision, headline, standfirst, seoTitle, seoDescription, leadCaption, leadCredit, leadAlt,
                blocks);
    }

    /** A block id is kept only when it looks like one Masthead made; anything else gets a fresh id. */
    private static String id(String posted) {
        return posted.matches("[A-Za-z0-9_-]{1,40}") ? posted : java.util.UUID.randomUUID().toString().substring(0, 8);
    }

    private static String get(Map<String, String> fields, String name) {
        return fields.getOrDefault(name, "");
    }

    private static String first(Map<String, String[]> params, String name) {
        var values = params.get(name);
        return values == null || values.length == 0 ? "" : values[0];
    }
}
