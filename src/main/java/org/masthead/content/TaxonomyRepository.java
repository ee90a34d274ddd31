package org.masthead.content;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.masthead.platform.Language;
import org.masthead.platform.Localized;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

@Repository
class TaxonomyRepository {

    /** What a redirect from an old slug leads to. */
    enum Kind { SECTION, TAG, AUTHOR, PAGE }

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() { };

    private final JdbcClient jdbc;

    TaxonomyRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    // sections

    List<Section> sections() {
        return jdbc.sql("select * from section order by position, id").query(TaxonomyRepository::sectionRow).list();
    }

    List<Section> navigation() {
        return jdbc.sql("select * from section where hidden = 0 and archived = 0 order by position, id")
                .query(TaxonomyRepository::sectionRow).list();
    }

    List<SectionDetails> sectionDetails() {
        return jdbc.sql("""
                select * from section order by position, id""")
                .query(TaxonomyRepository::sectionDetailsRow).list();
    }

    Optional<SectionDetails> sectionDetails(long id) {
        return jdbc.sql("""
                select * from section where id = :id""")
                .param("id", id).query(TaxonomyRepository::sectionDetailsRow).optional();
    }

    Optional<SectionDetails> sectionDetails(String slug) {
        return jdbc.sql("select * from section where slug = :slug").param("slug", slug)
                .query(TaxonomyRepository::sectionDetailsRow).optional();
    }

    Optional<Section> section(String slug) {
        return jdbc.sql("select * from section where slug = :slug").param("slug", slug)
                .query(TaxonomyRepository::sectionRow).optional();
    }

    long insertSection(SectionDraft section, int position) {
        return jdbc.sql("""
                insert into section (slug, position, name_uk, name_en, name_ru, description_uk, description_en,
                    description_ru, seo_title_uk, seo_title_en, seo_title_ru, seo_description_uk, seo_description_en,
                    seo_description_ru, hidden, archived)
                values (:slug, :position, :nameUk, :nameEn, :nameRu, :descriptionUk, :descriptionEn, :descriptionRu,
                    :seoTitleUk, :seoTitleEn, :seoTitleRu, :seoDescriptionUk, :seoDescriptionEn, :seoDescriptionRu,
                    :hidden, :archived) returning id""")
                .params(sectionParameters(section)).param("position", position)
                .query(Long.class).single();
    }

    void updateSection(long id, SectionDraft section) {
        jdbc.sql("""
                update section set slug = :slug, name_uk = :nameUk, name_en = :nameEn, name_ru = :nameRu,
                    description_uk = :descriptionUk, description_en = :descriptionEn, description_ru = :descriptionRu,
                    seo_title_uk = :seoTitleUk, seo_title_en = :seoTitleEn, seo_title_ru = :seoTitleRu,
                    seo_description_uk = :seoDescriptionUk, seo_description_en = :seoDescriptionEn,
                    seo_description_ru = :seoDescriptionRu, hidden = :hidden, archived = :archived
                 where id = :id""")
                .params(sectionParameters(section)).param("id", id).update();
    }

    private static Map<String, Object> sectionParameters(SectionDraft section) {
        var params = new HashMap<String, Object>();
        params.put("slug", section.slug());
        localized(params, "name", section.name());
        localized(params, "description", section.description());
        localized(params, "seoTitle", section.seoTitle());
        localized(params, "seoDescription", section.seoDescription());
        params.put("hidden", section.hidden() ? 1 : 0);
        params.put("archived", section.archived() ? 1 : 0);
        return params;
    }

    /** Stories filed in each section that has any, in any status. */
    Map<Long, Integer> storiesPerSection() {
        var counts = new HashMap<Long, Integer>();
        jdbc.sql("select section_id, count(*) from story group by section_id")
                .query(rs -> {
                    counts.put(rs.getLong(1), rs.getInt(2));
                });
        return counts;
    }

    int storiesInSection(long id) {
        return jdbc.sql("select count(*) from story where section_id = :id").param("id", id).query(Integer.class).single();
    }

