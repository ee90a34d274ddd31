package org.masthead.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.masthead.platform.Language;
import org.masthead.platform.Localized;
import org.masthead.support.Fixtures;
import org.masthead.support.MastheadTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The layout around reader pages is read once per change, from any node, and never kept past one. */
@MastheadTest
class SiteLayoutIntegrationTest {

    @Autowired SiteLayout layout;
    @Autowired Taxonomy taxonomy;
    @Autowired Pages pages;
    @Autowired JdbcClient jdbc;

    @Test
    void aChangeToTheNavigationOrTheFooterIsSeenOnTheNextReadAndNothingElseReloads() {
        var before = layout.current();
        assertThat(layout.current()).as("nothing changed: the same layout").isSameAs(before);

        var slug = Fixtures.unique("section");
        taxonomy.addTag(Fixtures.unique("tag"), new Localized("Т " + slug, "T " + slug, "Т " + slug));
        assertThat(layout.current()).as("tags are not in the layout").isSameAs(before);

        long section = taxonomy.addSection(slug, new Localized("Р " + slug, "S " + slug, "Р " + slug));
        var withSection = layout.current();
        assertThat(withSection.version()).isGreaterThan(before.version());
        assertThat(withSection.navigation()).extracting(Section::id).contains(section);

        var pageSlug = Fixtures.unique("layout-page");
        pages.create(new PageSettings(true, PagePurpose.NONE), new PageDraft(Language.RU, pageSlug, "Страница",
                "", "", "", List.of(new Block.Paragraph("p", "Текст.")), true), "test");
        assertThat(layout.current().footer(Language.RU)).extracting(FooterLink::slug).contains(pageSlug);
        assertThat(layout.current().footer(Language.EN)).extracting(FooterLink::slug).doesNotContain(pageSlug);

        // another node's change: the number moved in the database, this node had no event yet
        jdbc.sql("update section set hidden = 1 where id = :id").param("id", section).update();
        jdbc.sql("update layout_version set version = version + 1 where id = 1").update();
        assertThat(layout.current().navigation()).extracting(Section::id).doesNotContain(section);
    }
}
