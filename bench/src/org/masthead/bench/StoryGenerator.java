package org.masthead.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.masthead.content.Block;
import org.masthead.content.NewStory;
import org.masthead.content.SaveVersion;
import org.masthead.content.Section;
import org.masthead.content.Stories;
import org.masthead.content.StoryFilter;
import org.masthead.content.Taxonomy;
import org.masthead.platform.Language;
import org.masthead.platform.Localized;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.masthead.platform.outbox.OutboxRelay;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Fills the archive with generated stories through the Stories front door (the same writes, revisions
 * and outbox events as the newsroom), a thousand stories per transaction. Every story is in Ukrainian
 * and English, every third also in Russian, spread over the last two years. Skipped when the database
 * already holds that many stories, so a rerun on the same data folder starts at once.
 *
 * <p>It runs once the application is ready (after the demo newsroom is seeded), keeping the outbox
 * relay still, and then moves every outbox consumer's cursor past the import: the archive is treated
 * as consumed long ago. Replaying a few hundred thousand import events (translation tracking of every
 * generated version, evictions from an empty cache) would take the better part of an hour on two
 * cores and measure the import, not the site.
 */
class StoryGenerator implements ApplicationListener<ApplicationReadyEvent> {

    private static final Logger log = LoggerFactory.getLogger(StoryGenerator.class);
    private static final int BATCH = 1000;
    private static final Duration ARCHIVE = Duration.ofDays(730);
    private static final String[] EN = ("government council ministry talks energy grid winter city region border "
            + "drone attack repair budget tax reform court ruling vote parliament farmers harvest grain port ship "
            + "export bank rate inflation school hospital doctors volunteers theatre festival museum library "
            + "report evidence witness officials statement agreement partners summit aid package").split(" ");
    private static final String[] UK = ("уряд рада міністерство переговори енергетика мережа зима місто область "
            + "кордон дрон атака ремонт бюджет податок реформа суд рішення голосування парламент фермери урожай "
            + "зерно порт судно експорт банк ставка інфляція школа лікарня лікарі волонтери театр фестиваль музей "
            + "бібліотека звіт докази свідок посадовці заява угода партнери саміт допомога пакет").split(" ");
    private static final String[] RU = ("правительство совет министерство переговоры энергетика сеть зима город "
            + "область граница дрон атака ремонт бюджет налог реформа суд решение голосование парламент фермеры "
            + "урожай зерно порт судно экспорт банк ставка инфляция школа больница врачи волонтёры театр фестиваль "
            + "музей библиотека отчёт доказательства свидетель чиновники заявление соглашение партнёры саммит помощь "
            + "пакет").split(" ");

    private final Stories stories;
    private final Taxonomy taxonomy;
    private final TransactionTemplate transaction;
    private final JdbcClient jdbc;
    private final OutboxRelay relay;
    private final int count;
    private final AtomicInteger written = new AtomicInteger();
    private volatile boolean done;
    private volatile long newestStory;

    StoryGenerator(Stories stories, Taxonomy taxonomy, PlatformTransactionManager transactions, JdbcClient jdbc,
            OutboxRelay relay, int count) {
        this.stories = stories;
        this.taxonomy = taxonomy;
        this.transaction = new TransactionTemplate(transactions);
        this.jdbc = jdbc;
        this.relay = relay;
        this.count = count;
    }

    @Override
    public void onApplicationEvent(ApplicationReadyEvent event) {
        // no consumer handles anything meanwhile
        relay.holdStill(() -> {
            generate();
            return null;
        });
    }

    private void generate() {
        int existing = stories.list(StoryFilter.all(Language.UK), 0, 1).total();
        if (existing >= count) {
            newestStory = stories.list(StoryFilter.all(Language.EN), 0, 1).stories().getFirst().id();
            log.info("Archive already holds {} stories; nothing to generate", existing);
            written.set(existing);
            done = true;
            return;
        }
        var sections = taxonomy.sections();
        var tags = new ArrayList<Long>();
        var authors = new ArrayList<Long>();
        for (int i = 0; i < 200; i++) {
            tags.add(taxonomy.addTag("bench-tag-" + i, new Localized("Тема " + i, "Topic " + i, "Тема " + i)));
        }
        for (int i = 0; i < 40; i++) {
            authors.add(taxonomy.addAuthor("bench-author-" + i, new Localized("Авторка " + i, "Writer " + i,
                    "Автор " + i), new Localized("Пише про все.", "Writes about everything.", "Пишет обо всём.")));
        }
        var random = new Random(20261125);
        var now = Instant.now().minusSeconds(3600);
        long started = System.nanoTime();
        for (int batch = 0; batch < count; batch += BATCH) {
            int from = batch;
            int to = Math.min(count, batch + BATCH);
            transaction.executeWithoutResult(status -> {
                for (int n = from; n < to; n++) {
                    // the oldest first, so that ids grow with publication time as in a real archive
                    var at = now.minus(ARCHIVE.multipliedBy(count - n).dividedBy(count));
                    newestStory = write(n, at, random, sections, tags, authors);
                }
            });
            written.set(to);
            log.info("Generated {} of {} stories in {} s", to, count, (System.nanoTime() - started) / 1_000_000_000);
        }
        long last = jdbc.sql("select coalesce(max(id), 0) from outbox_event").query(Long.class).single();
        relay.skipTo(last);
        done = true;
    }

    private long write(int n, Instant at, Random random, List<Section> sections, List<Long> tags, List<Long> authors) {
        var section = sections.get(random.nextInt(sections.size()));
        var storyTags = random.ints(3, 0, tags.size()).distinct().mapToObj(tags::get).toList();
        long id = stories.create(new NewStory(section.id(), Language.UK, List.of(authors.get(random.nextInt(authors.size()))),
                storyTags, null));
        save(id, Language.UK, UK, n, random);
        save(id, Language.EN, EN, n, random);
        if (n % 3 == 0) {
            save(id, Language.RU, RU, n, random);
        }
        stories.publish(id, at);
        return id;
    }

    private void save(long id, Language language, String[] words, int n, Random random) {
        var body = new ArrayList<Block>();
        for (int p = 0; p < 6; p++) {
            if (p == 3) {
                body.add(new Block.Subheading("s" + p, sentence(words, random, 5)));
                body.add(new Block.Quote("q" + p, sentence(words, random, 18), sentence(words, random, 2),
                        sentence(words, random, 3)));
            }
            body.add(new Block.Paragraph("p" + p, sentence(words, random, 45) + " " + sentence(words, random, 30)));
        }
        stories.save(new SaveVersion(id, language, 0, sentence(words, random, 7) + " " + n,
                sentence(words, random, 25), "", "", "", "", "", body, "bench"));
    }

    private static String sentence(String[] words, Random random, int length) {
        var text = new StringBuilder();
        for (int i = 0; i < length; i++) {
            var word = words[random.nextInt(words.length)];
            text.append(i == 0 ? Character.toUpperCase(word.charAt(0)) + word.substring(1) : word);
            text.append(i == length - 1 ? "." : " ");
        }
        return text.toString();
    }

    boolean done() {
        return done;
    }

    int written() {
        return written.get();
    }

    int count() {
        return count;
    }

    long newestStory() {
        return newestStory;
    }
}