    /** Stories that carry each tag that is on any. */
    Map<Long, Integer> storiesPerTag() {
        var counts = new HashMap<Long, Integer>();
        jdbc.sql("select tag_id, count(*) from story_tag group by tag_id")
                .query(rs -> {
                    counts.put(rs.getLong(1), rs.getInt(2));
                });
        return counts;
    }

    int nextSectionPosition() {
        return jdbc.sql("select coalesce(max(position), 0) + 1 from section").query(Integer.class).single();
    }

    void setPosition(long id, int position) {
        jdbc.sql("update section set position = :position where id = :id").param("position", position).param("id", id)
                .update();
    }

    void deleteSection(long id) {
        jdbc.sql("delete from section where id = :id").param("id", id).update();
    }

    int sectionCount() {
        return jdbc.sql("select count(*) from section").query(Integer.class).single();
    }

    // tags

    List<Tag> tags() {
        return jdbc.sql("select * from tag order by slug").query(TaxonomyRepository::tagRow).list();
    }

    List<TagDetails> tagDetails() {
        return jdbc.sql("""
                select * from tag order by slug""")
                .query(TaxonomyRepository::tagDetailsRow).list();
    }

    Optional<TagDetails> tagDetails(long id) {
        return jdbc.sql("""
                select * from tag where id = :id""")
                .param("id", id).query(TaxonomyRepository::tagDetailsRow).optional();
    }

    Optional<TagDetails> tagDetails(String slug) {
        return jdbc.sql("""
                select * from tag where slug = :slug""")
                .param("slug", slug).query(TaxonomyRepository::tagDetailsRow).optional();
    }

    Optional<Tag> tag(String slug) {
        return jdbc.sql("select * from tag where slug = :slug").param("slug", slug)
                .query(TaxonomyRepository::tagRow).optional();
    }

    List<Tag> tags(List<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select * from tag where id in (:ids) order by slug").param("ids", ids)
                .query(TaxonomyRepository::tagRow).list();
    }

    long insertTag(TagDraft tag) {
        var params = new HashMap<String, Object>();
        params.put("slug", tag.slug());
        localized(params, "name", tag.name());
        localized(params, "description", tag.description());
        return jdbc.sql("""
                insert into tag (slug, name_uk, name_en, name_ru, description_uk, description_en, description_ru)
                values (:slug, :nameUk, :nameEn, :nameRu, :descriptionUk, :descriptionEn, :descriptionRu) returning id""")
                .params(params).query(Long.class).single();
    }

    void updateTag(long id, TagDraft tag) {
        var params = new HashMap<String, Object>();
        params.put("slug", tag.slug());
        params.put("id", id);
        localized(params, "name", tag.name());
        localized(params, "description", tag.description());
        jdbc.sql("""
                update tag set slug = :slug, name_uk = :nameUk, name_en = :nameEn, name_ru = :nameRu,
                    description_uk = :descriptionUk, description_en = :descriptionEn, description_ru = :descriptionRu
                 where id = :id""")
                .params(params).update();
    }

    List<Long> storiesTagged(long tagId) {
        return jdbc.sql("select story_id from story_tag where tag_id = :tag order by story_id").param("tag", tagId)
                .query(Long.class).list();
    }

    /** Gives the stories of tag {@code from} tag {@code into} instead (once each), then removes {@code from}. */
    void mergeTag(long from, long into) {
        jdbc.sql("""
                insert into story_tag (story_id, tag_id)
                select story_id, :into from story_tag
                 where tag_id = :from and story_id not in (select story_id from story_tag where tag_id = :into)""")
                .param("from", from).param("into", into).update();
        deleteTag(from);
    }

    void deleteTag(long id) {
        jdbc.sql("delete from story_tag where tag_id = :id").param("id", id).update();
        jdbc.sql("delete from tag where id = :id").param("id", id).update();
    }

    // authors

    List<Author> authors() {
        return jdbc.sql("select * from author order by slug").query(TaxonomyRepository::authorRow).list();
    }

