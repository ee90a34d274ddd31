package org.masthead.editorial.web;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongPredicate;
import java.util.regex.Pattern;
import org.masthead.content.Block;
import org.masthead.content.SaveVersion;
import org.masthead.content.VersionView;
import org.masthead.platform.Language;

/**
 * The version edit form exactly as posted: header fields and the body's blocks in order. Parsing
 * never fails; {@link #validate} says what is wrong, by field name, and the page shows it next to
 * that field with everything else kept.
 */
public record VersionForm(int basedOn, String headline, String standfirst, String seoTitle, String seoDescription,
        String leadCaption, String leadCredit, String leadAlt, List<BlockForm> blocks) {

    static final int MAX_BLOCKS = 300;
    static final int MAX_HEADLINE = 300;
    static final int MAX_SHORT = 1000;
    static final int MAX_TEXT = 20_000;
    private static final Pattern BLOCK_FIELD = Pattern.compile("blocks\\[(\\d{1,3})]\\.([a-zA-Z]+)");

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
                    get(fields, "url"), get(fields, "title"), get(fields, "query")));
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
     * Field name to message key for everything that would make a bad save. {@code mediaExists} and
     * {@code storyExists} check the ids that image and read-also blocks point at.
     */
    Map<String, String> validate(LongPredicate mediaExists, LongPredicate storyExists) {
        var errors = new LinkedHashMap<String, String>();
        if (headline.isBlank()) {
            errors.put("headline", "newsroom.version.error.headline");
        } else if (headline.length() > MAX_HEADLINE) {
            errors.put("headline", "newsroom.version.error.too-long");
        }
        for (var field : Map.of("standfirst", standfirst, "seoTitle", seoTitle, "seoDescription", seoDescription,
                "leadCaption", leadCaption, "leadCredit", leadCredit, "leadAlt", leadAlt).entrySet()) {
            if (field.getValue().length() > MAX_SHORT) {
                errors.put(field.getKey(), "newsroom.version.error.too-long");
            }
        }
        for (int i = 0; i < blocks.size(); i++) {
            var block = blocks.get(i);
            var prefix = "blocks[" + i + "].";
            switch (block.type()) {
                case "paragraph", "subheading" -> requireText(errors, prefix + "text", block.text(), MAX_TEXT);
                case "quote" -> {
                    requireText(errors, prefix + "text", block.text(), MAX_TEXT);
                    requireText(errors, prefix + "speaker", block.speaker(), MAX_SHORT);
                }
                case "image" -> {
                    if (!number(block.media()) || !mediaExists.test(Long.parseLong(block.media()))) {
                        errors.put(prefix + "media", "newsroom.version.error.media");
                    }
                    for (var text : List.of(block.caption(), block.credit(), block.alt())) {
                        if (text.length() > MAX_SHORT) {
                            errors.put(prefix + "caption", "newsroom.version.error.too-long");
                        }
                    }
                }
                case "list" -> {
                    if (block.itemLines().isEmpty()) {
                        errors.put(prefix + "items", "newsroom.version.error.items");
                    } else if (block.items().length() > MAX_TEXT) {
                        errors.put(prefix + "items", "newsroom.version.error.too-long");
                    }
                }
                case "readAlso" -> {
                    if (!number(block.story()) || !storyExists.test(Long.parseLong(block.story()))) {
                        errors.put(prefix + "story", "newsroom.version.error.story");
                    }
                }
                case "embed" -> {
                    if (!webAddress(block.url())) {
                        errors.put(prefix + "url", "newsroom.version.error.url");
                    }
                }
                default -> errors.put(prefix + "type", "newsroom.version.error.type");
            }
        }
        return errors;
    }

    /** The command for a valid form; the author is set by the workflow from the signed-in person. */
    SaveVersion toSave(long storyId, Language language) {
        var body = new ArrayList<Block>();
        for (var block : blocks) {
            body.add(switch (block.type()) {
                case "paragraph" -> new Block.Paragraph(block.id(), block.text().strip());
                case "subheading" -> new Block.Subheading(block.id(), block.text().strip());
                case "quote" -> new Block.Quote(block.id(), block.text().strip(), block.speaker().strip(), block.role().strip());
                case "image" -> new Block.Image(block.id(), Long.parseLong(block.media()), block.caption().strip(),
                        block.credit().strip(), block.alt().strip());
                case "list" -> new Block.BulletList(block.id(), block.ordered(), block.itemLines());
                case "readAlso" -> new Block.ReadAlso(block.id(), Long.parseLong(block.story()));
                case "embed" -> new Block.Embed(block.id(), block.url().strip(),
                        block.title().isBlank() ? null : block.title().strip());
                default -> throw new IllegalStateException("Unvalidated block type " + block.type());
            });
        }
        return new SaveVersion(storyId, language, basedOn, headline.strip(), standfirst.strip(), seoTitle.strip(),
                seoDescription.strip(), leadCaption.strip(), leadCredit.strip(), leadAlt.strip(), body, "");
    }

    VersionForm withBlocks(List<BlockForm> newBlocks) {
        return new VersionForm(basedOn, headline, standfirst, seoTitle, seoDescription, leadCaption, leadCredit, leadAlt,
                List.copyOf(newBlocks));
    }

    VersionForm basedOn(int revision) {
        return new VersionForm(revision, headline, standfirst, seoTitle, seoDescription, leadCaption, leadCredit, leadAlt,
                blocks);
    }

    private static void requireText(Map<String, String> errors, String field, String text, int max) {
        if (text.isBlank()) {
            errors.put(field, "newsroom.version.error.required");
        } else if (text.length() > max) {
            errors.put(field, "newsroom.version.error.too-long");
        }
    }

    private static boolean number(String text) {
        return text.matches("\\d{1,18}");
    }

    private static boolean webAddress(String text) {
        try {
            var uri = URI.create(text.strip());
            return uri.getHost() != null && Set.of("http", "https").contains(String.valueOf(uri.getScheme()).toLowerCase(
                    java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return false;
        }
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
