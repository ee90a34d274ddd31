package org.masthead.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.masthead.platform.Language.EN;
import static org.masthead.platform.Language.RU;
import static org.masthead.platform.Language.UK;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.masthead.content.StoryStatus;
import org.masthead.platform.Language;
import org.masthead.search.SearchDocument.NamedSlug;

/**
 * What every {@link SearchIndex} does, over hand-made stories in three languages: relevance (the expected stories
 * are in the top ten for each query of the uk, ru and en sets), names across scripts, facets, snippets, drafts,
 * suggestions and the rebuild swap. Each engine's test extends it and opens a fresh, empty index per test.
 */
public abstract class SearchIndexContract {

    protected static final Instant NOW = Instant.parse("2026-11-20T10:00:00Z");
    protected static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    protected @Nullable SearchIndex index;

    /** A fresh, empty index whose clock is {@link #CLOCK}, with a 14-day freshness half-life. */
    protected abstract SearchIndex open();

    protected abstract void close(SearchIndex index);

    protected static SearchProperties properties(Path folder) {
        return new SearchProperties(folder, ZoneId.of("Europe/Kyiv"), Duration.ofDays(14), 16, 10);
    }

    @BeforeEach
    void fillIndex() {
        index = open();
        var all = new LinkedHashMap<Long, List<SearchDocument>>();
        long id = 1;
        for (var story : STORIES) {
            all.put(id, List.of(story.document(id)));
            id++;
        }
        index.replace(all);
    }

    @AfterEach
    void closeIndex() {
        if (index != null) {
            close(index);
        }
    }

    /** A hand-made story; stories are numbered from 1 in the order of this list. */
    protected record Story(Language language, String section, String tag, String headline, String body, int daysAgo) {

        public SearchDocument document(long id) {
            return new SearchDocument(id, language, 1, true, true, "PUBLISHED", section,
                    List.of(new NamedSlug(tag, tag.replace('-', ' '))), List.of(), List.of(), "story-" + id, headline,
                    "", body, NOW.minus(Duration.ofDays(daysAgo)));
        }
    }

    protected static final List<Story> STORIES = List.of(
            /* 1 */ new Story(UK, "politics", "talks", "Переговори у Стамбулі відновилися",
                    "Делегації зустрілися вранці. Сторони обговорили обмін полоненими.", 1),
            /* 2 */ new Story(UK, "politics", "talks", "Що відомо про наступний раунд",
                    "На переговорах у Стамбулі домовилися про гуманітарні питання.", 30),
            /* 3 */ new Story(UK, "economy", "grain", "Експорт зерна зріс на третину",
                    "Порти Одеси відвантажили рекордний обсяг пшениці та кукурудзи.", 3),
            /* 4 */ new Story(UK, "politics", "president", "Зеленський провів нараду з військовими",
                    "Президент Зеленський заслухав доповіді командувачів.", 2),
            /* 5 */ new Story(UK, "culture", "theatre", "Театр імені Франка відкрив сезон",
                    "Прем'єра вистави зібрала повний зал глядачів.", 5),
            /* 6 */ new Story(UK, "economy", "energy", "Енергетики відновили живлення після атаки",
                    "Світло повернули в усі будинки області до ранку.", 4),
            /* 7 */ new Story(RU, "politics", "talks", "Переговоры в Стамбуле возобновились",
                    "Делегации встретились утром. Стороны обсудили обмен пленными.", 1),
            /* 8 */ new Story(RU, "politics", "president", "Зеленский провёл совещание с военными",
                    "Президент заявил, что фронт держится.", 2),
            /* 9 */ new Story(RU, "economy", "grain", "Экспорт зерна вырос на треть",
                    "Порты Одессы отгрузили рекордный объём пшеницы.", 3),
            /* 10 */ new Story(RU, "culture", "theatre", "Театр открыл новый сезон премьерой",
                    "Спектакль собрал полный зал зрителей.", 5),
            /* 11 */ new Story(EN, "politics", "talks", "Talks resume in Istanbul",
                    "Delegations met in the morning and discussed a prisoner exchange.", 1),
            /* 12 */ new Story(EN, "politics", "president", "Zelenskyy meets military commanders",
                    "The president heard reports from the front.", 2),
            /* 13 */ new Story(EN, "economy", "grain", "Grain exports grow by a third",
                    "Odesa ports shipped a record volume of wheat and corn.", 3),
            /* 14 */ new Story(EN, "culture", "theatre", "Theatre opens its season with a premiere",
                    "The new production played to a full house.", 5),
            /* 15 */ new Story(EN, "economy", "energy", "Power restored after the attack on the grid",
                    "Engineers reconnected every home in the region by morning.", 40));