    List<AuthorDetails> authorDetails() {
        return jdbc.sql("""
                select a.*, (select count(*) from story_author sa where sa.author_id = a.id) as stories
                  from author a order by a.slug""")
                .query((rs, n) -> new AuthorDetails(authorRow(rs, n), rs.getInt("stories"))).list();
    }

    Optional<AuthorDetails> authorDetails(long id) {
        return jdbc.sql("""
                select a.*, (select count(*) from story_author sa where sa.author_id = a.id) as stories
                  from author a where a.id = :id""")
                .param("id", id).query((rs, n) -> new AuthorDetails(authorRow(rs, n), rs.getInt("stories"))).optional();
    }

    Optional<Author> author(String slug) {
        return jdbc.sql("select * from author where slug = :slug").param("slug", slug)
                .query(TaxonomyRepository::authorRow).optional();
    }

    Optional<Author> authorOfAccount(long accountId) {
        return jdbc.sql("select * from author where account_id = :account").param("account", accountId)
                .query(TaxonomyRepository::authorRow).optional();
    }

    long insertAuthor(AuthorDraft author) {
        return jdbc.sql("""
                insert into author (slug, name_uk, name_en, name_ru, bio_uk, bio_en, bio_ru, job_title_uk, job_title_en,
                    job_title_ru, photo_media_id, links, account_id)
                values (:slug, :nameUk, :nameEn, :nameRu, :bioUk, :bioEn, :bioRu, :jobTitleUk, :jobTitleEn, :jobTitleRu,
                    :photo, :links, :account) returning id""")
                .params(authorParameters(author)).query(Long.class).single();
    }

    void updateAuthor(long id, AuthorDraft author) {
        jdbc.sql("""
                update author set slug = :slug, name_uk = :nameUk, name_en = :nameEn, name_ru = :nameRu,
                    bio_uk = :bioUk, bio_en = :bioEn, bio_ru = :bioRu, job_title_uk = :jobTitleUk,
                    job_title_en = :jobTitleEn, job_title_ru = :jobTitleRu, photo_media_id = :photo, links = :links,
                    account_id = :account
                 where id = :id""")
                .params(authorParameters(author)).param("id", id).update();
    }

    private static Map<String, Object> authorParameters(AuthorDraft author) {
        var params = new HashMap<String, Object>();
        params.put("slug", author.slug());
        localized(params, "name", author.name());
        localized(params, "bio", author.bio());
        localized(params, "jobTitle", author.jobTitle());
        params.put("photo", author.photoMediaId());
        params.put("links", JSON.writeValueAsString(author.links()));
        params.put("account", author.accountId());
        return params;
    }

    void deleteAuthor(long id) {
        jdbc.sql("delete from author where id = :id").param("id", id).update();
    }

    // names, slugs and old addresses

    /** Ids of the rows of {@code kind} whose name in {@code language} is {@code name}, compared case-insensitively. */
    List<Long> named(Kind kind, Language language, String name) {
        var wanted = fold(name.strip());
        var column = "name_" + language.code();
        return jdbc.sql("select id, " + column + " from " + table(kind))
                .query((rs, n) -> fold(rs.getString(2).strip()).equals(wanted) ? rs.getLong(1) : null)
                .list().stream().filter(java.util.Objects::nonNull).toList();
    }

    /** Whether a static page uses {@code slug} in any language: pages and sections share {@code /{lang}/{slug}}. */
    boolean pageSlugTaken(String slug) {
        return jdbc.sql("select count(*) from page_version where slug = :slug").param("slug", slug)
                .query(Integer.class).single() > 0;
    }

    boolean slugTaken(Kind kind, String slug) {
        return jdbc.sql("select count(*) from " + table(kind) + " where slug = :slug").param("slug", slug)
                .query(Integer.class).single() > 0;
    }

