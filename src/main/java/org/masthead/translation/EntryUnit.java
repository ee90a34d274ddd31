package org.masthead.translation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.masthead.content.LiveEntry;
import org.masthead.content.RichText;
import org.masthead.platform.Language;

/**
 * A live blog entry as the translation desk translates it: its items (the headline, then each block of its body)
 * beside the translation into {@code target}, if any. An entry is translated and goes behind a correction as a
 * whole, so in an XLIFF file it is one unit, {@code entry-<id>}, whose texts are every item's texts in order.
 */
record EntryUnit(LiveEntry entry, Language target, List<Translatable> items) {

    static final String PREFIX = "entry-";
    static final String KIND = "entry";

    static EntryUnit of(LiveEntry entry, Language target) {
        return new EntryUnit(entry, target, Translatable.of(entry.headline(), entry.body()));
    }

    String id() {
        return PREFIX + entry.id();
    }

    /** The entry as one item: its texts are all its items' texts, in order. */
    Translatable source() {
        return new Translatable(id(), KIND, items.stream().flatMap(item -> item.texts().stream()).toList(), "", null);
    }

    /**
     * The translation as one item in the source's shape: for each source item the texts of the translated item of
     * the same id and kind, or empty texts where it has none; null when the entry has no translation into target.
     */
    @Nullable Translatable previous() {
        var translation = entry.translations().get(target);
        if (translation == null) {
            return null;
        }
        var texts = new ArrayList<RichText>();
        translated(translation).forEach(item -> texts.addAll(item));
        return new Translatable(id(), KIND, texts, "", null);
    }

    /** For each source item, in order, the texts its translation has: the translated item's, or empty ones. */
    List<List<RichText>> translated(LiveEntry.@Nullable Translation translation) {
        var byId = translation == null ? Map.<String, Translatable>of()
                : Translatable.of(translation.headline(), translation.body()).stream()
                        .collect(Collectors.toMap(Translatable::id, Function.identity(), (a, b) -> a));
        return items.stream().map(item -> {
            var match = byId.get(item.id());
            return match != null && match.kind().equals(item.kind()) && match.texts().size() == item.texts().size()
                    ? match.texts() : item.texts().stream().map(t -> RichText.EMPTY).toList();
        }).toList();
    }

    /** The unit's texts, in order, given back to the items they belong to (by item id). */
    Map<String, List<RichText>> split(List<RichText> texts) {
        var byItem = new HashMap<String, List<RichText>>();
        int from = 0;
        for (var item : items) {
            byItem.put(item.id(), List.copyOf(texts.subList(from, from + item.texts().size())));
            from += item.texts().size();
        }
        return byItem;
    }
}
