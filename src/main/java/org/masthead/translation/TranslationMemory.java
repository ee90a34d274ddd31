package org.masthead.translation;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.masthead.content.InlineMarkup;
import org.masthead.content.Mark;
import org.masthead.content.RichText;
import org.masthead.platform.Language;
import org.springframework.stereotype.Component;

/**
 * Earlier translations, found again by their source text: an exact match (ignoring case and spacing)
 * scores 1.0, a close one scores by word edit distance; proposals start at {@link #THRESHOLD}. Texts are
 * remembered with their inline codes, in the newsroom's markup: words are compared on the plain text, and
 * a remembered text whose codes (emphasis, links and their targets) differ from the new one's is no exact
 * match ({@link #CODES_DIFFER} less), so a proposal never silently brings another link.
 */
@Component
class TranslationMemory {

    static final double THRESHOLD = 0.8;
    static final double CODES_DIFFER = 0.05;
    /** How many remembered texts of a similar length one lookup compares; bounds the cost per block. */
    private static final int CANDIDATES = 2_000;
    private static final int PROPOSALS = 3;

    private final TranslationRecords records;

    TranslationMemory(TranslationRecords records) {
        this.records = records;
    }

    void remember(Language from, Language to, RichText source, RichText target) {
        if (source.isBlank() || target.isBlank()) {
            return;
        }
        var sourceText = InlineMarkup.write(source);
        records.remember(from, to, Digest.sha256(normalize(sourceText)), sourceText, InlineMarkup.write(target));
    }

    List<MemoryMatch> proposals(Language from, Language to, RichText source) {
        if (source.isBlank()) {
            return List.of();
        }
        var sourceText = InlineMarkup.write(source);
        int length = sourceText.length();
        // a text 80 % similar by words cannot differ in length by much more than a fifth either way
        var candidates = records.memoryCandidates(from, to, (int) Math.floor(length * 0.7),
                (int) Math.ceil(length * 1.3) + 5, CANDIDATES);
        var words = words(source.text());
        return candidates.stream()
                .map(c -> new MemoryMatch(c.sourceText(), c.targetText(), score(source, words, c.sourceText())))
                .filter(m -> m.score() >= THRESHOLD)
                .sorted(Comparator.comparingDouble(MemoryMatch::score).reversed())
                .limit(PROPOSALS)
                .toList();
    }

    private static double score(RichText source, List<String> words, String rememberedMarkup) {
        RichText remembered;
        try {
            remembered = InlineMarkup.parse(rememberedMarkup);
        } catch (InlineMarkup.Unreadable e) {
            remembered = RichText.plain(rememberedMarkup);
        }
        double similarity = similarity(words, words(remembered.text()));
        return codes(remembered).equals(codes(source)) ? similarity : similarity - CODES_DIFFER;
    }

    /** The inline codes of a text without their positions: which marks, in which order, to where. */
    private static List<String> codes(RichText text) {
        return text.marks().stream().map(m -> switch (m) {
            case Mark.Link l -> "link " + l.href() + " " + l.rel();
            case Mark.StoryLink l -> "story " + l.storyId();
            default -> m.kind();
        }).toList();
    }

    /** 1 − (word edit distance / length of the longer text in words). */
    static double similarity(List<String> a, List<String> b) {
        if (a.isEmpty() && b.isEmpty()) {
            return 1;
        }
        var previous = new int[b.size() + 1];
        var current = new int[b.size() + 1];
        for (int j = 0; j <= b.size(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.size(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.size(); j++) {
                int substitution = previous[j - 1] + (a.get(i - 1).equals(b.get(j - 1)) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j] + 1, current[j - 1] + 1));
            }
            var swap = previous;
            previous = current;
            current = swap;
        }
        return 1.0 - (double) previous[b.size()] / Math.max(a.size(), b.size());
    }

    static List<String> words(String text) {
        var normalized = normalize(text);
        return normalized.isEmpty() ? List.of() : List.of(normalized.split(" "));
    }

    private static String normalize(String text) {
        return text.toLowerCase(Locale.ROOT).replaceAll("[\\p{Punct}«»„“”—–…]+", " ").trim().replaceAll("\\s+", " ");
    }
}
