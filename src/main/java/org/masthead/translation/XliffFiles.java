package org.masthead.translation;

import java.io.ByteArrayInputStream;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import net.sf.okapi.lib.xliff2.core.CTag;
import net.sf.okapi.lib.xliff2.core.Fragment;
import net.sf.okapi.lib.xliff2.core.Segment;
import net.sf.okapi.lib.xliff2.core.TagType;
import net.sf.okapi.lib.xliff2.core.StartFileData;
import net.sf.okapi.lib.xliff2.core.StartXliffData;
import net.sf.okapi.lib.xliff2.core.Unit;
import net.sf.okapi.lib.xliff2.reader.XLIFFReader;
import net.sf.okapi.lib.xliff2.writer.XLIFFWriter;
import net.sf.okapi.lib.xliff2.XLIFFException;
import org.jspecify.annotations.Nullable;
import org.masthead.content.InlineTree;
import org.masthead.content.Mark;
import org.masthead.content.RichText;
import org.masthead.platform.Language;
import org.springframework.stereotype.Component;

/**
 * Reads and writes XLIFF 2.0 through the Okapi library. One unit per translatable item (its id is
 * the item id), one segment per text of the item (segment id {@code s<index>}), so an agency's CAT
 * tool sees plain sentences and Masthead can put each answer back in its place.
 *
 * <p>Inline marks travel as inline codes: each mark is a {@code <pc>} (a mark split where it crosses
 * another is several, {@code s0m2a}, {@code s0m2b}), a line break a {@code <ph>}; the code ids name the
 * text and the mark ({@code s<index>m<mark>}, {@code s<index>b<n>}). What a code stands for (a link's target
 * above all) is kept in the unit's original data, outside the translatable text, and on import is taken
 * from the current source by the code's id, never from the file: a tool can move or drop a code, not
 * change where a link goes. A target with a code its segment's source does not have, or with an opening
 * code without its closing one, is refused, naming the unit.
 */
@Component
class XliffFiles {

    /** Thread-safe once configured: it makes a new reader per file. */
    private static final XMLInputFactory XML = parserFactory();

    /**
     * A unit as read back: for each text index, the source the file carries and its translation, with the
     * marks their codes stand for (taken from {@code current}, the source as it is now); {@code problems}
     * say what is wrong with the unit's codes.
     */
    record ReadUnit(String id, Map<Integer, RichText> sources, Map<Integer, RichText> targets, List<String> problems) {
    }

    record ReadFile(String sourceLanguage, @Nullable String targetLanguage, String original, List<ReadUnit> units) {
    }

    /** An item to write: its texts in the source language and, where they exist, in the target. */
    record WriteUnit(String id, String kind, List<RichText> sources, List<RichText> targets) {
    }

    private static final Pattern CODE_ID = Pattern.compile("s(\\d{1,4})(m(\\d{1,4})[a-z]{0,2}|b\\d{1,5})");

    String write(Language source, Language target, String fileId, String original, List<WriteUnit> units) {
        var out = new StringWriter();
        try (var writer = new XLIFFWriter()) {
            writer.setUseIndentation(true);
            writer.create(out, source.code(), target.code());
            var document = new StartXliffData(null);
            document.setSourceLanguage(source.code());
            document.setTargetLanguage(target.code());
            writer.writeStartDocument(document, null);
            var file = new StartFileData(fileId);
            file.setOriginal(original);
            writer.setStartFileData(file);
            for (var item : units) {
                var unit = new Unit(item.id());
                unit.setName(item.kind());
                for (int i = 0; i < item.sources().size(); i++) {
                    if (item.sources().get(i).isBlank()) {
                        continue;   // nothing to translate; the index keeps the other texts in place
                    }
                    Segment segment = unit.appendSegment();
                    segment.setId("s" + i);
                    codes(segment.getSource(), i, item.sources().get(i));
                    if (i < item.targets().size() && !item.targets().get(i).isBlank()) {
                        codes(segment.getTarget(net.sf.okapi.lib.xliff2.core.Part.GetTarget.CREATE_EMPTY), i, item.targets().get(i));
                    }
                }
                writer.writeUnit(unit);
            }
            writer.writeEndDocument();
        }
        return out.toString();
    }

