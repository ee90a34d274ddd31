package org.masthead.editorial;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.masthead.content.AuthorDraft;
import org.masthead.content.SectionDraft;
import org.masthead.content.Tag;
import org.masthead.content.TagDraft;
import org.masthead.content.Taxonomy;
import org.masthead.content.TaxonomyNotFound;
import org.masthead.content.TaxonomyRejected;
import org.masthead.identity.Accounts;
import org.masthead.identity.AuditLog;
import org.masthead.identity.NewsroomUser;
import org.masthead.identity.Role;
import org.masthead.media.MediaLibrary;
import org.masthead.platform.Language;
import org.masthead.platform.Localized;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Every newsroom change to sections, tags and authors goes through here, whichever way it comes (the
 * newsroom's pages, the story form, the admin API): who may is checked for each action (admins manage
 * sections; editors manage tags and authors; contributors may create tags from their story's form when
 * {@code masthead.editorial.contributors-create-tags} allows), {@link Taxonomy} checks what is valid and
 * tells everyone else through the outbox, and the audit log records it in the same transaction.
 */
@Service
public class TaxonomyDesk {

    private final Taxonomy taxonomy;
    private final Accounts accounts;
    private final MediaLibrary media;
    private final AuditLog audit;
    private final EditorialProperties properties;

    TaxonomyDesk(Taxonomy taxonomy, Accounts accounts, MediaLibrary media, AuditLog audit,
            EditorialProperties properties) {
        this.taxonomy = taxonomy;
        this.accounts = accounts;
        this.media = media;
        this.audit = audit;
        this.properties = properties;
    }

    public static boolean maySections(NewsroomUser user) {
        return user.has(Role.ADMIN);
    }

    public static boolean mayTagsAndAuthors(NewsroomUser user) {
        return user.has(Role.EDITOR);
    }

    /** Whether typing an unknown tag in a story's form creates it for this person. */
    public boolean mayCreateTagsFromStories(NewsroomUser user) {
        return user.has(Role.EDITOR) || (user.has(Role.CONTRIBUTOR) && properties.contributorsCreateTags());
    }

    // sections

    @Transactional
    public long createSection(NewsroomUser user, SectionDraft draft) {
        require(maySections(user), "section.create");
        long id = taxonomy.createSection(draft);
        var created = taxonomy.sectionDetails(id).orElseThrow();
        audit.record(user.username(), "section.create", "section " + created.slug(), names(created.name()));
        return id;
    }

    @Transactional
    public void updateSection(NewsroomUser user, long id, SectionDraft draft) {
        require(maySections(user), "section.update");
        var before = taxonomy.sectionDetails(id).orElseThrow(() -> new TaxonomyNotFound("section"));
        taxonomy.updateSection(id, draft);
        var after = taxonomy.sectionDetails(id).orElseThrow();
        var changes = new Changes();
        changes.add("slug", before.slug(), after.slug());
        changes.add("name", names(before.name()), names(after.name()));
        changes.add("description", names(before.description()), names(after.description()));
        changes.add("seo", names(before.seoTitle()) + names(before.seoDescription()),
                names(after.seoTitle()) + names(after.seoDescription()));
        changes.add("hidden", Boolean.toString(before.hidden()), Boolean.toString(after.hidden()));
        changes.add("archived", Boolean.toString(before.archived()), Boolean.toString(after.archived()));
        audit.record(user.username(), "section.update", "section " + after.slug(), changes.toString());
    }

    /** One step up ({@code -1}) or down ({@code +1}) in the navigation. */
    @Transactional
    public void moveSection(NewsroomUser user, long id, int steps) {
        require(maySections(user), "section.move");
        var section = taxonomy.sectionDetails(id).orElseThrow(() -> new TaxonomyNotFound("section"));
        taxonomy.moveSection(id, steps);
        audit.record(user.username(), "section.move", "section " + section.slug(), steps < 0 ? "up" : "down");
    }