    @ParameterizedTest(name = "{0}: \"{1}\" finds stories {2}")
    @CsvSource(delimiter = '|', textBlock = """
            uk | переговорів               | 1 2
            uk | переговори                | 1 2
            uk | Стамбулі                  | 1 2
            uk | "переговори у Стамбулі"    | 1
            uk | експорту зерна            | 3
            uk | пшеницю                   | 3
            uk | Zelensky                  | 4
            uk | Zelenskyy                 | 4
            uk | Зеленский                 | 4
            uk | Зеленського               | 4
            uk | театри                    | 5
            uk | енергетиків               | 6
            ru | переговоров               | 7
            ru | переговорах               | 7
            ru | Стамбул                   | 7
            ru | Зеленський                | 8
            ru | Zelensky                  | 8
            ru | заявила                   | 8
            ru | экспорте зерна            | 9
            ru | театрах                   | 10
            en | talking Istanbul          | 11
            en | talk                      | 11
            en | Зеленський                | 12
            en | Zelensky                  | 12
            en | exported grain            | 13
            en | theatres                  | 14
            en | attacks                   | 15
            """)
    void expectedStoriesAreInTheTopTen(String language, String query, String expected) {
        var ids = search(Language.fromCode(language).orElseThrow(), query).hits().stream()
                .limit(10).map(SearchResults.Hit::storyId).toList();
        var wanted = java.util.Arrays.stream(expected.split(" ")).map(Long::valueOf).toList();
        assertThat(ids).containsAll(wanted);
    }

    @Test
    void searchesStayWithinTheirLanguage() {
        assertThat(search(EN, "Istanbul").hits()).extracting(SearchResults.Hit::language).containsOnly(EN);
        assertThat(search(UK, "Istanbul").hits()).isEmpty();
    }

    @Test
    void withoutALanguageEveryLanguageIsSearchedAndEachHitHighlightedInItsOwn() {
        assertThat(search(null, "Zelensky").hits()).extracting(SearchResults.Hit::storyId)
                .containsExactlyInAnyOrder(4L, 8L, 12L);
        var hits = search(null, "Стамбул").hits();
        assertThat(hits).extracting(SearchResults.Hit::storyId).contains(1L, 2L, 7L);
        assertThat(hits).filteredOn(hit -> hit.storyId() == 7).singleElement().satisfies(hit -> {
            assertThat(hit.language()).isEqualTo(RU);
            assertThat(hit.headline().fragments()).contains(new Highlighted.Fragment("Стамбуле", true));
        });
        assertThat(hits).filteredOn(hit -> hit.storyId() == 2).singleElement().satisfies(hit ->
                assertThat(hit.snippet().fragments()).contains(new Highlighted.Fragment("Стамбулі", true)));
    }

    @Test
    void freshStoriesRankFirstAmongEquals() {
        var ids = search(UK, "Стамбулі").hits().stream().map(SearchResults.Hit::storyId).toList();
        assertThat(ids).startsWith(1L);
    }

    @Test
    void newestFirstWhenAsked() {
        var results = index.search(query(UK, "Стамбулі", SearchOrder.NEWEST, null, null, null));
        assertThat(results.hits()).extracting(SearchResults.Hit::storyId).containsExactly(1L, 2L);
    }

