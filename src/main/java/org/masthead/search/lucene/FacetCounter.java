package org.masthead.search.lucene;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SimpleCollector;
import org.masthead.search.SearchResults.FacetCount;
import org.masthead.search.SearchResults.Facets;

/**
 * Counts every match by section, tag and month from doc values: per segment into arrays indexed by ordinal,
 * turned into values once per segment, so the cost per match is three array increments.
 */
final class FacetCounter implements CollectorManager<FacetCounter.Counting, Facets> {

    private final int topValues;

    FacetCounter(int topValues) {
        this.topValues = topValues;
    }

    @Override
    public Counting newCollector() {
        return new Counting();
    }

    @Override
    public Facets reduce(Collection<Counting> collectors) {
        var sections = new HashMap<String, Long>();
        var tags = new HashMap<String, Long>();
        var months = new HashMap<String, Long>();
        for (var collector : collectors) {
            collector.finishSegment();
            collector.sections.forEach((k, v) -> sections.merge(k, v, Long::sum));
            collector.tags.forEach((k, v) -> tags.merge(k, v, Long::sum));
            collector.months.forEach((k, v) -> months.merge(k, v, Long::sum));
        }
        return new Facets(top(sections, Comparator.comparing(FacetCount::count).reversed()
                        .thenComparing(FacetCount::value)),
                top(tags, Comparator.comparing(FacetCount::count).reversed().thenComparing(FacetCount::value)),
                top(months, Comparator.comparing(FacetCount::value).reversed()));
    }

    private List<FacetCount> top(Map<String, Long> counts, Comparator<FacetCount> order) {
        var values = new ArrayList<FacetCount>(counts.size());
        counts.forEach((value, count) -> values.add(new FacetCount(value, count)));
        values.sort(order);
        return values.size() > topValues ? List.copyOf(values.subList(0, topValues)) : values;
    }

    static final class Counting extends SimpleCollector {

        private final Map<String, Long> sections = new HashMap<>();
        private final Map<String, Long> tags = new HashMap<>();
        private final Map<String, Long> months = new HashMap<>();
        private SortedDocValues sectionValues = DocValues.emptySorted();
        private SortedSetDocValues tagValues = DocValues.emptySortedSet();
        private SortedDocValues monthValues = DocValues.emptySorted();
        private int[] sectionCounts = new int[0];
        private int[] tagCounts = new int[0];
        private int[] monthCounts = new int[0];

        @Override
        protected void doSetNextReader(LeafReaderContext context) throws IOException {
            finishSegment();
            var reader = context.reader();
            sectionValues = DocValues.getSorted(reader, Fields.SECTION);
            tagValues = DocValues.getSortedSet(reader, Fields.TAG);
            monthValues = DocValues.getSorted(reader, Fields.MONTH);
            sectionCounts = new int[sectionValues.getValueCount()];
            tagCounts = new int[Math.toIntExact(tagValues.getValueCount())];
            monthCounts = new int[monthValues.getValueCount()];
        }

        @Override
        public void collect(int doc) throws IOException {
            if (sectionValues.advanceExact(doc)) {
                sectionCounts[sectionValues.ordValue()]++;
            }
            if (monthValues.advanceExact(doc)) {
                monthCounts[monthValues.ordValue()]++;
            }
            if (tagValues.advanceExact(doc)) {
                for (int i = 0; i < tagValues.docValueCount(); i++) {
                    tagCounts[(int) tagValues.nextOrd()]++;
                }
            }
        }

        @Override
        public void setScorer(Scorable scorer) {
            // counts need no scores
        }

        @Override
        public ScoreMode scoreMode() {
            return ScoreMode.COMPLETE_NO_SCORES;
        }

        /** Moves the current segment's ordinal counts into the value maps. */
        void finishSegment() {
            try {
                for (int ord = 0; ord < sectionCounts.length; ord++) {
                    if (sectionCounts[ord] > 0) {
                        sections.merge(sectionValues.lookupOrd(ord).utf8ToString(), (long) sectionCounts[ord], Long::sum);
                    }
                }
                for (int ord = 0; ord < tagCounts.length; ord++) {
                    if (tagCounts[ord] > 0) {
                        tags.merge(tagValues.lookupOrd(ord).utf8ToString(), (long) tagCounts[ord], Long::sum);
                    }
                }
                for (int ord = 0; ord < monthCounts.length; ord++) {
                    if (monthCounts[ord] > 0) {
                        months.merge(monthValues.lookupOrd(ord).utf8ToString(), (long) monthCounts[ord], Long::sum);
                    }
                }
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            sectionCounts = new int[0];
            tagCounts = new int[0];
            monthCounts = new int[0];
        }
    }
}