    /** To {@code position} (1 is first) in the navigation. */
    @Transactional
    public void placeSection(NewsroomUser user, long id, int position) {
        require(maySections(user), "section.move");
        var section = taxonomy.sectionDetails(id).orElseThrow(() -> new TaxonomyNotFound("section"));
        taxonomy.placeSection(id, position);
        audit.record(user.username(), "section.move", "section " + section.slug(), "position " + position);
    }

    @Transactional
    public void deleteSection(NewsroomUser user, long id) {
        require(maySections(user), "section.delete");
        var section = taxonomy.sectionDetails(id).orElseThrow(() -> new TaxonomyNotFound("section"));
        taxonomy.deleteSection(id);
        audit.record(user.username(), "section.delete", "section " + section.slug(), names(section.name()));
    }

    // tags

    @Transactional
    public long createTag(NewsroomUser user, TagDraft draft) {
        require(mayTagsAndAuthors(user), "tag.create");
        long id = taxonomy.createTag(draft);
        var created = taxonomy.tagDetails(id).orElseThrow();
        audit.record(user.username(), "tag.create", "tag " + created.slug(), names(created.name()));
        return id;
    }

    @Transactional
    public void updateTag(NewsroomUser user, long id, TagDraft draft) {
        require(mayTagsAndAuthors(user), "tag.update");
        var before = taxonomy.tagDetails(id).orElseThrow(() -> new TaxonomyNotFound("tag"));
        taxonomy.updateTag(id, draft);
        var after = taxonomy.tagDetails(id).orElseThrow();
        var changes = new Changes();
        changes.add("slug", before.slug(), after.slug());
        changes.add("name", names(before.name()), names(after.name()));
        changes.add("description", names(before.description()), names(after.description()));
        audit.record(user.username(), "tag.update", "tag " + after.slug(), changes.toString());
    }

    /** Merges tag {@code fromId} into {@code intoId}: its stories get the other tag, its addresses redirect there. */
    @Transactional
    public void mergeTags(NewsroomUser user, long fromId, long intoId) {
        require(mayTagsAndAuthors(user), "tag.merge");
        var from = taxonomy.tagDetails(fromId).orElseThrow(() -> new TaxonomyNotFound("tag"));
        int stories = taxonomy.storiesTagged(fromId);
        taxonomy.mergeTags(fromId, intoId);
        var into = taxonomy.tagDetails(intoId).orElseThrow();
        audit.record(user.username(), "tag.merge", "tag " + from.slug(),
                "into " + into.slug() + " (" + stories + " stories)");
    }

    @Transactional
    public void deleteTag(NewsroomUser user, long id) {
        require(mayTagsAndAuthors(user), "tag.delete");
        var tag = taxonomy.tagDetails(id).orElseThrow(() -> new TaxonomyNotFound("tag"));
        int stories = taxonomy.storiesTagged(id);
        taxonomy.deleteTag(id);
        audit.record(user.username(), "tag.delete", "tag " + tag.slug(), names(tag.name()) + " (" + stories
                + " stories)");
    }

    /**
     * The tags a writer typed in a story's form, as ids, in the order typed: each name is an existing tag
     * (by slug or by its name in any language) or, if this person may create tags, a new one; an unknown
     * name for someone who may not is refused, naming it.
     */
    @Transactional
    public List<Long> tagsTyped(NewsroomUser user, List<String> typed) {
        var ids = new LinkedHashSet<Long>();
        for (var text : typed) {
            var name = text.strip();
            if (name.isEmpty()) {
                continue;
            }
            var existing = taxonomy.tagNamed(name, user.uiLanguage());
            if (existing.isPresent()) {
                ids.add(existing.get().id());
                continue;
            }
            if (!mayCreateTagsFromStories(user)) {
                throw new TaxonomyRejected("newTags", "newsroom.story.error.tag-unknown", name);
            }
            Tag created = taxonomy.tagFor(name, user.uiLanguage());
            audit.record(user.username(), "tag.create", "tag " + created.slug(), names(created.name()) + " (story form)");
            ids.add(created.id());
        }
        return new ArrayList<>(ids);
    }