    /**
     * Parses a file; a file that is not XLIFF 2 at all is refused as a whole. XLIFF 2 has no use for a
     * document type declaration, so a file with one anywhere (after a long comment, in UTF-16, ...) is
     * refused by the XML parser itself before the XLIFF reader or its schema validation sees it: no entity
     * expansion, no external entities.
     */
    ReadFile read(byte[] xliff, Map<String, List<RichText>> current) {
        refuseDocumentTypes(xliff);
        var units = new ArrayList<ReadUnit>();
        String sourceLanguage = "";
        String targetLanguage = null;
        String original = "";
        try (var reader = new XLIFFReader(XLIFFReader.VALIDATION_MAXIMAL)) {
            reader.open(new ByteArrayInputStream(xliff));
            while (reader.hasNext()) {
                var event = reader.next();
                if (event.isStartXliff()) {
                    sourceLanguage = event.getStartXliffData().getSourceLanguage();
                    targetLanguage = event.getStartXliffData().getTargetLanguage();
                } else if (event.isStartFile()) {
                    var found = event.getStartFileData().getOriginal();
                    original = found == null ? "" : found;
                } else if (event.isUnit()) {
                    units.add(readUnit(event.getUnit(), current.getOrDefault(event.getUnit().getId(), List.of())));
                }
            }
        } catch (XLIFFException e) {
            throw new ImportRejected(List.of(new ImportRejected.Problem("", "not a valid XLIFF 2.0 file: "
                    + firstLine(e.getMessage()))));
        }
        return new ReadFile(sourceLanguage, targetLanguage, original, units);
    }

    /**
     * Reads the whole file with a streaming parser that resolves nothing (no DTD, no external entity) and
     * stops at a document type declaration wherever it stands, in whatever encoding the file declares.
     */
    private static void refuseDocumentTypes(byte[] xliff) {
        XMLStreamReader reader = null;
        try {
            reader = XML.createXMLStreamReader(new ByteArrayInputStream(xliff));
            while (reader.hasNext()) {
                if (reader.next() == XMLStreamConstants.DTD) {
                    throw new ImportRejected(List.of(new ImportRejected.Problem("",
                            "a document type declaration is not allowed")));
                }
            }
        } catch (XMLStreamException e) {
            throw new ImportRejected(List.of(new ImportRejected.Problem("", "not a valid XLIFF 2.0 file: "
                    + firstLine(e.getMessage()))));
        } finally {
            if (reader != null) {
                try {
                    reader.close();
                } catch (XMLStreamException ignored) {
                    // nothing held but the byte array
                }
            }
        }
    }

    private static XMLInputFactory parserFactory() {
        var factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        return factory;
    }

    private static ReadUnit readUnit(Unit unit, List<RichText> current) {
        var sources = new LinkedHashMap<Integer, RichText>();
        var targets = new LinkedHashMap<Integer, RichText>();
        var problems = new ArrayList<String>();
        for (var segment : unit.getSegments()) {
            var id = segment.getId();
            if (id == null || !id.matches("s\\d{1,4}")) {
                continue;
            }
            int index = Integer.parseInt(id.substring(1));
            var source = index < current.size() ? current.get(index) : RichText.EMPTY;
            sources.put(index, text(segment.getSource(), index, source, problems));
            if (segment.hasTarget()) {
                targets.put(index, text(segment.getTarget(), index, source, problems));
            }
        }
        return new ReadUnit(unit.getId(), sources, targets, problems.stream().distinct().toList());
    }

    /** Writes a text into a fragment: its characters, a code span per mark element, a code per line break. */
    private static void codes(Fragment fragment, int index, RichText text) {
        var pieces = new java.util.HashMap<Mark, Integer>();
        var open = new java.util.ArrayDeque<String>();
        int[] breaks = {0};
        InlineTree.walk(text, new InlineTree.Visitor() {
            @Override
            public void open(Mark mark) {
                int markIndex = text.marks().indexOf(mark);
                int piece = pieces.merge(mark, 1, Integer::sum) - 1;
                var id = "s" + index + "m" + markIndex + (piece == 0 ? "" : suffix(piece));
                open.push(id);
                var code = fragment.openCodeSpan(id, data(mark));
                describe(code, mark);
            }

            @Override
            public void close(Mark mark) {
                var code = fragment.closeCodeSpan(open.pop(), "");
                describe(code, mark);
            }

            @Override
            public void text(String run) {
                int from = 0;
                for (int i = run.indexOf('\n'); i >= 0; i = run.indexOf('\n', from)) {
                    fragment.append(run.substring(from, i));
                    var code = fragment.appendCode("s" + index + "b" + breaks[0]++, "<br/>");
                    code.setType("fmt");
                    code.setSubType("xlf:lb");
                    code.setDisp("\u21b5");
                    from = i + 1;
                }
                fragment.append(run.substring(from));
            }
        });
    }

