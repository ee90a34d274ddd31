package org.masthead.bench;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.masthead.platform.Language;
import org.masthead.search.SearchDocument;
import org.masthead.search.SearchDocument.NamedSlug;

/**
 * Deterministic synthetic news stories in Ukrainian, English and Russian, made of real inflected words so
 * that the dictionaries do real work. Story {@code n} is always the same story.
 */
final class SyntheticStories {

    static final String[] SECTIONS = {"politics", "economy", "war", "world", "culture"};
    static final int TAGS = 60;
    static final Instant NEWEST = Instant.parse("2026-11-25T12:00:00Z");

    /** Each line: inflected forms of one word; the first is the form queries use as "single word". */
    static final String[][] UK = words("""
            переговори переговорів переговорах переговорами
            уряд уряду урядом урядові
            війна війни війною війні
            економіка економіки економікою економіці
            бюджет бюджету бюджетом бюджеті
            енергетика енергетики енергетикою енергетиці
            президент президента президентом президентові
            міністр міністра міністром міністрові
            місто міста містом містах
            зустріч зустрічі зустріччю зустрічах
            угода угоди угодою угоді
            делегація делегації делегацією делегаціях
            заява заяви заявою заявах
            ціна ціни ціною цінах
            виставка виставки виставкою виставці
            театр театру театром театрі
            фронт фронту фронтом фронті
            атака атаки атакою атаках
            зерно зерна зерном зерні
            експорт експорту експортом експорті
            підтримка підтримки підтримкою підтримці
            санкції санкцій санкціями санкціях
            парламент парламенту парламентом парламенті
            закон закону законом законі
            вибори виборів виборами виборах
            банк банку банком банках
            інфляція інфляції інфляцією інфляції
            школа школи школою школах
            лікарня лікарні лікарнею лікарнях
            відновлення відновлення відновленням відновленні
            """);
    static final String[][] RU = words("""
            переговоры переговоров переговорах переговорами
            правительство правительства правительством правительстве
            война войны войной войне
            экономика экономики экономикой экономике
            бюджет бюджета бюджетом бюджете
            энергетика энергетики энергетикой энергетике
            президент президента президентом президенту
            министр министра министром министру
            город города городом городах
            встреча встречи встречей встречах
            соглашение соглашения соглашением соглашении
            делегация делегации делегацией делегациях
            заявление заявления заявлением заявлениях
            цена цены ценой ценах
            выставка выставки выставкой выставке
            театр театра театром театре
            фронт фронта фронтом фронте
            атака атаки атакой атаках
            зерно зерна зерном зерне
            экспорт экспорта экспортом экспорте
            поддержка поддержки поддержкой поддержке
            санкции санкций санкциями санкциях
            парламент парламента парламентом парламенте
            закон закона законом законе
            выборы выборов выборами выборах
            банк банка банком банках
            инфляция инфляции инфляцией инфляции
            школа школы школой школах
            больница больницы больницей больницах
            восстановление восстановления восстановлением восстановлении
            """);
    static final String[][] EN = words("""
            negotiations negotiation negotiating negotiated
            government governments governing governed
            war wars warring
            economy economies economic
            budget budgets budgeting budgeted
            energy energies
            president presidents presidential
            minister ministers ministerial
            city cities
            meeting meetings meet met
            agreement agreements agreed agree
            delegation delegations
            statement statements stated
            price prices priced pricing
            exhibition exhibitions exhibited
            theatre theatres
            front fronts
            attack attacks attacked attacking
            grain grains
            export exports exported exporting
            support supports supported supporting
            sanctions sanction sanctioned
            parliament parliaments parliamentary
            law laws
            elections election elected electing
            bank banks banking
            inflation inflationary
            school schools schooling
            hospital hospitals
            recovery recoveries recovering recovered
            """);
    static final String[] UK_GLUE = {"у", "та", "після", "щодо", "для", "під час", "навколо", "без"};
    static final String[] RU_GLUE = {"в", "и", "после", "по поводу", "для", "во время", "вокруг", "без"};
    static final String[] EN_GLUE = {"in", "and", "after", "on", "for", "during", "around", "without"};
    static final String[] PEOPLE_UK = {"Зеленський", "Шмигаль", "Стефанчук", "Кулеба", "Маркарова"};
    static final String[] PEOPLE_RU = {"Зеленский", "Шмыгаль", "Стефанчук", "Кулеба", "Маркарова"};
    static final String[] PEOPLE_EN = {"Zelensky", "Shmyhal", "Stefanchuk", "Kuleba", "Markarova"};

