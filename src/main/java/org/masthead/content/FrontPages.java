package org.masthead.content;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.masthead.content.SiteEvent.BannerChanged;
import org.masthead.content.SiteEvent.FrontPageChanged;
import org.masthead.platform.Language;
import org.masthead.platform.outbox.Outbox;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What editors put in front of readers besides the stories' own order: the edited fronts of each language,
 * the home page's and each section's (stories in numbered slots, position 1 leading, each pinned until a time
 * or until changed, the empty slots following by time) and the breaking-news banner of each language. The newsroom arranges a
 * draft of the front page, previews it and publishes it; every change readers see is announced through the
 * outbox, so cached pages go at once, and a pin or banner that runs out is announced when it does
 * ({@link #announceExpiries}).
 */
@Service
public class FrontPages {

    /** How many numbered slots a front page has: the lead and the top stories after it. */
    public static final int SLOTS = 7;
    public static final int MAX_BANNER = 160;

    private final JdbcClient jdbc;
    private final Stories stories;
    private final LayoutVersion layout;
    private final Outbox outbox;
    private final Clock clock;

    FrontPages(JdbcClient jdbc, Stories stories, LayoutVersion layout, Outbox outbox, Clock clock) {
        this.jdbc = jdbc;
        this.stories = stories;
        this.layout = layout;
        this.outbox = outbox;
        this.clock = clock;
    }

    /**
     * Which front: the home page of {@code language} ({@code sectionId} null) or the page of one section in it.
     * A section's front takes only the section's own stories.
     */
    public record Front(Language language, @Nullable Long sectionId) {

        public static Front home(Language language) {
            return new Front(language, null);
        }

        public static Front section(Language language, long sectionId) {
            return new Front(language, sectionId);
        }

        /** How the audit log names it: {@code front:uk}, {@code front:uk/section:4}. */
        public String auditTarget() {
            return "front:" + language.code() + (sectionId == null ? "" : "/section:" + sectionId);
        }

        /** The section's id, 0 for the home page: how front_slot's unique index tells fronts apart. */
        long place() {
            return sectionId == null ? 0 : sectionId;
        }
    }

    /** One numbered slot: position 1 leads. {@code until} null pins the story until the slot is changed. */
    public record Slot(int position, long storyId, @Nullable Instant until) {
    }

    /** A banner as readers see it: its text links to the story's page in the banner's language. */
    public record Banner(Language language, String text, long storyId, Instant expiresAt, Instant setAt, String setBy) {

        public boolean shownAt(Instant now) {
            return expiresAt.isAfter(now);
        }
    }

    /** The slots readers see now: the live arrangement without the pins that ran out. */
    @Transactional(readOnly = true)
    public List<Slot> live(Front front) {
        var now = clock.instant();
        return slots(front, "live").stream().filter(s -> s.until() == null || s.until().isAfter(now)).toList();
    }

    /** The arrangement as the newsroom last saved it, pins that ran out included (the form shows them). */
    @Transactional(readOnly = true)
    public List<Slot> draft(Front front) {
        var draft = slots(front, "draft");
        return draft.isEmpty() ? slots(front, "live") : draft;
    }

    /** The draft without the pins that ran out: what the preview shows. */
    @Transactional(readOnly = true)
    public List<Slot> preview(Front front) {
        var now = clock.instant();
        return draft(front).stream().filter(s -> s.until() == null || s.until().isAfter(now)).toList();
    }

    /** Keeps {@code slots} as the draft of the front; readers see nothing of it yet. */
    @Transactional
    public List<Slot> saveDraft(Front front, List<Slot> slots) {
        var checked = check(front, slots);
        write(front, "draft", checked);
        return checked;
    }

    /** Puts {@code slots} in front of readers (and keeps them as the draft), announced through the outbox. */
    @Transactional
    public List<Slot> publish(Front front, List<Slot> slots, String by) {
        var checked = check(front, slots);
        write(front, "draft", checked);
        write(front, "live", checked);
        outbox.append(new FrontPageChanged(front.language(), front.sectionId(), by));
        return checked;
    }

    /**
     * Refuses, naming the slot, what readers could not open: a story without a published version in the
     * language, a story of another section on a section's front, a pin that has already run out, a story in two
     * slots or a position outside 1..{@link #SLOTS}.
     */
    private List<Slot> check(Front front, List<Slot> slots) {
        var language = front.language();
        var positions = new HashSet<Integer>();
        var seen = new HashSet<Long>();
        var now = clock.instant();
        for (var slot : slots) {
            var field = "slots[" + slot.position() + "]";
            if (slot.position() < 1 || slot.position() > SLOTS) {
                throw new TaxonomyRejected(field, "newsroom.front.error.position", Integer.toString(slot.position()),
                        Integer.toString(SLOTS));
            }
            if (!positions.add(slot.position())) {
                throw new TaxonomyRejected(field, "newsroom.front.error.position-twice", Integer.toString(slot.position()));
            }
            if (!seen.add(slot.storyId())) {
                throw new TaxonomyRejected(field, "newsroom.front.error.story-twice", Long.toString(slot.storyId()));
            }
            var published = stories.published(slot.storyId(), language).orElseThrow(() -> new TaxonomyRejected(field,
                    "newsroom.front.error.not-live", Long.toString(slot.storyId()), language.code()));
            if (front.sectionId() != null && published.section().id() != front.sectionId()) {
                throw new TaxonomyRejected(field, "newsroom.front.error.other-section", Long.toString(slot.storyId()),
                        published.section().name().in(language));
            }
            if (slot.until() != null && !slot.until().isAfter(now)) {
                throw new TaxonomyRejected(field, "newsroom.front.error.past");
            }
        }
        return slots.stream().sorted(java.util.Comparator.comparingInt(Slot::position)).toList();
    }

    private void write(Front front, String state, List<Slot> slots) {
        jdbc.sql("delete from front_slot where language = :lang and coalesce(section_id, 0) = :place and state = :state")
                .param("lang", front.language().code()).param("place", front.place()).param("state", state).update();
        for (var slot : slots) {
            jdbc.sql("""
                    insert into front_slot (language, section_id, state, position, story_id, pinned_until,
                        expiry_announced)
                    values (:lang, :section, :state, :position, :story, :until, 0)""")
                    .param("lang", front.language().code()).param("section", front.sectionId(), java.sql.Types.BIGINT)
                    .param("state", state).param("position", slot.position())
                    .param("story", slot.storyId())
                    .param("until", slot.until() == null ? null : slot.until().toEpochMilli())
                    .update();
        }
    }

    private List<Slot> slots(Front front, String state) {
        return jdbc.sql("""
                select position, story_id, pinned_until from front_slot
                 where language = :lang and coalesce(section_id, 0) = :place and state = :state order by position""")
                .param("lang", front.language().code()).param("place", front.place()).param("state", state)
                .query((rs, n) -> {
                    long until = rs.getLong("pinned_until");
                    var pinnedUntil = rs.wasNull() ? null : Instant.ofEpochMilli(until);
                    return new Slot(rs.getInt("position"), rs.getLong("story_id"), pinnedUntil);
                })
                .list();
    }

    // ---- the breaking-news banner ----

    /** Every language's banner that is still shown, for the layout around reader pages. */
    @Transactional(readOnly = true)
    public Map<Language, Banner> banners() {
        var banners = new EnumMap<Language, Banner>(Language.class);
        jdbc.sql("select * from breaking_banner").query((rs, n) -> new Banner(
                        Language.fromCode(rs.getString("language")).orElseThrow(), rs.getString("text"),
                        rs.getLong("story_id"), Instant.ofEpochMilli(rs.getLong("expires_at")),
                        Instant.ofEpochMilli(rs.getLong("set_at")), rs.getString("set_by")))
                .list().forEach(b -> banners.put(b.language(), b));
        return banners;
    }

    @Transactional(readOnly = true)
    public Optional<Banner> banner(Language language) {
        return Optional.ofNullable(banners().get(language));
    }

    /**
     * Sets {@code language}'s banner, shown on every reader page of that language until {@code expiresAt}.
     * Refused, naming the field: an empty or too long text, an expiry not in the future, and a story that
     * readers of the language cannot open (not published in it).
     */
    @Transactional
    public Banner setBanner(Language language, String text, long storyId, Instant expiresAt, String by) {
        var clean = CleanText.line(text).strip();
        if (clean.isEmpty()) {
            throw new TaxonomyRejected("text", "newsroom.banner.error.text");
        }
        if (clean.length() > MAX_BANNER) {
            throw new TaxonomyRejected("text", "newsroom.banner.error.text-long", Integer.toString(MAX_BANNER));
        }
        if (stories.published(storyId, language).isEmpty()) {
            throw new TaxonomyRejected("storyId", "newsroom.banner.error.not-live", Long.toString(storyId),
                    language.code());
        }
        var now = clock.instant();
        if (!expiresAt.isAfter(now)) {
            throw new TaxonomyRejected("expiresAt", "newsroom.banner.error.past");
        }
        jdbc.sql("""
                insert into breaking_banner (language, text, story_id, expires_at, set_at, set_by, expiry_announced)
                values (:lang, :text, :story, :expires, :now, :by, 0)
                on conflict (language) do update set text = excluded.text, story_id = excluded.story_id,
                    expires_at = excluded.expires_at, set_at = excluded.set_at, set_by = excluded.set_by,
                    expiry_announced = 0""")
                .param("lang", language.code()).param("text", clean).param("story", storyId)
                .param("expires", expiresAt.toEpochMilli()).param("now", now.toEpochMilli()).param("by", by)
                .update();
        layout.moved();
        outbox.append(new BannerChanged(language, by));
        return new Banner(language, clean, storyId, expiresAt, now, by);
    }

    /** Takes {@code language}'s banner down; false when there was none. */
    @Transactional
    public boolean clearBanner(Language language, String by) {
        int removed = jdbc.sql("delete from breaking_banner where language = :lang").param("lang", language.code())
                .update();
        if (removed > 0) {
            layout.moved();
            outbox.append(new BannerChanged(language, by));
        }
        return removed > 0;
    }

    /**
     * Announces every pin and banner that ran out since the last call, once in the whole cluster (the row is
     * marked in the same transaction as the event): the pages that showed it are dropped from the caches.
     * Returns what ran out: the front pages whose pins did, and the banners (as they were).
     */
    @Transactional
    public Expiries announceExpiries() {
        long now = clock.millis();
        Set<Front> fronts = new java.util.LinkedHashSet<>();
        for (var front : jdbc.sql("""
                select distinct language, section_id from front_slot
                 where state = 'live' and pinned_until is not null and pinned_until <= :now and expiry_announced = 0""")
                .param("now", now).query(FrontPages::front).list()) {
            int marked = jdbc.sql("""
                    update front_slot set expiry_announced = 1
                     where language = :lang and coalesce(section_id, 0) = :place and state = 'live'
                       and pinned_until is not null and pinned_until <= :now and expiry_announced = 0""")
                    .param("lang", front.language().code()).param("place", front.place()).param("now", now).update();
            if (marked > 0) {
                fronts.add(front);
            }
        }
        fronts.forEach(front -> outbox.append(new FrontPageChanged(front.language(), front.sectionId(), "expiry")));
        var banners = new ArrayList<Banner>();
        var current = banners();
        for (var code : jdbc.sql("select language from breaking_banner where expires_at <= :now and expiry_announced = 0")
                .param("now", now).query(String.class).list()) {
            int marked = jdbc.sql("""
                    update breaking_banner set expiry_announced = 1
                     where language = :lang and expires_at <= :now and expiry_announced = 0""")
                    .param("lang", code).param("now", now).update();
            var language = Language.fromCode(code);
            if (marked > 0 && language.isPresent() && current.containsKey(language.get())) {
                banners.add(current.get(language.get()));
            }
        }
        if (!banners.isEmpty()) {
            layout.moved();
        }
        banners.forEach(banner -> outbox.append(new BannerChanged(banner.language(), "expiry")));
        return new Expiries(Set.copyOf(fronts), List.copyOf(banners));
    }

    /** What {@link #announceExpiries} found run out: fronts whose pins did, and banners as they were. */
    public record Expiries(Set<Front> fronts, List<Banner> banners) {

        /** How many fronts and banners were announced. */
        public int count() {
            return fronts.size() + banners.size();
        }
    }

    /** The fronts with the story in a live slot: its changes then also change those pages. */
    @Transactional(readOnly = true)
    public Set<Front> featuring(long storyId) {
        return Set.copyOf(jdbc.sql("select distinct language, section_id from front_slot where state = 'live' and story_id = :id")
                .param("id", storyId).query(FrontPages::front).list());
    }

    private static Front front(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        var language = Language.fromCode(rs.getString("language")).orElseThrow();
        long section = rs.getLong("section_id");
        return rs.wasNull() ? Front.home(language) : Front.section(language, section);
    }
}
