package org.masthead.client.driver;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.masthead.client.ApiClient;
import org.masthead.client.ApiException;
import org.masthead.client.api.AdminApi;
import org.masthead.client.api.ContentApi;
import org.masthead.client.api.SearchApi;
import org.masthead.client.model.AdminAuthorRequest;
import org.masthead.client.model.AdminBannerRequest;
import org.masthead.client.model.AdminEntryRequest;
import org.masthead.client.model.AdminLiveBlogRequest;
import org.masthead.client.model.AdminFrontPageRequest;
import org.masthead.client.model.AdminFrontSlot;
import org.masthead.client.model.AdminCreateStoryRequest;
import org.masthead.client.model.AdminMergeRequest;
import org.masthead.client.model.AdminPageRequest;
import org.masthead.client.model.AdminPageVersionRequest;
import org.masthead.client.model.AdminSectionRequest;
import org.masthead.client.model.AdminTagRequest;
import org.masthead.client.model.AdminTranslationRequest;
import org.masthead.client.model.AdminTexts;
import org.masthead.client.model.AdminLeadImageText;
import org.masthead.client.model.AdminSaveVersionRequest;
import org.masthead.client.model.AdminStatusRequest;
import org.masthead.client.model.Block;
import org.masthead.client.model.BoldMark;
import org.masthead.client.model.ItalicMark;
import org.masthead.client.model.LinkMark;
import org.masthead.client.model.ParagraphBlockResponse;
import org.masthead.client.model.RichText;
import org.masthead.client.model.StoryLinkMark;
import org.masthead.client.model.SubscriptMark;
import org.masthead.client.model.SuperscriptMark;
import org.masthead.client.model.BulletListBlock;
import org.masthead.client.model.EmbedBlock;
import org.masthead.client.model.ImageBlock;
import org.masthead.client.model.ParagraphBlock;
import org.masthead.client.model.QuoteBlock;
import org.masthead.client.model.ReadAlsoBlock;
import org.masthead.client.model.SubheadingBlock;

/**
 * Uses the client that openapi-generator made from Masthead's served OpenAPI document the way another
 * system would: every operation, through the generated classes only. Compiled with the generated sources
 * by GeneratedClientIntegrationTest; if the document changes shape, this stops compiling or running.
 * Returns what happened: every request sent ("METHOD path status"), and what came back.
 */
public final class ClientDriver {

    private ClientDriver() {
    }

    private static AdminTexts texts(String uk, String en, String ru) {
        return new AdminTexts().uk(uk).en(en).ru(ru);
    }

    private static RichText text(String text) {
        return new RichText().text(text);
    }