    @Test
    void countsFacetsOverAllMatchesAndNarrowsByThem() {
        index.replace(101, List.of(new Story(EN, "world", "ports", "Harbour reopens", "Ships return.", 1).document(101)));
        index.replace(102, List.of(new Story(EN, "economy", "ports", "Harbour fees rise", "Costs grow.", 2).document(102)));
        index.replace(103, List.of(new Story(EN, "economy", "trade", "Harbour traffic", "More ships.", 45).document(103)));

        var results = index.search(query(EN, "harbour", SearchOrder.RELEVANCE, null, null, null));
        assertThat(results.total()).isEqualTo(3);
        assertThat(results.facets().sections()).containsExactly(new SearchResults.FacetCount("economy", 2),
                new SearchResults.FacetCount("world", 1));
        assertThat(results.facets().tags()).containsExactly(new SearchResults.FacetCount("ports", 2),
                new SearchResults.FacetCount("trade", 1));
        assertThat(results.facets().months()).containsExactly(new SearchResults.FacetCount("2026-11", 2),
                new SearchResults.FacetCount("2026-10", 1));

        assertThat(index.search(query(EN, "harbour", SearchOrder.RELEVANCE, "economy", "ports", null)).hits())
                .extracting(SearchResults.Hit::storyId).containsExactly(102L);
        assertThat(index.search(query(EN, "harbour", SearchOrder.RELEVANCE, null, null, YearMonth.of(2026, 10))).hits())
                .extracting(SearchResults.Hit::storyId).containsExactly(103L);
        assertThat(index.search(query(EN, "the", SearchOrder.RELEVANCE, null, null, null)).total())
                .as("stop words alone match nothing").isZero();
    }

    @Test
    void snippetsMarkTheMatchedWordsAsTheyAreWritten() {
        var hit = search(UK, "переговорів").hits().stream().filter(h -> h.storyId() == 2).findFirst().orElseThrow();
        assertThat(hit.snippet().fragments()).anySatisfy(f -> {
            assertThat(f.match()).isTrue();
            assertThat(f.text()).isEqualTo("переговорах");
        });
        var first = search(UK, "переговорів").hits().getFirst();
        assertThat(first.headline().text()).isEqualTo("Переговори у Стамбулі відновилися");
        assertThat(first.headline().fragments()).anySatisfy(f -> assertThat(f.match()).isTrue());
    }

    @Test
    void storyTextIsNeverTurnedIntoMarkup() {
        index.replace(100, List.of(new Story(EN, "world", "x", "<script>alert(1)</script> Harbour news",
                "The <b>harbour</b> & \"quay\" reopened.", 1).document(100)));
        var hit = search(EN, "harbour").hits().getFirst();
        assertThat(hit.headline().text()).isEqualTo("<script>alert(1)</script> Harbour news");
        assertThat(hit.snippet().text()).contains("<b>harbour</b> & \"quay\"");
    }

    @Test
    void draftsAreFoundOnlyWhenAskedFor() {
        var draft = new SearchDocument(200, UK, 3, false, true, "DRAFT", "politics", List.of(), List.of(), List.of(),
                "draft", "Чернетка про вибори мера", "", "Текст ще не опублікований.", NOW);
        index.replace(200, List.of(draft));
        assertThat(search(UK, "вибори").hits()).isEmpty();
        assertThat(index.search(draftsIn(null)).hits()).extracting(SearchResults.Hit::storyId).containsExactly(200L);
        assertThat(index.search(draftsIn(StoryStatus.DRAFT)).hits()).extracting(SearchResults.Hit::storyId)
                .containsExactly(200L);
        assertThat(index.search(draftsIn(StoryStatus.IN_REVIEW)).total()).as("narrowed to another status").isZero();
    }

