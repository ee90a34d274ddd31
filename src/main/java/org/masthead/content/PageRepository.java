package org.masthead.content;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.masthead.platform.Language;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

@Repository
class PageRepository {

    private static final TypeReference<List<Block>> BODY = new TypeReference<>() { };

    private final JdbcClient jdbc;
    private final JsonMapper json;

    PageRepository(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    long insert(PageSettings settings, int position, String by, Instant now) {
        return jdbc.sql("""
                insert into page (position, in_footer, purpose, created_at, created_by)
                values (:position, :footer, :purpose, :now, :by) returning id""")
                .param("position", position).param("footer", settings.inFooter() ? 1 : 0)
                .param("purpose", purpose(settings.purpose())).param("now", now.toEpochMilli()).param("by", by)
                .query(Long.class).single();
    }

    void updateSettings(long id, PageSettings settings) {
        jdbc.sql("update page set in_footer = :footer, purpose = :purpose where id = :id")
                .param("footer", settings.inFooter() ? 1 : 0).param("purpose", purpose(settings.purpose()))
                .param("id", id).update();
    }

    void setPosition(long id, int position) {
        jdbc.sql("update page set position = :position where id = :id").param("position", position).param("id", id)
                .update();
    }

    int nextPosition() {
        return jdbc.sql("select coalesce(max(position), 0) + 1 from page").query(Integer.class).single();
    }

    /** Writes one language of a page, replacing what it had. */
    void saveVersion(long pageId, PageDraft draft, String by, Instant now) {
        jdbc.sql("""
                insert into page_version (page_id, language, slug, title, summary, seo_title, seo_description, body, live,
                    updated_at, updated_by)
                values (:page, :lang, :slug, :title, :summary, :seoTitle, :seoDescription, :body, :live, :now, :by)
                on conflict (page_id, language) do update set slug = excluded.slug, title = excluded.title,
                    summary = excluded.summary, seo_title = excluded.seo_title,
                    seo_description = excluded.seo_description, body = excluded.body, live = excluded.live,
                    updated_at = excluded.updated_at, updated_by = excluded.updated_by""")
                .param("page", pageId).param("lang", draft.language().code()).param("slug", draft.slug())
                .param("title", draft.title()).param("summary", draft.summary()).param("seoTitle", draft.seoTitle())
                .param("seoDescription", draft.seoDescription()).param("body", json.writerFor(BODY).writeValueAsString(draft.body()))
                .param("live", draft.live() ? 1 : 0).param("now", now.toEpochMilli()).param("by", by)
                .update();
    }

    void removeVersion(long pageId, Language language) {
        jdbc.sql("delete from page_version where page_id = :page and language = :lang")
                .param("page", pageId).param("lang", language.code()).update();
    }

    void delete(long id) {
        jdbc.sql("delete from page where id = :id").param("id", id).update();
    }

    List<StaticPage> all() {
        var versions = new LinkedHashMap<Long, Map<Language, PageVersion>>();
        jdbc.sql("select * from page_version order by page_id, language")
                .query((rs, n) -> versions.computeIfAbsent(rs.getLong("page_id"), id -> new EnumMap<>(Language.class))
                        .put(language(rs.getString("language")), version(rs)))
                .list();
        return jdbc.sql("select * from page order by position, id")
                .query((rs, n) -> page(rs, versions.getOrDefault(rs.getLong("id"), Map.of())))
                .list();
    }

    Optional<StaticPage> find(long id) {
        var versions = new EnumMap<Language, PageVersion>(Language.class);
        jdbc.sql("select * from page_version where page_id = :id").param("id", id)
                .query((rs, n) -> versions.put(language(rs.getString("language")), version(rs))).list();
        return jdbc.sql("select * from page where id = :id").param("id", id).query((rs, n) -> page(rs, versions))
                .optional();
    }

    Optional<PageVersion> bySlug(Language language, String slug) {
        return jdbc.sql("select * from page_version where language = :lang and slug = :slug")
                .param("lang", language.code()).param("slug", slug).query((rs, n) -> version(rs)).optional();
    }

    /** Whether another page uses {@code slug} in {@code language}. */
    boolean slugTaken(Language language, String slug, long exceptPageId) {
        return jdbc.sql("select count(*) from page_version where language = :lang and slug = :slug and page_id <> :page")
                .param("lang", language.code()).param("slug", slug).param("page", exceptPageId)
                .query(Integer.class).single() > 0;
    }

    boolean sectionSlugTaken(String slug) {
        return jdbc.sql("select count(*) from section where slug = :slug").param("slug", slug)
                .query(Integer.class).single() > 0;
    }

    Optional<Long> purposeTakenBy(PagePurpose purpose) {
        return jdbc.sql("select id from page where purpose = :purpose").param("purpose", purpose(purpose))
                .query(Long.class).optional();
    }

    /** The live pages listed in the footer in {@code language}, in order. */
    List<FooterLink> footer(Language language) {
        return jdbc.sql("""
                select p.id, v.slug, v.title, p.purpose from page p join page_version v on v.page_id = p.id
                 where p.in_footer = 1 and v.live = 1 and v.language = :lang order by p.position, p.id""")
                .param("lang", language.code())
                .query((rs, n) -> new FooterLink(rs.getLong(1), rs.getString(2), rs.getString(3), purpose(rs.getString(4))))
                .list();
    }

    /** Every live page version with a structured-data purpose, in {@code language}. */
    List<FooterLink> withPurpose(Language language) {
        return jdbc.sql("""
                select p.id, v.slug, v.title, p.purpose from page p join page_version v on v.page_id = p.id
                 where p.purpose <> '' and v.live = 1 and v.language = :lang order by p.position, p.id""")
                .param("lang", language.code())
                .query((rs, n) -> new FooterLink(rs.getLong(1), rs.getString(2), rs.getString(3), purpose(rs.getString(4))))
                .list();
    }

    private StaticPage page(ResultSet rs, Map<Language, PageVersion> versions) throws SQLException {
        return new StaticPage(rs.getLong("id"), rs.getInt("position"), rs.getInt("in_footer") == 1,
                purpose(rs.getString("purpose")), versions, Instant.ofEpochMilli(rs.getLong("created_at")),
                rs.getString("created_by"));
    }

    private PageVersion version(ResultSet rs) throws SQLException {
        return new PageVersion(rs.getLong("page_id"), language(rs.getString("language")), rs.getString("slug"),
                rs.getString("title"), rs.getString("summary"), rs.getString("seo_title"), rs.getString("seo_description"),
                json.readValue(rs.getString("body"), BODY), rs.getInt("live") == 1,
                Instant.ofEpochMilli(rs.getLong("updated_at")), rs.getString("updated_by"));
    }

    private static String purpose(PagePurpose purpose) {
        return purpose == PagePurpose.NONE ? "" : purpose.key();
    }

    private static PagePurpose purpose(String stored) {
        return stored.isEmpty() ? PagePurpose.NONE : PagePurpose.fromKey(stored).orElse(PagePurpose.NONE);
    }

    private static Language language(String code) {
        return Language.fromCode(code).orElseThrow(() -> new IllegalStateException("Unknown language " + code));
    }
}