    public static Map<String, Object> run(String baseUri, String token, Map<String, Object> given) throws Exception {
        var calls = new ArrayList<String>();
        var result = new LinkedHashMap<String, Object>();
        var client = new ApiClient();
        client.updateBaseUri(baseUri);
        client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + token));
        client.setResponseInterceptor(response -> calls.add(response.request().method() + " "
                + response.request().uri().getRawPath() + " " + response.statusCode()));
        result.put("calls", calls);
        var content = new ContentApi(client);
        var search = new SearchApi(client);
        var admin = new AdminApi(client);

        // the content API: taxonomy, a listing over two pages by its cursor, one story
        result.put("sections", content.listSections().size());
        result.put("tags", content.listTags().size());
        result.put("authors", content.listAuthors().size());
        var first = content.listStories("en", null, null, null, null, 2, null);
        var second = content.listStories("en", null, null, null, null, 2, first.getNextCursor());
        result.put("firstPage", first.getItems().stream().map(s -> s.getId()).toList());
        result.put("secondPage", second.getItems().stream().map(s -> s.getId()).toList());
        var demo = content.getStory(first.getItems().get(0).getId(), "en");
        result.put("demoHeadline", demo.getHeadline());
        result.put("demoBodySize", demo.getBody().size());
        try {
            content.listStories("en", null, null, null, null, 500, null);
        } catch (ApiException e) {
            result.put("badLimit", e.getCode() + " " + e.getResponseBody());
        }

        // search
        var found = search.searchStories((String) given.get("query"), "en", null, null, 1);
        result.put("searchTotal", found.getTotal());

        // the admin API: upload, create, save with every block type, read back, status changes
        var image = Files.createTempFile("client-upload", ".jpg").toFile();
        Files.write(image.toPath(), (byte[]) given.get("jpeg"));
        var media = admin.uploadImage(image, null, null, null, "A generated caption", "Photo: generated client",
                "A plain picture", null, null, null);
        image.delete();
        result.put("mediaId", media.getId());
        var created = admin.createStory(new AdminCreateStoryRequest().section((String) given.get("section"))
                .sourceLanguage("en").authors(List.of((String) given.get("author"))).tags(List.of((String) given.get("tag")))
                .leadImageId(media.getId()));
        long id = created.getId();
        result.put("createdStatus", created.getStatus());
        List<Block> body = List.of(
                new ParagraphBlock().id("p1").text(new RichText().text("A paragraph from the generated client.")
                        .marks(List.of(new BoldMark().start(2).end(11), new ItalicMark().start(7).end(11),
                                new LinkMark().start(17).end(30).href("https://example.org/client").rel(List.of("nofollow")),
                                new StoryLinkMark().start(31).end(37).storyId(demo.getId())))),
                new SubheadingBlock().id("h1").text(text("A sub-heading")),
                new QuoteBlock().id("q1").text(new RichText().text("Quoted words, m2.")
                        .marks(List.of(new SuperscriptMark().start(15).end(16)))).speaker("Iryna Koval").role("Deputy minister"),
                new ImageBlock().id("i1").mediaId(media.getId()).caption(new RichText().text("In the body, H2O")
                        .marks(List.of(new SubscriptMark().start(14).end(15)))).credit("Photo: generated client")
                        .alt("The same picture"),
                new BulletListBlock().id("l1").ordered(true).items(List.of(text("First"), text("Second"))),
                new ReadAlsoBlock().id("r1").storyId(demo.getId()),
                new EmbedBlock().id("e1").url("https://example.org/statement").title("A statement"));
        var saved = admin.saveVersion(id, "en", new AdminSaveVersionRequest().basedOnRevision(0)
                .headline((String) given.get("headline")).standfirst("Written through the generated client.")
                .leadImage(new AdminLeadImageText().caption("Lead caption").credit("Photo: generated client")
                        .alt("Lead alt text"))
                .body(body));
        result.put("revision", saved.getRevision());
        var stored = admin.getAdminStory(id);
        result.put("savedTypes", stored.getVersions().get("en").getBody().stream().map(Block::getType).toList());
        try {
            admin.saveVersion(id, "en", new AdminSaveVersionRequest().basedOnRevision(0).headline("Stale").body(List.of()));
        } catch (ApiException e) {
            result.put("conflict", e.getCode() + " " + e.getResponseBody());
        }
        result.put("submitted", admin.changeStatus(id, new AdminStatusRequest().action("submit")).getStatus());
        // the publish approves the revision read above, and only that one
        result.put("published", admin.changeStatus(id, new AdminStatusRequest().action("publish")
                .revisions(java.util.Map.of("en", stored.getVersions().get("en").getRevision()))).getStatus());
        var live = content.getStory(id, "en");
        result.put("liveHeadline", live.getHeadline());
        result.put("liveTypes", live.getBody().stream().map(b -> b.getType()).toList());
        result.put("liveMarks", live.getBody().get(0) instanceof ParagraphBlockResponse paragraph
                ? paragraph.getText().getMarks().stream().map(m -> m.getType()).toList() : List.of());
        result.put("liveClasses", live.getBody().stream().map(b -> b.getClass().getSimpleName()).toList());
        // the story as a live blog: opened, an entry posted by a wire desk, read, corrected, withdrawn; ended, it takes none
        result.put("liveState", admin.setLiveBlog(id, new AdminLiveBlogRequest().state(AdminLiveBlogRequest.StateEnum.LIVE)).getState());
        var entry = admin.postLiveEntry(id, new AdminEntryRequest().language("en").author("Wire desk")
                .headline("First from the wire").keyEvent(true)
                .body(List.of(new ParagraphBlock().id("w1").text(text("The wire reports talks resumed.")))));
        admin.correctLiveEntry(id, entry.getId(), new AdminEntryRequest().language("en").author("Wire desk")
                .headline("First from the wire, corrected").keyEvent(true)
                .body(List.of(new ParagraphBlock().id("w1").text(text("The wire reports talks resumed at noon.")))));
        result.put("liveEntries", admin.listLiveEntries(id, null, 10).getItems().stream().map(e -> e.getHeadline()).toList());
        // the corrected entry translated for the Ukrainian page, and read back
        admin.translateLiveEntry(id, entry.getId(), "uk", new AdminTranslationRequest().headline("Перше зі стрічки")
                .body(List.of(new ParagraphBlock().id("w1").text(text("Агенція повідомляє, що переговори відновилися опівдні.")))));
        result.put("entryTranslation", admin.getLiveEntryTranslation(id, entry.getId(), "uk").getHeadline());
        admin.withdrawLiveEntry(id, entry.getId());
        admin.setLiveBlog(id, new AdminLiveBlogRequest().state(AdminLiveBlogRequest.StateEnum.ENDED));
        try {
            admin.postLiveEntry(id, new AdminEntryRequest().language("en").author("Wire desk")
                    .body(List.of(new ParagraphBlock().id("w2").text(text("Too late.")))));
        } catch (ApiException e) {
            result.put("liveEnded", e.getCode() + " " + e.getResponseBody());
        }
        result.put("unpublished", admin.changeStatus(id, new AdminStatusRequest().action("unpublish")).getStatus());
        try {
            content.getStory(id, "en");
        } catch (ApiException e) {
            result.put("withdrawn", e.getCode());
        }
        result.put("storyId", id);

        // the admin API's newsroom structure: sections, tags, authors and static pages
        var suffix = (String) given.get("suffix");
        var section = admin.createSection(new AdminSectionRequest().slug("client-section-" + suffix)
                .name(texts("Розділ клієнта", "Client section", "Раздел клиента")));
        admin.updateSection(section.getId(), new AdminSectionRequest().slug("client-desk-" + suffix)
                .name(texts("Розділ клієнта", "Client desk", "Раздел клиента")).hidden(true));
        result.put("sectionRenamed", admin.getSection(section.getId()).getSlug());
        result.put("sections", admin.listAdminSections().size());
        admin.deleteSection(section.getId());

        var kept = admin.createTag(new AdminTagRequest().slug("client-kept-" + suffix).name(texts("Тег", "Kept tag", "Тег")));
        var merged = admin.createTag(new AdminTagRequest().slug("client-merged-" + suffix)
                .name(texts("Злитий", "Merged tag", "Слитый")));
        admin.updateTag(merged.getId(), new AdminTagRequest().slug("client-merged-" + suffix)
                .name(texts("Злитий", "Merged tag", "Слитый")).description(texts("", "Soon merged", "")));
        result.put("keptTagId", kept.getId());
        result.put("tagMergedInto", admin.mergeTag(merged.getId(), new AdminMergeRequest().intoId(kept.getId())).getId());
        result.put("tagsFound", admin.listAdminTags("client-kept-" + suffix).size());
        admin.getTag(kept.getId());
        admin.deleteTag(kept.getId());

        var author = admin.createAuthor(new AdminAuthorRequest().slug("client-author-" + suffix)
                .name(texts("Оксана Бондар", "Oksana Bondar", "Оксана Бондарь")));
        admin.updateAuthor(author.getId(), new AdminAuthorRequest().slug("client-author-" + suffix)
                .name(texts("Оксана Бондар", "Oksana Bondar", "Оксана Бондарь")).jobTitle(texts("", "Wire editor", "")));
        result.put("authorJobTitle", admin.getAuthor(author.getId()).getJobTitle().get("en"));
        result.put("authors", admin.listAdminAuthors().size());
        admin.deleteAuthor(author.getId());

        var page = admin.createPage(new AdminPageRequest().inFooter(true).versions(Map.of("en",
                new AdminPageVersionRequest().slug("client-about-" + suffix).title("About the client")
                        .body(List.of(new ParagraphBlock().id("a1").text(text("Who we are.")))))));
        admin.updatePage(page.getId(), new AdminPageRequest().versions(Map.of("en",
                new AdminPageVersionRequest().slug("client-about-" + suffix).title("About this client")
                        .body(List.of(new ParagraphBlock().id("a1").text(text("Who we are, and why.")))))));
        result.put("pageTitle", admin.getPage(page.getId()).getVersions().get("en").getTitle());
        result.put("pages", admin.listPages().size());
        admin.deletePage(page.getId());

        // the front page and the breaking-news banner: a live story leads the English home page, a banner links to it
        var front = admin.setFrontPage("en", new AdminFrontPageRequest().slots(List.of(new AdminFrontSlot().position(1)
                .storyId(demo.getId()).until(java.time.OffsetDateTime.now().plusHours(1)))));
        result.put("frontLead", front.getSlots().get(0).getStoryId());
        result.put("frontRead", admin.getFrontPage("en").getSlots().get(0).getHeadline());
        admin.setBanner("en", new AdminBannerRequest().text("Breaking from the generated client").storyId(demo.getId())
                .expiresAt(java.time.OffsetDateTime.now().plusHours(1)));
        result.put("bannerText", admin.getBanner("en").getText());
        admin.clearBanner("en");
        admin.setFrontPage("en", new AdminFrontPageRequest().slots(List.of()));
        // the front of the demo story's own section: it leads there, then the section follows by time again
        var demoSection = demo.getSection().getSlug();
        admin.setSectionFront("en", demoSection, new AdminFrontPageRequest().slots(List.of(new AdminFrontSlot().position(1)
                .storyId(demo.getId()))));
        result.put("sectionFrontLead", admin.getSectionFront("en", demoSection).getSlots().get(0).getStoryId());
        admin.setSectionFront("en", demoSection, new AdminFrontPageRequest().slots(List.of()));
        result.put("demoId", demo.getId());
        return result;
    }
}