    // authors

    @Transactional
    public long createAuthor(NewsroomUser user, AuthorDraft draft) {
        require(mayTagsAndAuthors(user), "author.create");
        checkLinks(draft);
        long id = taxonomy.createAuthor(draft);
        var created = taxonomy.authorDetails(id).orElseThrow().author();
        audit.record(user.username(), "author.create", "author " + created.slug(), names(created.name())
                + account(created.accountId()));
        return id;
    }

    @Transactional
    public void updateAuthor(NewsroomUser user, long id, AuthorDraft draft) {
        require(mayTagsAndAuthors(user), "author.update");
        var before = taxonomy.authorDetails(id).orElseThrow(() -> new TaxonomyNotFound("author")).author();
        if (!java.util.Objects.equals(before.accountId(), draft.accountId())) {
            checkLinks(draft);
        } else if (draft.photoMediaId() != null && media.find(draft.photoMediaId()).isEmpty()) {
            throw new TaxonomyRejected("photo", "newsroom.taxonomy.error.photo");
        }
        taxonomy.updateAuthor(id, draft);
        var after = taxonomy.authorDetails(id).orElseThrow().author();
        var changes = new Changes();
        changes.add("slug", before.slug(), after.slug());
        changes.add("name", names(before.name()), names(after.name()));
        changes.add("job", names(before.jobTitle()), names(after.jobTitle()));
        changes.add("bio", names(before.bio()), names(after.bio()));
        changes.add("photo", String.valueOf(before.photoMediaId()), String.valueOf(after.photoMediaId()));
        changes.add("links", String.join(" ", before.links()), String.join(" ", after.links()));
        changes.add("account", account(before.accountId()), account(after.accountId()));
        audit.record(user.username(), "author.update", "author " + after.slug(), changes.toString());
    }

    @Transactional
    public void deleteAuthor(NewsroomUser user, long id) {
        require(mayTagsAndAuthors(user), "author.delete");
        var author = taxonomy.authorDetails(id).orElseThrow(() -> new TaxonomyNotFound("author")).author();
        taxonomy.deleteAuthor(id);
        audit.record(user.username(), "author.delete", "author " + author.slug(), names(author.name()));
    }

    /** An author may be linked only to an active account; the photo must be in the media library. */
    private void checkLinks(AuthorDraft draft) {
        var accountId = draft.accountId();
        if (accountId != null) {
            var account = accounts.find(accountId)
                    .orElseThrow(() -> new TaxonomyRejected("account", "newsroom.taxonomy.error.account-missing"));
            if (!account.enabled()) {
                throw new TaxonomyRejected("account", "newsroom.taxonomy.error.account-disabled");
            }
        }
        if (draft.photoMediaId() != null && media.find(draft.photoMediaId()).isEmpty()) {
            throw new TaxonomyRejected("photo", "newsroom.taxonomy.error.photo");
        }
    }

    private String account(@Nullable Long accountId) {
        if (accountId == null) {
            return "";
        }
        return " account " + accounts.find(accountId).map(a -> a.username()).orElse("#" + accountId);
    }

    static String names(Localized texts) {
        var parts = new ArrayList<String>();
        for (var language : Language.all()) {
            if (!texts.in(language).isBlank()) {
                parts.add(language.code() + ": " + texts.in(language));
            }
        }
        return String.join(" / ", parts);
    }

    private static void require(boolean allowed, String action) {
        if (!allowed) {
            throw new NotAllowed(action);
        }
    }

    /** "field: before → after" for each field that changed, for the audit log. */
    static final class Changes {

        private final List<String> parts = new ArrayList<>();

        void add(String field, String before, String after) {
            if (!before.equals(after)) {
                parts.add(field + ": " + (before.isBlank() ? "—" : before) + " → " + (after.isBlank() ? "—" : after));
            }
        }

        @Override
        public String toString() {
            return parts.isEmpty() ? "no change" : String.join("; ", parts);
        }
    }
}
