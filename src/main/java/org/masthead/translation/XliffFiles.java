package org.masthead.translation;

import java.io.ByteArrayInputStream;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import net.sf.okapi.lib.xliff2.core.Segment;
import net.sf.okapi.lib.xliff2.core.StartFileData;
import net.sf.okapi.lib.xliff2.core.StartXliffData;
import net.sf.okapi.lib.xliff2.core.Unit;
import net.sf.okapi.lib.xliff2.reader.XLIFFReader;
import net.sf.okapi.lib.xliff2.writer.XLIFFWriter;
import net.sf.okapi.lib.xliff2.XLIFFException;
import org.jspecify.annotations.Nullable;
import org.masthead.platform.Language;
import org.springframework.stereotype.Component;

/**
 * Reads and writes XLIFF 2.0 through the Okapi library. One unit per translatable item (its id is
 * the item id), one segment per text of the item (segment id {@code s<index>}), so an agency's CAT
 * tool sees plain sentences and Masthead can put each answer back in its place.
 */
@Component
class XliffFiles {

    /** Thread-safe once configured: it makes a new reader per file. */
    private static final XMLInputFactory XML = parserFactory();

    /** A unit as read back: for each text index, the source the file carries and its translation. */
    record ReadUnit(String id, Map<Integer, String> sources, Map<Integer, String> targets) {
    }

    record ReadFile(String sourceLanguage, @Nullable String targetLanguage, String original, List<ReadUnit> units) {
    }

    /** An item to write: its texts in the source language and, where they exist, in the target. */
    record WriteUnit(String id, String kind, List<String> sources, List<String> targets) {
    }

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
                    segment.setSource(item.sources().get(i));
                    if (i < item.targets().size() && !item.targets().get(i).isBlank()) {
                        segment.setTarget(item.targets().get(i));
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
    ReadFile read(byte[] xliff) {
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
                    units.add(readUnit(event.getUnit()));
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

    private static ReadUnit readUnit(Unit unit) {
        var sources = new LinkedHashMap<Integer, String>();
        var targets = new LinkedHashMap<Integer, String>();
        for (var segment : unit.getSegments()) {
            var id = segment.getId();
            if (id == null || !id.matches("s\\d{1,4}")) {
                continue;
            }
            int index = Integer.parseInt(id.substring(1));
            sources.put(index, segment.getSource().getPlainText());
            if (segment.hasTarget()) {
                targets.put(index, segment.getTarget().getPlainText());
            }
        }
        return new ReadUnit(unit.getId(), sources, targets);
    }

    private static String firstLine(@Nullable String message) {
        if (message == null) {
            return "unreadable";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
