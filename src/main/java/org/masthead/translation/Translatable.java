package org.masthead.translation;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.masthead.content.Block;
import org.masthead.content.VersionView;

/**
 * A version seen as a list of translatable items: the headline, the standfirst, the lead image texts
 * and each body block, in order. An item carries its texts (what a translator translates) and the
 * non-text parts a translation must keep equal (an image, a linked story, a list's kind).
 */
record Translatable(String id, String kind, List<String> texts, String fixed, @Nullable Block block) {

    static final String HEADLINE = "_headline";
    static final String STANDFIRST = "_standfirst";
    static final String LEAD_IMAGE = "_lead";

    static List<Translatable> of(VersionView version) {
        var items = new ArrayList<Translatable>();
        items.add(new Translatable(HEADLINE, "headline", List.of(version.headline()), "", null));
        items.add(new Translatable(STANDFIRST, "standfirst", List.of(version.standfirst()), "", null));
        items.add(new Translatable(LEAD_IMAGE, "lead",
                List.of(version.leadImageCaption(), version.leadImageCredit(), version.leadImageAlt()), "", null));
        for (var block : version.body()) {
            items.add(switch (block) {
                case Block.Paragraph p -> new Translatable(p.id(), "paragraph", List.of(p.text()), "", p);
                case Block.Subheading s -> new Translatable(s.id(), "subheading", List.of(s.text()), "", s);
                case Block.Quote q -> new Translatable(q.id(), "quote", List.of(q.text(), q.speaker(), q.role()), "", q);
                case Block.Image i -> new Translatable(i.id(), "image", List.of(i.caption(), i.credit(), i.alt()),
                        "media:" + i.mediaId(), i);
                case Block.BulletList l -> new Translatable(l.id(), "list", l.items(), "ordered:" + l.ordered(), l);
                case Block.ReadAlso r -> new Translatable(r.id(), "readAlso", List.of(), "story:" + r.storyId(), r);
                case Block.Embed e -> new Translatable(e.id(), "embed",
                        List.of(e.title() == null ? "" : e.title()), "url:" + e.url(), e);
            });
        }
        return items;
    }

    /** Changes whenever anything a translation depends on changes: a text, an image, a link, a list's size. */
    String fingerprint() {
        return Digest.sha256(kind + '\u0000' + fixed + '\u0000' + texts.size() + '\u0000' + String.join("\u0000", texts));
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
    @Nullable Block withTexts(List<String> translated) {
        if (block == null) {
            return null;
        }
        return switch (block) {
            case Block.Paragraph p -> new Block.Paragraph(p.id(), translated.get(0));
            case Block.Subheading s -> new Block.Subheading(s.id(), translated.get(0));
            case Block.Quote q -> new Block.Quote(q.id(), translated.get(0), translated.get(1), translated.get(2));
            case Block.Image i -> new Block.Image(i.id(), i.mediaId(), translated.get(0), translated.get(1), translated.get(2));
            case Block.BulletList l -> new Block.BulletList(l.id(), l.ordered(), List.copyOf(translated));
            case Block.ReadAlso r -> r;
            case Block.Embed e -> new Block.Embed(e.id(), e.url(), translated.get(0));
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
        var empty = texts.stream().map(t -> "").toList();
        return switch (block) {
            case Block.Quote q -> new Block.Quote(q.id(), "", q.speaker(), "");
            case Block.Image i -> new Block.Image(i.id(), i.mediaId(), "", i.credit(), "");
            default -> withTexts(empty);
        };
    }
}
