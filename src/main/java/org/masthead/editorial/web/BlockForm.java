package org.masthead.editorial.web;

import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.LongPredicate;
import java.util.regex.Pattern;
import org.masthead.content.Block;

/**
 * One body block as the edit form holds it: every field as typed, so a refused save shows the text
 * back unchanged. {@code query} is the headline search of a read-also block. The static methods read,
 * check and convert a whole body: story versions and static pages share them, as they share the blocks.
 */
public record BlockForm(String type, String id, String text, String speaker, String role, String media,
        String caption, String credit, String alt, String items, boolean ordered, String story, String url,
        String title, String query) {

    static final List<String> TYPES = List.of("paragraph", "subheading", "quote", "image", "list", "readAlso", "embed");
    static final int MAX_BLOCKS = 300;
    static final int MAX_SHORT = 1000;
    static final int MAX_TEXT = 20_000;
    private static final Pattern BLOCK_FIELD = Pattern.compile("blocks\\[(\\d{1,3})]\\.([a-zA-Z]+)");

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
                    get(fields, "url"), get(fields, "title"), get(fields, "query")));
        }
        return forms;
    }

    /**
     * Field name ({@code blocks[i].field}) to message key for every block that would make a bad save.
     * {@code mediaExists} and {@code storyExists} check the ids that image and read-also blocks point at.
     */
    static Map<String, String> validateAll(List<BlockForm> blocks, LongPredicate mediaExists, LongPredicate storyExists) {
        var errors = new LinkedHashMap<String, String>();
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

    /** The blocks of a body that {@link #validateAll} found nothing wrong with. */
    static List<Block> toBlocks(List<BlockForm> blocks) {
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
        return body;
    }

    static BlockForm empty(String type) {
        return new BlockForm(type, UUID.randomUUID().toString().substring(0, 8), "", "", "", "", "", "", "", "", false,
                "", "", "", "");
    }

    static BlockForm of(Block block) {
        return switch (block) {
            case Block.Paragraph p -> new BlockForm("paragraph", p.id(), p.text(), "", "", "", "", "", "", "", false, "", "", "", "");
            case Block.Subheading s -> new BlockForm("subheading", s.id(), s.text(), "", "", "", "", "", "", "", false, "", "", "", "");
            case Block.Quote q -> new BlockForm("quote", q.id(), q.text(), q.speaker(), q.role(), "", "", "", "", "", false, "", "", "", "");
            case Block.Image i -> new BlockForm("image", i.id(), "", "", "", Long.toString(i.mediaId()), i.caption(),
                    i.credit(), i.alt(), "", false, "", "", "", "");
            case Block.BulletList l -> new BlockForm("list", l.id(), "", "", "", "", "", "", "", String.join("\n", l.items()),
                    l.ordered(), "", "", "", "");
            case Block.ReadAlso r -> new BlockForm("readAlso", r.id(), "", "", "", "", "", "", "", "", false,
                    Long.toString(r.storyId()), "", "", "");
            case Block.Embed e -> new BlockForm("embed", e.id(), "", "", "", "", "", "", "", "", false, "", e.url(),
                    e.title() == null ? "" : e.title(), "");
        };
    }

    List<String> itemLines() {
        return Arrays.stream(items.split("\\R")).map(String::strip).filter(line -> !line.isEmpty()).toList();
    }

    BlockForm withQuery(String newQuery) {
        return new BlockForm(type, id, text, speaker, role, media, caption, credit, alt, items, ordered, story, url, title,
                newQuery);
    }

    BlockForm withImageText(String newCaption, String newCredit, String newAlt) {
        return new BlockForm(type, id, text, speaker, role, media, newCaption, newCredit, newAlt, items, ordered, story,
                url, title, query);
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
        return posted.matches("[A-Za-z0-9_-]{1,40}") ? posted : UUID.randomUUID().toString().substring(0, 8);
    }

    private static String get(Map<String, String> fields, String name) {
        return fields.getOrDefault(name, "");
    }
}
