package org.masthead.content;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.masthead.platform.Language;
import org.masthead.platform.Localized;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

@Repository
class StoryRepository {

    /** The columns of a live version: its published revision, story and section. */
    private static final String LIVE_COLUMNS = """
            s.id, v.language, r.slug, r.headline, r.standfirst, r.seo_title, r.seo_description,
            r.lead_image_caption, r.lead_image_credit, r.lead_image_alt, s.lead_image_id,
            v.published_at, v.updated_at, s.first_published_at,
            sec.id as section_id, sec.slug as section_slug, sec.name_uk, sec.name_en, sec.name_ru""";

    private static final String LIVE_FROM = """
            from story_version v
            join story s on s.id = v.story_id
            join revision r on r.story_id = v.story_id and r.language = v.language and r.number = v.published_revision
            join section sec on sec.id = s.section_id
            where s.status = 'PUBLISHED' and v.published_revision is not null""";

    /** How many of the newest stories of each tag are weighed as related stories. */
    private static final int RELATED_PER_TAG = 50;

    private static final TypeReference<List<Block>> BODY = new TypeReference<>() { };

    private final JdbcClient jdbc;
    private final JsonMapper json;

    StoryRepository(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    long insertStory(NewStory story, String createdBy, Instant now) {
        long id = jdbc.sql("""
                insert into story (section_id, status, source_language, lead_image_id, created_at, created_by)
                values (:section, :status, :source, :image, :now, :createdBy) returning id""")
                .param("createdBy", createdBy)
                .param("section", story.sectionId())
                .param("status", StoryStatus.DRAFT.name())
                .param("source", story.sourceLanguage().code())
                .param("image", story.leadImageId())
                .param("now", now.toEpochMilli())
                .query(Long.class).single();
        writeAuthorsAndTags(id, story.authorIds(), story.tagIds());
        return id;
    }

    private void writeAuthorsAndTags(long id, List<Long> authorIds, List<Long> tagIds) {
        int position = 0;
        for (long author : authorIds.stream().distinct().toList()) {
            jdbc.sql("insert into story_author (story_id, author_id, position) values (:story, :author, :position)")
                    .param("story", id).param("author", author).param("position", position++).update();
        }
        for (long tag : tagIds.stream().distinct().toList()) {
            jdbc.sql("insert into story_tag (story_id, tag_id) values (:story, :tag)")
                    .param("story", id).param("tag", tag).update();
        }
    }

    void updateMetadata(long id, StoryMetadata metadata) {
        jdbc.sql("update story set section_id = :section, lead_image_id = :image where id = :id")
                .param("section", metadata.sectionId()).param("image", metadata.leadImageId()).param("id", id).update();
        jdbc.sql("delete from story_author where story_id = :id").param("id", id).update();
        jdbc.sql("delete from story_tag where story_id = :id").param("id", id).update();
        writeAuthorsAndTags(id, metadata.authorIds(), metadata.tagIds());
    }

    List<Long> idsInSection(long sectionId) {
        return jdbc.sql("select id from story where section_id = :id order by id").param("id", sectionId)
                .query(Long.class).list();
    }

    List<Long> idsTagged(long tagId) {
        return jdbc.sql("select story_id from story_tag where tag_id = :id order by story_id").param("id", tagId)
                .query(Long.class).list();
    }

    List<Long> idsBylined(long authorId) {
        return jdbc.sql("select story_id from story_author where author_id = :id order by story_id")
                .param("id", authorId).query(Long.class).list();
    }

    /** Whether the section is archived; empty when there is no such section. */
    Optional<Boolean> sectionArchived(long sectionId) {
        return jdbc.sql("select archived from section where id = :id").param("id", sectionId)
                .query(Integer.class).optional().map(archived -> archived == 1);
    }

    /** How many of {@code ids} name rows of {@code table} ("author" or "tag"). */
    long existing(String table, List<Long> ids) {
        if (ids.isEmpty()) {
            return 0;
        }
        return jdbc.sql("select count(*) from " + ("tag".equals(table) ? "tag" : "author") + " where id in (:ids)")
                .param("ids", ids.stream().distinct().toList()).query(Long.class).single();
    }

    int count() {
        return jdbc.sql("select count(*) from story").query(Integer.class).single();
    }

    Optional<StoryDetails> details(long id) {
        var revisions = new EnumMap<Language, Integer>(Language.class);
        var published = new EnumMap<Language, Integer>(Language.class);
        jdbc.sql("select language, revision, published_revision from story_version where story_id = :id")
                .param("id", id)
                .query((rs, n) -> {
                    var language = language(rs.getString(1));
                    revisions.put(language, rs.getInt(2));
                    int live = rs.getInt(3);
                    if (!rs.wasNull()) {
                        published.put(language, live);
                    }
                    return language;
                }).list();
        var authors = jdbc.sql("select author_id from story_author where story_id = :id order by position")
                .param("id", id).query(Long.class).list();
        var tags = jdbc.sql("select tag_id from story_tag where story_id = :id order by tag_id")
                .param("id", id).query(Long.class).list();
        return jdbc.sql("select * from story where id = :id").param("id", id)
                .query((rs, n) -> {
                    long image = rs.getLong("lead_image_id");
                    Long leadImage = rs.wasNull() ? null : image;
                    return new StoryDetails(id, StoryStatus.valueOf(rs.getString("status")), rs.getLong("section_id"),
                            language(rs.getString("source_language")), authors, tags, leadImage,
                            rs.getString("created_by"), Instant.ofEpochMilli(rs.getLong("created_at")),
                            nullableInstant(rs, "scheduled_at"), nullableInstant(rs, "first_published_at"),
                            revisions, published);
                }).optional();
    }

    void setStatus(long id, StoryStatus status, @Nullable Instant scheduledAt) {
        jdbc.sql("update story set status = :status, scheduled_at = :at where id = :id")
                .param("status", status.name()).param("at", scheduledAt == null ? null : scheduledAt.toEpochMilli())
                .param("id", id).update();
    }

    /** Scheduled stories whose time has come, oldest first. */
    List<Long> due(Instant now) {
        return jdbc.sql("""
                select id from story where status = 'SCHEDULED' and scheduled_at <= :now
                 order by scheduled_at, id""")
                .param("now", now.toEpochMilli()).query(Long.class).list();
    }

    /**
     * Takes a due story for publishing: only one node or thread wins the update, so a story is
     * published once even when several nodes poll at the same moment.
     */
    boolean claimDue(long id, Instant now) {
        return jdbc.sql("""
                update story set status = 'IN_REVIEW'
                 where id = :id and status = 'SCHEDULED' and scheduled_at <= :now""")
                .param("id", id).param("now", now.toEpochMilli()).update() == 1;
    }

    void delete(long id) {
        jdbc.sql("delete from story where id = :id").param("id", id).update();
    }

    List<RevisionSummary> revisions(long storyId, Language language) {
        return jdbc.sql("""
                select number, headline, saved_by, saved_at from revision
                 where story_id = :story and language = :lang order by number desc""")
                .param("story", storyId).param("lang", language.code())
                .query((rs, n) -> new RevisionSummary(rs.getInt(1), rs.getString(2), rs.getString(3),
                        Instant.ofEpochMilli(rs.getLong(4))))
                .list();
    }

    void insertNote(long storyId, Language language, StoryNote.Kind kind, String text, String by, Instant now) {
        jdbc.sql("""
                insert into story_note (story_id, language, kind, text, created_by, created_at)
                values (:story, :lang, :kind, :text, :by, :now)""")
                .param("story", storyId).param("lang", language.code()).param("kind", kind.name())
                .param("text", text).param("by", by).param("now", now.toEpochMilli()).update();
        jdbc.sql("update story_version set updated_at = :now where story_id = :story and language = :lang")
                .param("now", now.toEpochMilli()).param("story", storyId).param("lang", language.code()).update();
    }

    List<StoryNote> notes(long storyId, Language language) {
        return jdbc.sql("""
                select id, kind, text, created_at from story_note
                 where story_id = :story and language = :lang order by created_at, id""")
                .param("story", storyId).param("lang", language.code())
                .query((rs, n) -> new StoryNote(rs.getLong(1), StoryNote.Kind.valueOf(rs.getString(2)),
                        rs.getString(3), Instant.ofEpochMilli(rs.getLong(4))))
                .list();
    }

    DeskSlice desk(DeskFilter filter, int offset, int limit) {
        var where = new StringBuilder(" where 1 = 1");
        var params = new java.util.HashMap<String, Object>();
        if (filter.status() != null) {
            where.append(" and s.status = :status");
            params.put("status", filter.status().name());
        }
        if (filter.language() != null) {
            where.append(" and exists (select 1 from story_version lv where lv.story_id = s.id and lv.language = :lang)");
            params.put("lang", filter.language().code());
        }
        if (filter.sectionId() != null) {
            where.append(" and s.section_id = :section");
            params.put("section", filter.sectionId());
        }
        if (filter.authorId() != null) {
            where.append(" and exists (select 1 from story_author a where a.story_id = s.id and a.author_id = :author)");
            params.put("author", filter.authorId());
        }
        if (filter.createdBy() != null && !filter.createdBy().isBlank()) {
            where.append(" and s.created_by = :createdBy");
            params.put("createdBy", filter.createdBy());
        }
        if (filter.text() != null && !filter.text().isBlank()) {
            where.append(" " + """
                    and exists (select 1 from story_version tv join revision tr on tr.story_id = tv.story_id
                                 and tr.language = tv.language and tr.number = tv.revision
                                  where tv.story_id = s.id and tr.headline_folded like :text)""");
            params.put("text", "%" + folded(filter.text()).replace("\\", "").replace("%", "").replace("_", "") + "%");
        }
        var saved = "(select max(r.saved_at) from revision r where r.story_id = s.id)";
        var headline = """
                (select min(hr.headline) from story_version hv join revision hr on hr.story_id = hv.story_id
                   and hr.language = hv.language and hr.number = hv.revision
                  where hv.story_id = s.id and hv.language = s.source_language)""";
        var order = switch (filter.sort()) {
            case CREATED -> "s.created_at desc, s.id desc";
            case SAVED -> "coalesce(" + saved + ", s.created_at) desc, s.id desc";
            case HEADLINE -> "coalesce(" + headline + ", '') asc, s.id desc";
            case STATUS -> "s.status asc, s.id desc";
        };
        int total = jdbc.sql("select count(*) from story s" + where).params(params).query(Integer.class).single();
        var rows = jdbc.sql("""
                select s.id, s.status, s.created_by, s.created_at, s.scheduled_at, %s as last_saved,
                       sec.id as section_id, sec.slug as section_slug, sec.name_uk, sec.name_en, sec.name_ru
                  from story s join section sec on sec.id = s.section_id %s
                 order by %s limit :limit offset :offset""".formatted(saved, where, order))
                .params(params).param("limit", limit).param("offset", offset)
                .query((rs, n) -> {
                    long saves = rs.getLong("last_saved");
                    Instant lastSaved = rs.wasNull() ? Instant.ofEpochMilli(rs.getLong("created_at"))
                            : Instant.ofEpochMilli(saves);
                    return new DeskRow(rs.getLong("id"), StoryStatus.valueOf(rs.getString("status")),
                            new Section(rs.getLong("section_id"), rs.getString("section_slug"),
                                    new Localized(rs.getString("name_uk"), rs.getString("name_en"), rs.getString("name_ru"))),
                            new EnumMap<>(Language.class), rs.getString("created_by"),
                            Instant.ofEpochMilli(rs.getLong("created_at")), lastSaved, nullableInstant(rs, "scheduled_at"));
                }).list();
        if (!rows.isEmpty()) {
            var byId = new java.util.HashMap<Long, DeskRow>();
            rows.forEach(r -> byId.put(r.id(), r));
            jdbc.sql("""
                    select v.story_id, v.language, r.headline from story_version v
                      join revision r on r.story_id = v.story_id and r.language = v.language and r.number = v.revision
                     where v.story_id in (:ids)""")
                    .param("ids", new ArrayList<>(byId.keySet()))
                    .query((rs, n) -> byId.get(rs.getLong(1)).headlines().put(language(rs.getString(2)), rs.getString(3)))
                    .list();
        }
        return new DeskSlice(rows, total);
    }

    /** Stories whose working headline in any language contains {@code text}: for picking read-also links. */
    List<DeskRow> findByHeadline(String text, int limit) {
        return desk(new DeskFilter(null, null, null, null, null, text, DeskFilter.Sort.SAVED), 0, limit).rows();
    }

    boolean exists(long storyId) {
        return status(storyId).isPresent();
    }

    Optional<StoryStatus> status(long storyId) {
        return jdbc.sql("select status from story where id = :id").param("id", storyId)
                .query(String.class).optional().map(StoryStatus::valueOf);
    }

    /** The latest revision number of a version, empty when the version was never written. */
    Optional<Integer> currentRevision(long storyId, Language language) {
        return jdbc.sql("select revision from story_version where story_id = :story and language = :lang")
                .param("story", storyId).param("lang", language.code())
                .query(Integer.class).optional();
    }

    void insertRevision(SaveVersion save, int number, String slug, Instant now) {
        jdbc.sql("""
                insert into revision (story_id, language, number, slug, headline, headline_folded, standfirst, seo_title,
                    seo_description, lead_image_caption, lead_image_credit, lead_image_alt, body, body_format, saved_by, saved_at)
                values (:story, :lang, :number, :slug, :headline, :folded, :standfirst, :seoTitle, :seoDescription,
                    :caption, :credit, :alt, :body, 2, :savedBy, :now)""")
                .param("folded", folded(save.headline()))
                .param("story", save.storyId()).param("lang", save.language().code()).param("number", number)
                .param("slug", slug).param("headline", save.headline()).param("standfirst", save.standfirst())
                .param("seoTitle", save.seoTitle()).param("seoDescription", save.seoDescription())
                .param("caption", save.leadImageCaption()).param("credit", save.leadImageCredit())
                .param("alt", save.leadImageAlt()).param("body", json.writerFor(BODY).writeValueAsString(save.body()))
                .param("savedBy", save.savedBy()).param("now", now.toEpochMilli())
                .update();
        jdbc.sql("""
                insert into story_version (story_id, language, revision) values (:story, :lang, :number)
                on conflict (story_id, language) do update set revision = excluded.revision""")
                .param("story", save.storyId()).param("lang", save.language().code()).param("number", number)
                .update();
    }

    /** An editor approves what the versions say now: these revisions, and no later ones, are what goes live. */
    void approveAll(long storyId) {
        jdbc.sql("update story_version set approved_revision = revision where story_id = :story")
                .param("story", storyId).update();
    }

    void approve(long storyId, Language language) {
        jdbc.sql("update story_version set approved_revision = revision where story_id = :story and language = :lang")
                .param("story", storyId).param("lang", language.code()).update();
    }

    /**
     * Approves one version at the revision its approver saw, and only if it is still its latest: the row is
     * updated (and so held until commit) or left alone. Returns whether it was approved.
     */
    boolean approveIfAt(long storyId, Language language, int seen) {
        return jdbc.sql("""
                update story_version set approved_revision = revision
                 where story_id = :story and language = :lang and revision = :seen""")
                .param("story", storyId).param("lang", language.code()).param("seen", seen).update() == 1;
    }

    /** The latest revision of every written version of the story. */
    Map<Language, Integer> latestRevisions(long storyId) {
        var latest = new EnumMap<Language, Integer>(Language.class);
        jdbc.sql("select language, revision from story_version where story_id = :story")
                .param("story", storyId).query((rs, n) -> latest.put(language(rs.getString(1)), rs.getInt(2))).list();
        return latest;
    }

    /** Back to the desk: nothing of it is approved any more. */
    void withdrawApprovals(long storyId) {
        jdbc.sql("update story_version set approved_revision = null where story_id = :story")
                .param("story", storyId).update();
    }

    /** The approved revision of each version that has one. */
    Map<Language, Integer> approvedRevisions(long storyId) {
        var approved = new EnumMap<Language, Integer>(Language.class);
        jdbc.sql("select language, approved_revision from story_version where story_id = :story and approved_revision is not null")
                .param("story", storyId).query((rs, n) -> approved.put(language(rs.getString(1)), rs.getInt(2))).list();
        return approved;
    }

    /**
     * Makes the approved revision of every approved version live (versions nobody approved stay as they
     * are); returns the languages now live.
     */
    List<Language> publishApproved(long storyId, Instant at) {
        long millis = at.toEpochMilli();
        jdbc.sql("""
                update story_version set published_revision = approved_revision,
                       published_at = coalesce(published_at, :at), updated_at = :at
                 where story_id = :story and approved_revision is not null""")
                .param("story", storyId).param("at", millis).update();
        jdbc.sql("""
                update story set status = 'PUBLISHED', scheduled_at = null,
                       first_published_at = coalesce(first_published_at, :at)
                 where id = :story""")
                .param("story", storyId).param("at", millis).update();
        return jdbc.sql("""
                select language from story_version where story_id = :story and approved_revision is not null
                 order by language""")
                .param("story", storyId).query((rs, n) -> language(rs.getString(1))).list();
    }

    /** The images the live versions of a story show: its lead image and the image blocks of the live revisions. */
    Set<Long> liveImages(long storyId) {
        var images = new HashSet<Long>();
        jdbc.sql("select lead_image_id from story where id = :story and lead_image_id is not null")
                .param("story", storyId).query(Long.class).list().forEach(images::add);
        jdbc.sql("""
                select r.body from story_version v join revision r on r.story_id = v.story_id
                   and r.language = v.language and r.number = v.published_revision
                 where v.story_id = :story""")
                .param("story", storyId).query(String.class).list()
                .forEach(body -> json.<List<Block>>readValue(body, BODY).stream()
                        .filter(Block.Image.class::isInstance).map(b -> ((Block.Image) b).mediaId()).forEach(images::add));
        return images;
    }

    /** Makes the approved revision of one version live; the story is published if it was not yet. */
    boolean publishVersion(long storyId, Language language, Instant at) {
        long millis = at.toEpochMilli();
        int changed = jdbc.sql("""
                update story_version set published_revision = approved_revision,
                       published_at = coalesce(published_at, :at), updated_at = :at
                 where story_id = :story and language = :lang and approved_revision is not null""")
                .param("story", storyId).param("lang", language.code()).param("at", millis).update();
        if (changed == 0) {
            return false;
        }
        // an archive's versions come in any order: the story was first published by its earliest version
        jdbc.sql("""
                update story set status = 'PUBLISHED', scheduled_at = null,
                       first_published_at = case when first_published_at is null or first_published_at > :at then :at
                                                 else first_published_at end
                 where id = :story""")
                .param("story", storyId).param("at", millis).update();
        return true;
    }

    /** Takes one version off the site; a story with no live version left is unpublished as a whole. */
    void unpublishVersion(long storyId, Language language) {
        jdbc.sql("update story_version set published_revision = null where story_id = :story and language = :lang")
                .param("story", storyId).param("lang", language.code()).update();
        jdbc.sql("""
                update story set status = 'UNPUBLISHED' where id = :story and not exists
                    (select 1 from story_version v where v.story_id = :story and v.published_revision is not null)""")
                .param("story", storyId).update();
    }

    void unpublish(long storyId) {
        jdbc.sql("update story_version set published_revision = null where story_id = :story")
                .param("story", storyId).update();
        jdbc.sql("update story set status = 'UNPUBLISHED' where id = :story").param("story", storyId).update();
    }

    Optional<PublishedStory> findPublished(long storyId, Language language) {
        return jdbc.sql("select " + LIVE_COLUMNS + ", r.body " + LIVE_FROM + " and s.id = :id and v.language = :lang")
                .param("id", storyId).param("lang", language.code())
                .query((rs, n) -> new LiveRow(card(rs), rs.getString("seo_title"), rs.getString("seo_description"),
                        rs.getString("body"), Instant.ofEpochMilli(rs.getLong("first_published_at"))))
                .optional()
                .map(row -> row.toStory(json.readValue(row.body, BODY), authorsOf(storyId), tagsOf(storyId),
                        liveSlugs(storyId), notes(storyId, language)));
    }

    /**
     * The working copy of a version laid out as readers would see it if it were published now: for
     * the newsroom's preview, whatever the story's status.
     */
    Optional<PublishedStory> findPreview(long storyId, Language language, Instant now) {
        return jdbc.sql("""
                select s.id, v.language, r.slug, r.headline, r.standfirst, r.seo_title, r.seo_description,
                       r.lead_image_caption, r.lead_image_credit, r.lead_image_alt, s.lead_image_id,
                       coalesce(v.published_at, :now) as published_at, :now as updated_at,
                       coalesce(s.first_published_at, :now) as first_published_at,
                       sec.id as section_id, sec.slug as section_slug, sec.name_uk, sec.name_en, sec.name_ru, r.body
                  from story_version v
                  join story s on s.id = v.story_id
                  join revision r on r.story_id = v.story_id and r.language = v.language and r.number = v.revision
                  join section sec on sec.id = s.section_id
                 where s.id = :id and v.language = :lang""")
                .param("id", storyId).param("lang", language.code()).param("now", now.toEpochMilli())
                .query((rs, n) -> new LiveRow(card(rs), rs.getString("seo_title"), rs.getString("seo_description"),
                        rs.getString("body"), Instant.ofEpochMilli(rs.getLong("first_published_at"))))
                .optional()
                .map(row -> row.toStory(json.readValue(row.body, BODY), authorsOf(storyId), tagsOf(storyId),
                        Map.of(language, row.card().slug()), notes(storyId, language)));
    }

    /** Several live stories in one language with four queries, in the order of {@code storyIds}. */
    List<PublishedStory> findPublished(List<Long> storyIds, Language language) {
        if (storyIds.isEmpty()) {
            return List.of();
        }
        var ids = new ArrayList<>(storyIds);
        var rows = jdbc.sql("select " + LIVE_COLUMNS + ", r.body " + LIVE_FROM + " and s.id in (:ids) and v.language = :lang")
                .param("ids", ids).param("lang", language.code())
                .query((rs, n) -> new LiveRow(card(rs), rs.getString("seo_title"), rs.getString("seo_description"),
                        rs.getString("body"), Instant.ofEpochMilli(rs.getLong("first_published_at"))))
                .list().stream().collect(java.util.stream.Collectors.toMap(row -> row.card().id(), row -> row));
        var authors = new java.util.HashMap<Long, List<Author>>();
        jdbc.sql("""
                select sa.story_id, a.* from author a join story_author sa on sa.author_id = a.id
                 where sa.story_id in (:ids) order by sa.story_id, sa.position""")
                .param("ids", ids)
                .query((rs, n) -> authors.computeIfAbsent(rs.getLong("story_id"), id -> new ArrayList<>())
                        .add(TaxonomyRepository.authorRow(rs, n)))
                .list();
        var tags = new java.util.HashMap<Long, List<Tag>>();
        jdbc.sql("""
                select st.story_id, t.* from tag t join story_tag st on st.tag_id = t.id
                 where st.story_id in (:ids) order by st.story_id, t.slug""")
                .param("ids", ids)
                .query((rs, n) -> tags.computeIfAbsent(rs.getLong("story_id"), id -> new ArrayList<>())
                        .add(TaxonomyRepository.tagRow(rs, n)))
                .list();
        var slugs = new java.util.HashMap<Long, Map<Language, String>>();
        jdbc.sql("select s.id, v.language, r.slug " + LIVE_FROM + " and s.id in (:ids)")
                .param("ids", ids)
                .query((rs, n) -> slugs.computeIfAbsent(rs.getLong(1), id -> new EnumMap<>(Language.class))
                        .put(language(rs.getString(2)), rs.getString(3)))
                .list();
        return storyIds.stream().filter(rows::containsKey).map(id -> rows.get(id).toStory(
                json.readValue(rows.get(id).body(), BODY), authors.getOrDefault(id, List.of()),
                tags.getOrDefault(id, List.of()), slugs.getOrDefault(id, Map.of()), notes(id, language))).toList();
    }

    private List<Tag> tagsOf(long storyId) {
        return jdbc.sql("""
                select t.* from tag t join story_tag st on st.tag_id = t.id
                 where st.story_id = :story order by t.slug""")
                .param("story", storyId).query(TaxonomyRepository::tagRow).list();
    }

    private List<Author> authorsOf(long storyId) {
        return jdbc.sql("""
                select a.* from author a join story_author sa on sa.author_id = a.id
                 where sa.story_id = :story order by sa.position""")
                .param("story", storyId).query(TaxonomyRepository::authorRow).list();
    }

    Optional<StoryFiling> filing(long storyId) {
        return jdbc.sql("select section_id from story where id = :id").param("id", storyId)
                .query(Long.class).optional()
                .map(section -> new StoryFiling(storyId, section,
                        jdbc.sql("select tag_id from story_tag where story_id = :story order by tag_id")
                                .param("story", storyId).query(Long.class).list(),
                        jdbc.sql("select author_id from story_author where story_id = :story order by position")
                                .param("story", storyId).query(Long.class).list()));
    }

    /** Readers once could open this version and now cannot: the page answers 410 Gone. */
    boolean wasPublished(long storyId, Language language) {
        return jdbc.sql("""
                select count(*) from story_version v join story s on s.id = v.story_id
                 where v.story_id = :id and v.language = :lang and v.published_at is not null""")
                .param("id", storyId).param("lang", language.code()).query(Integer.class).single() > 0;
    }

    Map<Language, String> liveSlugs(long storyId) {
        var slugs = new EnumMap<Language, String>(Language.class);
        jdbc.sql("select v.language, r.slug " + LIVE_FROM + " and s.id = :id")
                .param("id", storyId)
                .query((rs, n) -> slugs.put(language(rs.getString(1)), rs.getString(2)))
                .list();
        return slugs;
    }

    StorySlice list(StoryFilter filter, int offset, int limit) {
        return list(filter, offset, limit, true);
    }

    StorySlice list(StoryFilter filter, int offset, int limit, boolean counted) {
        var where = new StringBuilder(" and v.language = :lang");
        var params = new java.util.HashMap<String, Object>();
        params.put("lang", filter.language().code());
        if (filter.sectionId() != null) {
            where.append(" and s.section_id = :section");
            params.put("section", filter.sectionId());
        }
        if (filter.tagId() != null) {
            where.append(" and exists (select 1 from story_tag t where t.story_id = s.id and t.tag_id = :tag)");
            params.put("tag", filter.tagId());
        }
        if (filter.authorId() != null) {
            where.append(" and exists (select 1 from story_author a where a.story_id = s.id and a.author_id = :author)");
            params.put("author", filter.authorId());
        }
        int total = counted ? jdbc.sql("select count(*) " + LIVE_FROM + where).params(params).query(Integer.class).single()
                : -1;
        var cards = jdbc.sql("select " + LIVE_COLUMNS + " " + LIVE_FROM + where
                        + " order by v.published_at desc, s.id desc limit :limit offset :offset")
                .params(params).param("limit", limit).param("offset", offset)
                .query((rs, n) -> card(rs)).list();
        return new StorySlice(cards, total);
    }

    /**
     * The newest {@code perSection} stories of every section, in section order: one query per section, each
     * walking the newest-first index of the language until it has found enough, instead of ranking the whole
     * archive at once.
     */
    List<StoryCard> latestPerSection(Language language, int perSection) {
        var sections = jdbc.sql("select id from section order by position, id").query(Long.class).list();
        var cards = new ArrayList<StoryCard>();
        for (long section : sections) {
            cards.addAll(jdbc.sql("select " + LIVE_COLUMNS + " " + LIVE_FROM
                            + " and v.language = :lang and s.section_id = :section"
                            + " order by v.published_at desc, s.id desc limit :per")
                    .param("lang", language.code()).param("section", section).param("per", perSection)
                    .query((rs, n) -> card(rs)).list());
        }
        return cards;
    }

    List<StoryCard> cards(Collection<Long> storyIds, Language language) {
        if (storyIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select " + LIVE_COLUMNS + " " + LIVE_FROM + " and v.language = :lang and s.id in (:ids)")
                .param("lang", language.code()).param("ids", new ArrayList<>(storyIds))
                .query((rs, n) -> card(rs)).list();
    }

    /** Published stories sharing most tags with the given one, then the newest of its section. */
    /**
     * Stories sharing the most tags with this one, then the newest of its section. Candidates are the
     * newest {@value #RELATED_PER_TAG} stories of each of its tags and the newest of its section, so
     * the cost stays flat however large the archive grows (every query below walks an index).
     */
    List<StoryCard> related(long storyId, Language language, int limit) {
        var tags = jdbc.sql("select tag_id from story_tag where story_id = :id").param("id", storyId)
                .query(Long.class).list();
        var candidates = new LinkedHashSet<Long>();
        for (long tag : tags) {
            candidates.addAll(jdbc.sql("""
                    select story_id from story_tag where tag_id = :tag and story_id <> :id
                     order by story_id desc limit :limit""")
                    .param("tag", tag).param("id", storyId).param("limit", RELATED_PER_TAG)
                    .query(Long.class).list());
        }
        candidates.addAll(jdbc.sql("""
                select v.story_id from story_version v join story s on s.id = v.story_id
                 where v.language = :lang and v.published_revision is not null and s.status = 'PUBLISHED'
                   and s.section_id = (select section_id from story where id = :id) and s.id <> :id
                 order by v.published_at desc limit :limit""")
                .param("lang", language.code()).param("id", storyId).param("limit", limit)
                .query(Long.class).list());
        if (candidates.isEmpty()) {
            return List.of();
        }
        var shared = new HashMap<Long, Integer>();
        if (!tags.isEmpty()) {
            jdbc.sql("""
                    select story_id, count(*) from story_tag where story_id in (:candidates) and tag_id in (:tags)
                     group by story_id""")
                    .param("candidates", new ArrayList<>(candidates)).param("tags", tags)
                    .query(rs -> {
                        shared.put(rs.getLong(1), rs.getInt(2));
                    });
        }
        return cards(candidates, language).stream()
                .sorted(Comparator.<StoryCard>comparingInt(card -> shared.getOrDefault(card.id(), 0)).reversed()
                        .thenComparing(StoryCard::publishedAt, Comparator.reverseOrder()))
                .limit(limit)
                .toList();
    }

    List<StoryCard> changes(StoryQuery query) {
        var where = new StringBuilder();
        var params = new java.util.HashMap<String, Object>();
        if (query.language() != null) {
            where.append(" and v.language = :lang");
            params.put("lang", query.language().code());
        }
        if (query.sectionId() != null) {
            where.append(" and s.section_id = :section");
            params.put("section", query.sectionId());
        }
        if (query.tagId() != null) {
            where.append(" and exists (select 1 from story_tag t where t.story_id = s.id and t.tag_id = :tag)");
            params.put("tag", query.tagId());
        }
        if (query.authorId() != null) {
            where.append(" and exists (select 1 from story_author a where a.story_id = s.id and a.author_id = :author)");
            params.put("author", query.authorId());
        }
        if (query.updatedSince() != null) {
            where.append(" and v.updated_at >= :since");
            params.put("since", query.updatedSince().toEpochMilli());
        }
        var after = query.after();
        if (after != null) {
            // the sort is (updated_at desc, id desc, language asc): continue strictly after the last row
            where.append(" " + """
                    and (v.updated_at < :afterUpdated
                          or (v.updated_at = :afterUpdated and (s.id < :afterId
                              or (s.id = :afterId and v.language > :afterLang))))""");
            params.put("afterUpdated", after.updatedAt().toEpochMilli());
            params.put("afterId", after.storyId());
            params.put("afterLang", after.language().code());
        }
        return jdbc.sql("select " + LIVE_COLUMNS + " " + LIVE_FROM + where
                        + " order by v.updated_at desc, s.id desc, v.language limit :limit")
                .params(params).param("limit", query.limit())
                .query((rs, n) -> card(rs)).list();
    }

    private static final String LIVE_VERSION_COLUMNS = """
            select s.id, v.language, sec.slug as section_slug, r.slug, r.headline, v.published_at, v.updated_at,
                   s.first_published_at""";

    List<LiveVersion> liveVersionsOfStoriesFirstPublished(Instant from, Instant to, int skipStories, int maxStories) {
        return jdbc.sql(LIVE_VERSION_COLUMNS + " " + LIVE_FROM + " " + """
                and s.id in (select live.id from story live
                              where live.status = 'PUBLISHED'
                                and live.first_published_at >= :from and live.first_published_at < :to
                                and exists (select 1 from story_version lv
                                             where lv.story_id = live.id and lv.published_revision is not null)
                              order by live.first_published_at, live.id limit :limit offset :offset)
                 order by s.first_published_at, s.id, v.language""")
                .param("from", from.toEpochMilli()).param("to", to.toEpochMilli())
                .param("limit", maxStories).param("offset", skipStories)
                .query((rs, n) -> liveVersion(rs)).list();
    }

    List<LiveVersion> liveVersionsPublishedSince(Instant since, int limit) {
        return jdbc.sql(LIVE_VERSION_COLUMNS + " " + LIVE_FROM + " " + """
                and v.published_at >= :since
                 order by v.published_at desc, s.id desc, v.language limit :limit""")
                .param("since", since.toEpochMilli()).param("limit", limit)
                .query((rs, n) -> liveVersion(rs)).list();
    }

    List<LiveVersion.StoryDates> liveStoryDates() {
        return jdbc.sql("select s.first_published_at, max(v.updated_at) " + LIVE_FROM
                        + " group by s.id, s.first_published_at")
                .query((rs, n) -> new LiveVersion.StoryDates(Instant.ofEpochMilli(rs.getLong(1)),
                        Instant.ofEpochMilli(rs.getLong(2))))
                .list();
    }

    private static LiveVersion liveVersion(ResultSet rs) throws SQLException {
        return new LiveVersion(rs.getLong("id"), language(rs.getString("language")), rs.getString("section_slug"),
                rs.getString("slug"), rs.getString("headline"), Instant.ofEpochMilli(rs.getLong("published_at")),
                Instant.ofEpochMilli(rs.getLong("updated_at")), Instant.ofEpochMilli(rs.getLong("first_published_at")));
    }

    List<SearchableVersion> searchable(long storyId) {
        var status = status(storyId);
        if (status.isEmpty()) {
            return List.of();
        }
        var tags = tagsOf(storyId);
        var authors = authorsOf(storyId);
        return jdbc.sql("""
                select v.language, r.number, r.slug, r.headline, r.standfirst, r.body, r.saved_at, v.published_at,
                       case when s.status = 'PUBLISHED' and r.number = v.published_revision then 1 else 0 end as live,
                       case when r.number = v.revision then 1 else 0 end as latest,
                       sec.id as section_id, sec.slug as section_slug, sec.name_uk, sec.name_en, sec.name_ru
                  from story_version v
                  join story s on s.id = v.story_id
                  join section sec on sec.id = s.section_id
                  join revision r on r.story_id = v.story_id and r.language = v.language
                                 and (r.number = v.revision or r.number = v.published_revision)
                 where v.story_id = :story
                 order by v.language, r.number""")
                .param("story", storyId)
                .query((rs, n) -> {
                    long published = rs.getLong("published_at");
                    var publishedAt = rs.wasNull() ? null : Instant.ofEpochMilli(published);
                    var section = new Section(rs.getLong("section_id"), rs.getString("section_slug"),
                            new Localized(rs.getString("name_uk"), rs.getString("name_en"), rs.getString("name_ru")));
                    return new SearchableVersion(storyId, language(rs.getString("language")), rs.getInt("number"),
                            rs.getInt("live") == 1, rs.getInt("latest") == 1, status.get(), section, tags, authors,
                            rs.getString("slug"), rs.getString("headline"), rs.getString("standfirst"),
                            json.readValue(rs.getString("body"), BODY),
                            publishedAt,
                            Instant.ofEpochMilli(rs.getLong("saved_at")));
                })
                .list();
    }

    List<Long> idsAfter(long afterId, int limit) {
        return jdbc.sql("""
                select s.id from story s where s.id > :after
                   and exists (select 1 from story_version v where v.story_id = s.id)
                 order by s.id limit :limit""")
                .param("after", afterId).param("limit", limit).query(Long.class).list();
    }

    Optional<VersionView> revision(long storyId, Language language, int number) {
        return jdbc.sql("select * from revision where story_id = :story and language = :lang and number = :number")
                .param("story", storyId).param("lang", language.code()).param("number", number)
                .query((rs, n) -> versionView(rs)).optional();
    }

    Optional<VersionView> working(long storyId, Language language) {
        return jdbc.sql("""
                select r.* from revision r join story_version v
                  on v.story_id = r.story_id and v.language = r.language and v.revision = r.number
                 where r.story_id = :story and r.language = :lang""")
                .param("story", storyId).param("lang", language.code())
                .query((rs, n) -> versionView(rs)).optional();
    }

    List<StoryOutline> outlines(int offset, int limit) {
        var stories = jdbc.sql("""
                select id, status, source_language, created_at, first_published_at from story
                 order by created_at desc, id desc limit :limit offset :offset""")
                .param("limit", limit).param("offset", offset)
                .query((rs, n) -> new StoryRow(rs.getLong("id"), StoryStatus.valueOf(rs.getString("status")),
                        language(rs.getString("source_language")), Instant.ofEpochMilli(rs.getLong("created_at")),
                        nullableInstant(rs, "first_published_at")))
                .list();
        if (stories.isEmpty()) {
            return List.of();
        }
        var versions = jdbc.sql("""
                select v.story_id, v.language, v.revision, r.headline from story_version v
                  join revision r on r.story_id = v.story_id and r.language = v.language and r.number = v.revision
                 where v.story_id in (:ids) order by v.language""")
                .param("ids", stories.stream().map(StoryRow::id).toList())
                .query((rs, n) -> new VersionRow(rs.getLong("story_id"), language(rs.getString("language")),
                        rs.getInt("revision"), rs.getString("headline")))
                .list().stream()
                .collect(java.util.stream.Collectors.groupingBy(VersionRow::storyId));
        return stories.stream().map(story -> {
            var mine = versions.getOrDefault(story.id(), List.of());
            var revisions = new EnumMap<Language, Integer>(Language.class);
            mine.forEach(v -> revisions.put(v.language(), v.revision()));
            var headline = mine.stream().filter(v -> v.language() == story.source()).findFirst()
                    .or(() -> mine.stream().findFirst()).map(VersionRow::headline).orElse("");
            return new StoryOutline(story.id(), story.status(), story.source(), revisions, headline,
                    story.createdAt(), story.firstPublishedAt());
        }).toList();
    }

    Optional<Language> sourceLanguage(long storyId) {
        return jdbc.sql("select source_language from story where id = :id").param("id", storyId)
                .query((rs, n) -> language(rs.getString(1))).optional();
    }

    private VersionView versionView(ResultSet rs) throws SQLException {
        return new VersionView(rs.getLong("story_id"), language(rs.getString("language")), rs.getInt("number"),
                rs.getString("slug"), rs.getString("headline"), rs.getString("standfirst"), rs.getString("seo_title"),
                rs.getString("seo_description"), rs.getString("lead_image_caption"), rs.getString("lead_image_credit"),
                rs.getString("lead_image_alt"), json.readValue(rs.getString("body"), BODY), rs.getString("saved_by"),
                Instant.ofEpochMilli(rs.getLong("saved_at")));
    }

    private static @Nullable Instant nullableInstant(ResultSet rs, String column)
            throws SQLException {
        long millis = rs.getLong(column);
        return rs.wasNull() ? null : Instant.ofEpochMilli(millis);
    }

    private record StoryRow(long id, StoryStatus status, Language source, Instant createdAt,
            @Nullable Instant firstPublishedAt) {
    }

    private record VersionRow(long storyId, Language language, int revision, String headline) {
    }

    /** Lower case in every script, the same on both databases: what headline search compares. */
    private static String folded(String text) {
        return text.toLowerCase(java.util.Locale.ROOT);
    }

    private static StoryCard card(ResultSet rs) throws SQLException {
        long imageId = rs.getLong("lead_image_id");
        var image = rs.wasNull() ? null : new LeadImage(imageId, rs.getString("lead_image_caption"),
                rs.getString("lead_image_credit"), rs.getString("lead_image_alt"));
        var section = new Section(rs.getLong("section_id"), rs.getString("section_slug"),
                new Localized(rs.getString("name_uk"), rs.getString("name_en"), rs.getString("name_ru")));
        return new StoryCard(rs.getLong("id"), language(rs.getString("language")), rs.getString("slug"), section,
                rs.getString("headline"), rs.getString("standfirst"), image,
                Instant.ofEpochMilli(rs.getLong("published_at")), Instant.ofEpochMilli(rs.getLong("updated_at")));
    }

    private static Language language(String code) {
        return Language.fromCode(code).orElseThrow(() -> new IllegalStateException("Unknown language " + code));
    }

    /** A live version before its authors, tags and body are attached. */
    private record LiveRow(StoryCard card, String seoTitle, String seoDescription, String body,
            Instant firstPublishedAt) {

        PublishedStory toStory(List<Block> blocks, List<Author> authors, List<Tag> tags,
                Map<Language, String> liveSlugs, List<StoryNote> notes) {
            return new PublishedStory(card.id(), card.language(), card.slug(), card.section(), card.headline(),
                    card.standfirst(), seoTitle, seoDescription, card.leadImage(), blocks, authors, tags,
                    firstPublishedAt, card.publishedAt(), card.updatedAt(), liveSlugs, notes);
        }
    }
}
