package org.masthead.content;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.masthead.platform.Localized;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class TaxonomyRepository {

    private final JdbcClient jdbc;

    TaxonomyRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Section> sections() {
        return jdbc.sql("select * from section order by position, id").query(TaxonomyRepository::section).list();
    }

    List<Tag> tags() {
        return jdbc.sql("select * from tag order by slug").query(TaxonomyRepository::tag).list();
    }

    List<Author> authors() {
        return jdbc.sql("select * from author order by slug").query(TaxonomyRepository::author).list();
    }

    Optional<Section> section(String slug) {
        return jdbc.sql("select * from section where slug = :slug").param("slug", slug)
                .query(TaxonomyRepository::section).optional();
    }

    Optional<Tag> tag(String slug) {
        return jdbc.sql("select * from tag where slug = :slug").param("slug", slug)
                .query(TaxonomyRepository::tag).optional();
    }

    Optional<Author> author(String slug) {
        return jdbc.sql("select * from author where slug = :slug").param("slug", slug)
                .query(TaxonomyRepository::author).optional();
    }

    long insertSection(String slug, int position, Localized name) {
        return jdbc.sql("""
                insert into section (slug, position, name_uk, name_en, name_ru)
                values (:slug, :position, :uk, :en, :ru) returning id""")
                .param("slug", slug).param("position", position)
                .param("uk", name.uk()).param("en", name.en()).param("ru", name.ru())
                .query(Long.class).single();
    }

    long insertTag(String slug, Localized name) {
        return jdbc.sql("insert into tag (slug, name_uk, name_en, name_ru) values (:slug, :uk, :en, :ru) returning id")
                .param("slug", slug).param("uk", name.uk()).param("en", name.en()).param("ru", name.ru())
                .query(Long.class).single();
    }

    long insertAuthor(String slug, Localized name, Localized bio) {
        return jdbc.sql("""
                insert into author (slug, name_uk, name_en, name_ru, bio_uk, bio_en, bio_ru)
                values (:slug, :uk, :en, :ru, :bioUk, :bioEn, :bioRu) returning id""")
                .param("slug", slug).param("uk", name.uk()).param("en", name.en()).param("ru", name.ru())
                .param("bioUk", bio.uk()).param("bioEn", bio.en()).param("bioRu", bio.ru())
                .query(Long.class).single();
    }

    static Section section(ResultSet rs, int row) throws SQLException {
        return new Section(rs.getLong("id"), rs.getString("slug"), names(rs, "name_"));
    }

    static Tag tag(ResultSet rs, int row) throws SQLException {
        return new Tag(rs.getLong("id"), rs.getString("slug"), names(rs, "name_"));
    }

    static Author author(ResultSet rs, int row) throws SQLException {
        return new Author(rs.getLong("id"), rs.getString("slug"), names(rs, "name_"), names(rs, "bio_"));
    }

    private static Localized names(ResultSet rs, String prefix) throws SQLException {
        return new Localized(rs.getString(prefix + "uk"), rs.getString(prefix + "en"), rs.getString(prefix + "ru"));
    }
}