    private static String suffix(int piece) {
        return piece < 26 ? String.valueOf((char) ('a' + piece - 1)) : "z" + (char) ('a' + piece % 26);
    }

    /** The original data of a mark's code: what it does, with the link target, outside the text. */
    private static String data(Mark mark) {
        return switch (mark) {
            case Mark.Bold b -> "<strong>";
            case Mark.Italic i -> "<em>";
            case Mark.Superscript s -> "<sup>";
            case Mark.Subscript s -> "<sub>";
            case Mark.Link l -> "<a href=\"" + l.href() + "\"" + (l.rel().isEmpty() ? "" : " rel=\""
                    + String.join(" ", l.rel()) + "\"") + ">";
            case Mark.StoryLink l -> "<a href=\"story:" + l.storyId() + "\">";
        };
    }

    private static void describe(CTag code, Mark mark) {
        switch (mark) {
            case Mark.Bold b -> {
                code.setType("fmt");
                code.setSubType("xlf:b");
            }
            case Mark.Italic i -> {
                code.setType("fmt");
                code.setSubType("xlf:i");
            }
            case Mark.Superscript s -> code.setType("fmt");
            case Mark.Subscript s -> code.setType("fmt");
            case Mark.Link l -> code.setType("link");
            case Mark.StoryLink l -> code.setType("link");
        }
        code.setCanDelete(true);
        code.setCanCopy(false);
    }

    /**
     * Reads a fragment back into a text, each code taken for the mark of {@code source} its id names; an
     * unknown, repeated or unbalanced code is a problem, and the text is then returned without marks.
     */
    private static RichText text(Fragment fragment, int index, RichText source, List<String> problems) {
        var coded = fragment.getCodedText();
        var text = new StringBuilder();
        var marks = new ArrayList<Mark>();
        var openAt = new java.util.HashMap<String, Integer>();
        var seen = new java.util.HashSet<String>();
        boolean ok = true;
        for (int i = 0; i < coded.length(); i++) {
            char c = coded.charAt(i);
            if (!Fragment.isCTag(c) && c != Fragment.MARKER_OPENING && c != Fragment.MARKER_CLOSING) {
                text.append(c);
                continue;
            }
            var tag = fragment.getTag(coded, i);
            i++;
            if (tag.isMarker()) {
                continue;   // annotations of the tool (terms, comments): not ours, no text
            }
            var id = tag.getId();
            var matcher = CODE_ID.matcher(id == null ? "" : id);
            if (!matcher.matches() || Integer.parseInt(matcher.group(1)) != index) {
                problems.add("the translation has a code (" + id + ") that the source text does not have");
                ok = false;
                continue;
            }
            if (matcher.group(3) == null) {
                if (tag.getTagType() != TagType.STANDALONE || !seen.add(id)) {
                    problems.add("the line break code " + id + " is not where a line break can be");
                    ok = false;
                } else {
                    text.append('\n');
                }
                continue;
            }
            int markIndex = Integer.parseInt(matcher.group(3));
            if (markIndex >= source.marks().size()) {
                problems.add("the translation has a code (" + id + ") that the source text does not have");
                ok = false;
                continue;
            }
            switch (tag.getTagType()) {
                case OPENING -> {
                    if (!seen.add(id)) {
                        problems.add("the code " + id + " opens twice");
                        ok = false;
                    } else {
                        openAt.put(id, text.length());
                    }
                }
                case CLOSING -> {
                    var start = openAt.remove(id);
                    if (start == null) {
                        problems.add("the code " + id + " closes without opening");
                        ok = false;
                    } else if (start < text.length()) {
                        marks.add(source.marks().get(markIndex).at(start, text.length()));
                    }
                }
                case STANDALONE -> {
                    problems.add("the code " + id + " stands alone, but it marks a span of text");
                    ok = false;
                }
            }
        }
        if (!openAt.isEmpty()) {
            problems.add("the code " + openAt.keySet().iterator().next() + " opens without closing");
            ok = false;
        }
        return new RichText(text.toString(), ok ? marks : List.of()).canonical();   // pieces of a split mark join again
    }

    /** Whether two texts carry the same marks (by kind and target) in the same order. */
    static boolean sameCodes(RichText a, RichText b) {
        return a.marks().stream().map(m -> m.at(0, 0)).toList().equals(b.marks().stream().map(m -> m.at(0, 0)).toList());
    }

    private static String firstLine(@Nullable String message) {
        if (message == null) {
            return "unreadable";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
