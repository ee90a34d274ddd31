package org.masthead.translation;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.masthead.content.Block;
import org.masthead.content.RichText;
import org.masthead.content.VersionView;

/**
 * A version seen as a list of translatable items: the headline, the standfirst, the lead image texts
 * and each body block, in order. An item carries its texts (what a translator translates: the texts of
 * blocks with inline marks keep them, see {@link #rich}) and the non-text parts a translation must keep
 * equal (an image, a linked story, a list's kind).
 */
record Translatable(String id, String kind, List<RichText> texts, String fixed, @Nullable Block block) {

    static final String HEADLINE = "_headline";
    static final String STANDFIRST = "_standfirst";
    static final String LEAD_IMAGE = "_lead";

    static List<Translatable> of(VersionView version) {
        var items = new ArrayList<Translatable>();
        items.add(new Translatable(HEADLINE, "headline", plain(version.headline()), "", null));
        items.add(new Translatable(STANDFIRST, "standfirst", plain(version.standfirst()), "", null));
        items.add(new Translatable(LEAD_IMAGE, "lead",
                plain(version.leadImageCaption(), version.leadImageCredit(), version.leadImageAlt()), "", null));
        items.addAll(of(version.body()));
        return items;
    }

    /** A live blog entry's items: its headline, then each block of its body (translated as a version's are). */
    static List<Translatable> of(String headline, List<Block> body) {
        var items = new ArrayList<Translatable>();
        items.add(new Translatable(HEADLINE, "headline", plain(headline), "", null));
        items.addAll(of(body));
        return items;
    }

    /** The blocks of a body as items. */
    static List<Translatable> of(List<Block> body) {
        var items = new ArrayList<Translatable>();
        for (var block : body) {
            items.add(switch (block) {
                case Block.Paragraph p -> new Translatable(p.id(), "paragraph", List.of(p.text()), "", p);
                case Block.Subheading s -> new Translatable(s.id(), "subheading", List.of(s.text()), "", s);
                case Block.Quote q -> new Translatable(q.id(), "quote",
                        List.of(q.text(), RichText.plain(q.speaker()), RichText.plain(q.role())), "", q);
                case Block.Image i -> new Translatable(i.id(), "image",
                        List.of(i.caption(), RichText.plain(i.credit()), RichText.plain(i.alt())), "media:" + i.mediaId(), i);
                case Block.BulletList l -> new Translatable(l.id(), "list", l.items(), "ordered:" + l.ordered(), l);
                case Block.ReadAlso r -> new Translatable(r.id(), "readAlso", List.of(), "story:" + r.storyId(), r);
                case Block.Embed e -> new Translatable(e.id(), "embed",
                        plain(e.title() == null ? "" : e.title()), "url:" + e.url(), e);
            });
        }
        return items;
    }

    private static List<RichText> plain(String... texts) {
        return java.util.Arrays.stream(texts).map(RichText::plain).toList();
    }

    /** Whether text {@code index} of an item of {@code kind} carries marks (the others are plain). */
    static boolean rich(String kind, int index) {
        return switch (kind) {
            case "paragraph", "subheading", "list" -> true;
            case "quote", "image" -> index == 0;
            default -> false;
        };
    }

    boolean rich(int index) {
        return rich(kind, index);
    }

    /**
     * Changes whenever anything a translation depends on changes: a text, its marks (a new emphasis, a
     * changed link target), an image, a link, a list's size. A text without marks counts as its plain text
     * alone, as before texts had marks, so translations recorded then stay up to date.
     */
    String fingerprint() {
        var parts = texts.stream().map(t -> t.marks().isEmpty() ? t.text() : t.text() + "\u0000marks:" + t.marks())
                .toList();
        return Digest.sha256(kind + '\u0000' + fixed + '\u0000' + texts.size() + '\u0000' + String.join("\u0000", parts));
    }

    /** Whether every text the source has is filled in here (a started translation may have gaps). */
    boolean translates(Translatable source) {
        if (!kind.equals(source.kind) || texts.size() != source.texts.size()) {
            return false;
        }
        for (int i = 0; i < texts.size(); i++) {
            if (!source.texts.get(i).isBlank() && texts.get(i).isBlank()) {
                return false;
            }
        }
        return true;
    }

    /** This source item with its texts replaced by {@code translated}: the block a translation stores. */
    @Nullable Block withTexts(List<RichText> translated) {
        if (block == null) {
            return null;
        }
        return switch (block) {
            case Block.Paragraph p -> new Block.Paragraph(p.id(), translated.get(0));
            case Block.Subheading s -> new Block.Subheading(s.id(), translated.get(0));
            case Block.Quote q -> new Block.Quote(q.id(), translated.get(0), translated.get(1).text(),
                    translated.get(2).text());
            case Block.Image i -> new Block.Image(i.id(), i.mediaId(), translated.get(0), translated.get(1).text(),
                    translated.get(2).text());
            case Block.BulletList l -> new Block.BulletList(l.id(), l.ordered(), List.copyOf(translated));
            case Block.ReadAlso r -> r;
            case Block.Embed e -> new Block.Embed(e.id(), e.url(), translated.get(0).text());
        };
    }

    /**
     * The starting point of a new translation: the source block with its texts emptied, keeping what
     * is not translated (the image, a quote's speaker, an image credit, a linked story, an embed).
     */
    @Nullable Block skeleton() {
        if (block == null) {
            return null;
        }
        var empty = texts.stream().map(t -> RichText.EMPTY).toList();
        return switch (block) {
            case Block.Quote q -> new Block.Quote(q.id(), RichText.EMPTY, q.speaker(), "");
            case Block.Image i -> new Block.Image(i.id(), i.mediaId(), RichText.EMPTY, i.credit(), "");
            default -> withTexts(empty);
        };
    }
}
