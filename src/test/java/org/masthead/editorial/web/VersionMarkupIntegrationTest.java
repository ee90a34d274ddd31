package org.masthead.editorial.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.masthead.content.Block;
import org.masthead.content.Mark;
import org.masthead.content.Stories;
import org.masthead.content.Taxonomy;
import org.masthead.identity.Accounts;
import org.masthead.identity.Role;
import org.masthead.platform.Language;
import org.masthead.support.Fixtures;
import org.masthead.support.HtmlValidator;
import org.masthead.support.MastheadTest;
import org.masthead.support.NewsroomClient;
import org.masthead.support.Staff;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.util.HtmlUtils;

/**
 * The version editor without a script, over real HTTP: marks typed in the markup are saved as marks, and
 * markup that cannot be read, a bad link or a pasted page of megabytes is refused beside its field with
 * everything typed kept.
 */
@MastheadTest
class VersionMarkupIntegrationTest {

    @LocalServerPort int port;
    @Autowired Stories stories;
    @Autowired Taxonomy taxonomy;
    @Autowired Accounts accounts;
    NewsroomClient editor;
    long storyId;
    long linked;

    @BeforeEach
    void setUp() {
        var fixtures = new Fixtures(stories, taxonomy);
        linked = fixtures.story().in(Language.EN, "Linked").published();
        storyId = fixtures.story().in(Language.EN, "Markup").draft();
        editor = new Staff(accounts).member(Role.EDITOR).signIn(port);
    }

    private Map<String, String> form(String paragraph, String items) {
        return Map.of("basedOn", "1", "headline", "Markup", "standfirst", "Standfirst", "op", "save",
                "blocks[0].type", "paragraph", "blocks[0].id", "b1", "blocks[0].text", paragraph,
                "blocks[1].type", "list", "blocks[1].id", "l1", "blocks[1].items", items);
    }

    private String edit() {
        return "/newsroom/stories/" + storyId + "/en/edit";
    }

    @Test
    void marksTypedInTheMarkupAreSavedAsMarksAndShownBackAsMarkup() {
        var saved = editor.post(edit(), form("**Bold** then [a source](https://example.org/a \"nofollow\") and "
                + "[a story](story:" + linked + ")\nsecond line", "*one*\ntwo ^2^"));
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(302);
        var body = stories.working(storyId, Language.EN).orElseThrow().body();
        var paragraph = ((Block.Paragraph) body.get(0)).text();
        assertThat(paragraph.text()).isEqualTo("Bold then a source and a story\nsecond line");
        assertThat(paragraph.marks()).containsExactly(new Mark.Bold(0, 4),
                new Mark.Link(10, 18, "https://example.org/a", List.of("nofollow")), new Mark.StoryLink(23, 30, linked));
        var list = (Block.BulletList) body.get(1);
        assertThat(list.items()).extracting(t -> t.text()).containsExactly("one", "two 2");

        var page = editor.get(edit()).body();
        assertThat(HtmlUtils.htmlUnescape(page)).contains("**Bold** then [a source](https://example.org/a \"nofollow\")");
        assertThat(HtmlValidator.errors(page)).isEmpty();
    }

    @Test
    void unreadableMarkupIsRefusedBesideItsFieldWithEverythingKept() {
        var typed = "An **unclosed bold and a [link](javascript:alert(1)) here";
        var refused = editor.post(edit(), form(typed, "fine"));
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("id=\"b0-text-error\"", "position 4");
        assertThat(HtmlUtils.htmlUnescape(refused.body())).contains(typed);
        assertThat(HtmlValidator.errors(refused.body())).isEmpty();
        assertThat(stories.working(storyId, Language.EN).orElseThrow().revision()).isEqualTo(1);

        var badLink = editor.post(edit(), form("A [link](jav&#x61;script:alert(1)) hidden with an entity", "fine"));
        assertThat(badLink.statusCode()).isEqualTo(422);
        assertThat(badLink.body()).contains("id=\"b0-text-error\"", "http, https, mailto or tel");
    }

    @Test
    void aPastedPageOfMegabytesIsRefusedAsTooLongAndKept() {
        var page = "Pasted page. ".repeat(400_000);   // 5.2 MB
        var refused = editor.post(edit(), form(page, "fine"));
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("id=\"b0-text-error\"").contains(page.substring(0, 1000));
        assertThat(refused.body().length()).isGreaterThan(page.length());
    }
}