    private static final java.util.Map<Language, Lexicon> LEXICONS = new java.util.EnumMap<>(Language.class);

    static {
        for (var language : Language.values()) {
            LEXICONS.put(language, Lexicon.of(language));
        }
    }

    private SyntheticStories() {
    }

    /** A stock phrase (two core words in a fixed order) that some stories contain, for phrase queries. */
    static String phrase(SplittableRandom random, Language language) {
        var core = vocabulary(language);
        int i = random.nextInt(50);
        return core[i % core.length][0] + " " + core[(i * 7 + 3) % core.length][1];
    }

    static Lexicon lexicon(Language language) {
        return LEXICONS.get(language);
    }

    static String[][] vocabulary(Language language) {
        return switch (language) {
            case UK -> UK;
            case RU -> RU;
            case EN -> EN;
        };
    }

    static SearchDocument story(long n) {
        var random = new SplittableRandom(n * 0x9E3779B97F4A7C15L + 17);
        var language = Language.values()[(int) (n % 3)];
        var vocabulary = vocabulary(language);
        var lexicon = lexicon(language);
        var glue = switch (language) {
            case UK -> UK_GLUE;
            case RU -> RU_GLUE;
            case EN -> EN_GLUE;
        };
        var people = switch (language) {
            case UK -> PEOPLE_UK;
            case RU -> PEOPLE_RU;
            case EN -> PEOPLE_EN;
        };
        var headline = sentence(random, lexicon, glue, 7);
        var standfirst = sentence(random, lexicon, glue, 18);
        var body = new StringBuilder();
        for (int p = 0; p < 5; p++) {
            body.append(sentence(random, lexicon, glue, 20));
            if (p == 0 && random.nextInt(3) == 0) {
                body.append(' ').append(phrase(random, language)).append('.');
            }
            if (random.nextInt(4) == 0) {
                body.append(' ').append(people[random.nextInt(people.length)]).append(' ')
                        .append(sentence(random, lexicon, glue, 6).toLowerCase(language.locale()));
            }
            body.append('\n');
        }
        var tags = new ArrayList<NamedSlug>();
        for (int t = 0, count = 1 + random.nextInt(3); t < count; t++) {
            int tag = random.nextInt(TAGS);
            tags.add(new NamedSlug("tag-" + tag, vocabulary[tag % vocabulary.length][0] + " " + tag));
        }
        var date = NEWEST.minus(random.nextLong(3 * 365 * 24 * 60), ChronoUnit.MINUTES);
        return new SearchDocument(n + 1, language, 1, true, true, "PUBLISHED", SECTIONS[random.nextInt(SECTIONS.length)],
                tags, List.of(new NamedSlug("author-" + random.nextInt(30), "Author " + random.nextInt(30))),
                List.of(people[random.nextInt(people.length)]), "story-" + (n + 1), headline, standfirst,
                body.toString(), date);
    }

    private static String sentence(SplittableRandom random, Lexicon lexicon, String[] glue, int words) {
        var out = new StringBuilder();
        for (int w = 0; w < words; w++) {
            if (w > 0) {
                out.append(' ');
            }
            if (w % 3 == 2) {
                out.append(glue[random.nextInt(glue.length)]);
            } else {
                out.append(lexicon.word(random));
            }
        }
        out.setCharAt(0, Character.toUpperCase(out.charAt(0)));
        return out.append('.').toString();
    }

    private static String[][] words(String lines) {
        return lines.lines().map(String::strip).filter(l -> !l.isEmpty()).map(l -> l.split(" ")).toArray(String[][]::new);
    }
}