    /** What an old slug now leads to, if anything. */
    Optional<Long> redirect(Kind kind, String language, String slug) {
        return jdbc.sql("select target_id from slug_redirect where kind = :kind and language = :lang and slug = :slug")
                .param("kind", kind.name()).param("lang", language).param("slug", slug).query(Long.class).optional();
    }

    /** Lets {@code slug} answer with a redirect to {@code targetId}; an earlier redirect of the same slug is replaced. */
    void addRedirect(Kind kind, String language, String slug, long targetId, Instant now) {
        jdbc.sql("""
                insert into slug_redirect (kind, language, slug, target_id, created_at)
                values (:kind, :lang, :slug, :target, :now)
                on conflict (kind, language, slug) do update set target_id = excluded.target_id,
                    created_at = excluded.created_at""")
                .param("kind", kind.name()).param("lang", language).param("slug", slug).param("target", targetId)
                .param("now", now.toEpochMilli()).update();
    }

    /** A slug in use again names its new owner: it no longer redirects. */
    void dropRedirect(Kind kind, String language, String slug) {
        jdbc.sql("delete from slug_redirect where kind = :kind and language = :lang and slug = :slug")
                .param("kind", kind.name()).param("lang", language).param("slug", slug).update();
    }

    /** The old slugs of {@code from} lead to {@code to} from now on (a merge). */
    void retargetRedirects(Kind kind, long from, long to) {
        jdbc.sql("update slug_redirect set target_id = :to where kind = :kind and target_id = :from")
                .param("kind", kind.name()).param("from", from).param("to", to).update();
    }

    void dropRedirectsTo(Kind kind, long targetId) {
        jdbc.sql("delete from slug_redirect where kind = :kind and target_id = :target")
                .param("kind", kind.name()).param("target", targetId).update();
    }

    private static String table(Kind kind) {
        return switch (kind) {
            case SECTION -> "section";
            case TAG -> "tag";
            case AUTHOR -> "author";
            case PAGE -> throw new IllegalArgumentException("Pages are named per language");
        };
    }

    // rows

    static Section sectionRow(ResultSet rs, int row) throws SQLException {
        return new Section(rs.getLong("id"), rs.getString("slug"), texts(rs, "name_"));
    }

    static SectionDetails sectionDetailsRow(ResultSet rs, int row) throws SQLException {
        return new SectionDetails(rs.getLong("id"), rs.getString("slug"), rs.getInt("position"), texts(rs, "name_"),
                texts(rs, "description_"), texts(rs, "seo_title_"), texts(rs, "seo_description_"),
                rs.getInt("hidden") == 1, rs.getInt("archived") == 1);
    }

    static Tag tagRow(ResultSet rs, int row) throws SQLException {
        return new Tag(rs.getLong("id"), rs.getString("slug"), texts(rs, "name_"));
    }

    static TagDetails tagDetailsRow(ResultSet rs, int row) throws SQLException {
        return new TagDetails(rs.getLong("id"), rs.getString("slug"), texts(rs, "name_"), texts(rs, "description_"));
    }

    static Author authorRow(ResultSet rs, int row) throws SQLException {
        return new Author(rs.getLong("id"), rs.getString("slug"), texts(rs, "name_"), texts(rs, "bio_"),
                texts(rs, "job_title_"), nullableLong(rs, "photo_media_id"), JSON.readValue(rs.getString("links"), STRINGS),
                nullableLong(rs, "account_id"));
    }

    private static @Nullable Long nullableLong(ResultSet rs, String column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }

    private static Localized texts(ResultSet rs, String prefix) throws SQLException {
        return new Localized(rs.getString(prefix + "uk"), rs.getString(prefix + "en"), rs.getString(prefix + "ru"));
    }

    private static void localized(Map<String, Object> params, String name, Localized texts) {
        params.put(name + "Uk", texts.uk());
        params.put(name + "En", texts.en());
        params.put(name + "Ru", texts.ru());
    }

    /** Lower case in every script, the same on both databases. */
    static String fold(String text) {
        return text.toLowerCase(Locale.ROOT);
    }
}
