package org.masthead.search.lucene;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.document.Field.Store;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.SortedSetDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.util.BytesRef;
import org.masthead.search.SearchDocument;
import org.masthead.search.SearchDocument.NamedSlug;

/** Turns a {@link SearchDocument} into the fields of the Lucene index (see {@link Fields}). */
public final class LuceneDocuments {

    public static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("yyyy-MM");

    /** Bodies keep match offsets in the postings, so snippets need no second analysis of the text. */
    private static final FieldType BODY = new FieldType(TextField.TYPE_STORED);

    /** Suggestions only ask which stories have a word prefix: no frequencies, positions or norms to keep. */
    private static final FieldType PREFIXES = new FieldType(TextField.TYPE_NOT_STORED);

    static {
        BODY.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
        BODY.freeze();
        PREFIXES.setIndexOptions(IndexOptions.DOCS);
        PREFIXES.setOmitNorms(true);
        PREFIXES.freeze();
    }

    private final ZoneId zone;

    LuceneDocuments(ZoneId zone) {
        this.zone = zone;
    }

    Document toLucene(SearchDocument source) {
        var language = source.language();
        var doc = new Document();
        doc.add(new StringField(Fields.STORY, Long.toString(source.storyId()), Store.YES));
        doc.add(new StoredField(Fields.LANGUAGE, language.code()));
        doc.add(new StringField(Fields.LIVE, source.live() ? Fields.YES : Fields.NO, Store.YES));
        doc.add(new StringField(Fields.LATEST, source.latest() ? Fields.YES : Fields.NO, Store.NO));
        doc.add(new StringField(Fields.STATUS, source.status(), Store.YES));
        doc.add(new StoredField(Fields.REVISION, source.revision()));
        doc.add(new StoredField(Fields.SLUG, source.slug()));

        doc.add(new StringField(Fields.SECTION, source.sectionSlug(), Store.YES));
        doc.add(new SortedDocValuesField(Fields.SECTION, new BytesRef(source.sectionSlug())));
        for (var tag : source.tags()) {
            doc.add(new StringField(Fields.TAG, tag.slug(), Store.NO));
            doc.add(new SortedSetDocValuesField(Fields.TAG, new BytesRef(tag.slug())));
            doc.add(new StoredField(Fields.TAG_NAMES, tag.slug() + "\t" + tag.name()));
        }
        var month = MONTH.format(source.date().atZone(zone));
        doc.add(new StringField(Fields.MONTH, month, Store.NO));
        doc.add(new SortedDocValuesField(Fields.MONTH, new BytesRef(month)));
        doc.add(new NumericDocValuesField(Fields.DATE, source.date().toEpochMilli()));
        // points beside the doc values let a newest-first sort skip whole blocks of older stories
        doc.add(new LongPoint(Fields.DATE, source.date().toEpochMilli()));
        doc.add(new StoredField(Fields.DATE, source.date().toEpochMilli()));

        doc.add(new TextField(Fields.headline(language), source.headline(), Store.YES));
        doc.add(new TextField(Fields.standfirst(language), source.standfirst(), Store.YES));
        doc.add(new Field(Fields.body(language), source.text(), BODY));
        var tagNames = tagNames(source);
        doc.add(new TextField(Fields.tags(language), tagNames, Store.NO));
        var people = people(source);
        people.forEach(name -> doc.add(new StoredField(Fields.PEOPLE, name)));
        doc.add(new TextField(Fields.names(language), namesText(source, tagNames, people), Store.NO));
        doc.add(new Field(Fields.suggestHeadline(language), source.headline(), PREFIXES));
        doc.add(new Field(Fields.suggestTerms(language), tagNames + "\n" + String.join("\n", people), PREFIXES));
        return doc;
    }

    /** The text of the tags field: the tags' names, one a line. */
    public static String tagNames(SearchDocument source) {
        return source.tags().stream().map(NamedSlug::name).collect(Collectors.joining("\n"));
    }

    /** Authors and quoted speakers, each once. */
    public static List<String> people(SearchDocument source) {
        return Stream.concat(source.authors().stream().map(NamedSlug::name), source.speakers().stream()).distinct()
                .toList();
    }

    /** The text whose capitalized words become the names field's keys: all of the version's words. */
    public static String namesText(SearchDocument source, String tagNames, List<String> people) {
        return String.join("\n", source.headline(), source.standfirst(), source.text(), tagNames,
                String.join("\n", people));
    }
}