    @Test
    void replacingAStoryReplacesAllItsDocumentsAndNoneRemovesIt() {
        index.replace(1, List.of(new Story(UK, "politics", "talks", "Перемовини перенесли", "Без дати.", 1).document(1)));
        assertThat(search(UK, "Стамбулі").hits()).extracting(SearchResults.Hit::storyId).containsExactly(2L);
        index.replace(2, List.of());
        assertThat(search(UK, "Стамбулі").hits()).isEmpty();
    }

    @Test
    void suggestsHeadlinesTagsAndNamesFromAPrefix() {
        var headlines = index.suggest(UK, "перегов", 5);
        assertThat(headlines).extracting(Suggestion::text).contains("Переговори у Стамбулі відновилися");
        assertThat(headlines.getFirst().kind()).isIn(Suggestion.Kind.HEADLINE, Suggestion.Kind.TAG);
        assertThat(index.suggest(EN, "tal", 5)).extracting(Suggestion::kind).contains(Suggestion.Kind.TAG);
        assertThat(index.suggest(EN, "x", 5)).as("one letter is too little").isEmpty();
        assertThat(index.suggest(UK, "відновилися у", 5)).as("earlier words must be whole words").isEmpty();
        assertThat(index.suggest(UK, "у Стамб", 5)).extracting(Suggestion::text)
                .containsExactly("Переговори у Стамбулі відновилися");
        index.replace(100, List.of(new Story(UK, "culture", "theatre", "Прем'єра сезону в театрі імені Франка",
                "Глядачі аплодували стоячи.", 1).document(100)));
        index.replace(101, List.of(new Story(EN, "culture", "theatre", "Counterintelligencesies of the season",
                "A made-up word longer than any indexed prefix.", 1).document(101)));
        assertThat(index.suggest(UK, "прем'єр", 5)).as("an apostrophe inside a word")
                .extracting(Suggestion::text).contains("Прем'єра сезону в театрі імені Франка");
        assertThat(index.suggest(EN, "counterintelligencesi", 5)).as("past the longest indexed prefix")
                .extracting(Suggestion::text).containsExactly("Counterintelligencesies of the season");
        assertThat(index.suggest(EN, "counterintelligencesix", 5)).isEmpty();
    }

    @Test
    void aRebuildFillsANewIndexWhileTheOldOneAnswersThenSwaps() {
        try (var rebuild = index.rebuild()) {
            rebuild.add(13, List.of(STORIES.get(12).document(13)));
            assertThat(search(UK, "переговорів").hits()).as("live index still answers").hasSize(2);
            index.replace(11, List.of(STORIES.get(10).document(11)));   // a change during the rebuild reaches both
            assertThatThrownBy(index::rebuild).isInstanceOf(IllegalStateException.class);
            rebuild.complete();
        }
        assertThat(index.documentCount()).isEqualTo(2);
        assertThat(search(EN, "Istanbul").hits()).extracting(SearchResults.Hit::storyId).containsExactly(11L);
        assertThat(search(UK, "переговорів").hits()).isEmpty();
    }

    @Test
    void anAbandonedRebuildLeavesTheLiveIndexAlone() {
        try (var rebuild = index.rebuild()) {
            rebuild.add(13, List.of(STORIES.get(12).document(13)));
        }
        assertThat(index.documentCount()).isEqualTo(STORIES.size());
        assertThat(search(EN, "Istanbul").hits()).extracting(SearchResults.Hit::storyId).containsExactly(11L);
    }

    protected SearchResults search(@Nullable Language language, String text) {
        return index.search(query(language, text, SearchOrder.RELEVANCE, null, null, null));
    }

    private static SearchQuery query(@Nullable Language language, String text, SearchOrder order, String section, String tag,
            YearMonth month) {
        return new SearchQuery(language, QueryText.parse(text), Visibility.PUBLISHED, order, section, tag, month, null,
                0, 10, true);
    }

    private static SearchQuery draftsIn(StoryStatus status) {
        return new SearchQuery(UK, QueryText.parse("вибори"), Visibility.INCLUDING_DRAFTS, SearchOrder.RELEVANCE, null,
                null, null, status, 0, 10, false);
    }
}
