package org.masthead.translation.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiConsumer;
import org.jspecify.annotations.Nullable;
import org.masthead.content.Block;
import org.masthead.content.InlineMarkup;
import org.masthead.content.RichText;
import org.masthead.platform.Language;
import org.masthead.platform.web.UiMessages;
import org.masthead.site.InlineHtml;
import org.masthead.site.StoryLinks;
import org.masthead.translation.ItemStatus;
import org.masthead.translation.TranslationDesk;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The inputs of translated texts, one per text of an item, as a story's editor and a live blog's page on the
 * translation desk show and read them: named {@code t.<item>.<index>}, a text that takes marks typed in the
 * newsroom's markup (or posted by the toolbar editor as JSON in {@code j.<item>.<index>}), the others plain.
 */
@Component
class TranslationFields {

    /** What the toolbar editor may post for one text; the content rules bound the text far below this. */
    static final int MAX_JSON = 500_000;
    private static final tools.jackson.core.type.TypeReference<List<RichText>> RICH_LIST =
            new tools.jackson.core.type.TypeReference<>() { };
    private static final java.util.regex.Pattern BLOCK_FIELD = java.util.regex.Pattern.compile("body\\[(\\d{1,3})].*");

    private final StoryLinks links;
    private final JsonMapper json;

    TranslationFields(StoryLinks links, JsonMapper json) {
        this.links = links;
        this.json = json;
    }

    /**
     * The inputs of {@code item}'s texts: the source beside the saved translation, or what was typed ({@code
     * typed}, in index order) when a save was refused; after an edit conflict, the saved text where it differs.
     */
    List<EditorPage.Field> of(UiMessages t, ItemStatus item, Language source, @Nullable List<String> typed,
            boolean afterConflict) {
        var labels = labels(t, item);
        var fields = new ArrayList<EditorPage.Field>();
        var targets = links.of(item.sourceTexts().stream().flatMap(text -> text.linkedStories().stream()).toList(),
                source, false);
        for (int i = 0; i < item.sourceTexts().size(); i++) {
            boolean rich = TranslationDesk.takesMarks(item.kind(), i);
            var savedText = i < item.targetTexts().size() ? item.targetTexts().get(i) : RichText.EMPTY;
            var saved = rich ? InlineMarkup.write(savedText) : savedText.text();
            var value = typed != null && i < typed.size() ? typed.get(i) : saved;
            var text = item.sourceTexts().get(i);
            boolean multiline = rich || !item.kind().equals("headline") && !labels.get(i).isEmpty()
                    && text.text().length() > 80;
            fields.add(new EditorPage.Field("t." + item.itemId() + "." + i, labels.get(i), InlineHtml.of(text, targets),
                    !text.isBlank(), rich && !text.marks().isEmpty() ? InlineMarkup.write(text) : "", value, multiline, rich,
                    rich ? json.writeValueAsString(List.of(editorText(value))) : "",
                    afterConflict && !saved.equals(value) ? saved : null));
        }
        return fields;
    }

    private static List<String> labels(UiMessages t, ItemStatus item) {
        var labels = new ArrayList<String>();
        for (int i = 0; i < item.sourceTexts().size(); i++) {
            labels.add(switch (item.kind()) {
                case "quote" -> t.get("newsroom.translations.field.quote." + i);
                case "image", "lead" -> t.get("newsroom.translations.field.image." + i);
                case "list" -> t.get("newsroom.translations.field.item", i + 1);
                default -> t.get("newsroom.translations.kind." + item.kind());
            });
        }
        return labels;
    }

    /** A typed text as the toolbar editor starts from it: read as markup, or as plain text where it cannot be. */
    private static RichText editorText(String markup) {
        try {
            return InlineMarkup.parse(markup);
        } catch (InlineMarkup.Unreadable e) {
            return RichText.plain(markup);
        }
    }

    /** The typed texts of the request, per item in index order. */
    static Map<String, List<String>> typed(HttpServletRequest request) {
        var byItem = new HashMap<String, TreeMap<Integer, String>>();
        request.getParameterMap().forEach((name, values) -> {
            var parts = name.split("\\.");
            if (parts.length == 3 && parts[0].equals("t") && parts[2].matches("\\d{1,3}") && values.length > 0) {
                byItem.computeIfAbsent(parts[1], k -> new TreeMap<>()).put(Integer.parseInt(parts[2]), values[0].strip());
            }
        });
        var texts = new HashMap<String, List<String>>();
        byItem.forEach((item, indexed) -> texts.put(item, List.copyOf(indexed.values())));
        return texts;
    }

    /**
     * The typed texts as texts with marks: those that carry marks are taken as the toolbar editor posted them, or
     * read as the newsroom's markup, the others taken as they are. {@code kinds} gives each item's kind; what
     * cannot be read goes to {@code unreadable} with its item's id, and is taken as plain text.
     */
    Map<String, List<RichText>> read(HttpServletRequest request, Map<String, List<String>> typed,
            Map<String, String> kinds, UiMessages t, BiConsumer<String, String> unreadable) {
        var posted = postedJson(request);
        var texts = new HashMap<String, List<RichText>>();
        typed.forEach((item, values) -> {
            var kind = kinds.getOrDefault(item, "");
            var read = new ArrayList<RichText>();
            for (int i = 0; i < values.size(); i++) {
                if (!kinds.containsKey(item) || !TranslationDesk.takesMarks(kind, i)) {
                    read.add(RichText.plain(values.get(i)));
                    continue;
                }
                var fromEditor = posted.getOrDefault(item, Map.of()).get(i);
                if (fromEditor != null) {
                    read.add(fromEditor);
                    continue;
                }
                try {
                    read.add(InlineMarkup.parse(values.get(i)));
                } catch (InlineMarkup.Unreadable e) {
                    unreadable.accept(item, t.get(e.messageKey(), e.position()));
                    read.add(RichText.plain(values.get(i)));
                }
            }
            texts.put(item, read);
        });
        return texts;
    }

    /**
     * What the toolbar editor posted where it ran: {@code j.<item>.<index>} holds a text with marks as JSON
     * (a list of one), taken before the markup of {@code t.<item>.<index>}. A value that is not such JSON
     * is left out, so the markup is read instead.
     */
    private Map<String, Map<Integer, RichText>> postedJson(HttpServletRequest request) {
        var texts = new HashMap<String, Map<Integer, RichText>>();
        request.getParameterMap().forEach((name, values) -> {
            var parts = name.split("\\.");
            if (parts.length == 3 && parts[0].equals("j") && parts[2].matches("\\d{1,3}") && values.length > 0
                    && values[0].length() <= MAX_JSON) {
                try {
                    var list = json.readValue(values[0], RICH_LIST);
                    if (list.size() == 1 && list.getFirst() != null) {
                        texts.computeIfAbsent(parts[1], k -> new HashMap<>()).put(Integer.parseInt(parts[2]), list.getFirst());
                    }
                } catch (tools.jackson.core.JacksonException e) {
                    // not what the editor sends: the markup beside it is read instead
                }
            }
        });
        return texts;
    }

    /** The item a problem of the content rules is about: {@code body[2].text} is the third block's id. */
    static String item(String field, List<Block> body) {
        var matcher = BLOCK_FIELD.matcher(field);
        if (matcher.matches() && Integer.parseInt(matcher.group(1)) < body.size()) {
            return body.get(Integer.parseInt(matcher.group(1))).id();
        }
        return field;
    }
}
