package org.masthead.editorial;

import org.masthead.content.PageDraft;
import org.masthead.content.PageSettings;
import org.masthead.content.Pages;
import org.masthead.content.TaxonomyNotFound;
import org.masthead.identity.AuditLog;
import org.masthead.identity.NewsroomUser;
import org.masthead.identity.Role;
import org.masthead.platform.Language;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Every change to the static pages (about, contacts, policies) goes through here: admins only, checked
 * and announced by {@link Pages}, recorded in the audit log in the same transaction.
 */
@Service
public class PageDesk {

    private final Pages pages;
    private final AuditLog audit;

    PageDesk(Pages pages, AuditLog audit) {
        this.pages = pages;
        this.audit = audit;
    }

    public static boolean mayEdit(NewsroomUser user) {
        return user.has(Role.ADMIN);
    }

    @Transactional
    public long create(NewsroomUser user, PageSettings settings, PageDraft first) {
        require(user, "page.create");
        long id = pages.create(settings, first, user.username());
        var page = pages.find(id).orElseThrow();
        audit.record(user.username(), "page.create", subject(id, first.language()), page.title(first.language())
                + (first.live() ? " (live)" : " (draft)"));
        return id;
    }

    @Transactional
    public void save(NewsroomUser user, long pageId, PageDraft draft) {
        require(user, "page.save");
        var before = pages.find(pageId).orElseThrow(() -> new TaxonomyNotFound("page")).versions().get(draft.language());
        pages.save(pageId, draft, user.username());
        var after = pages.find(pageId).orElseThrow().versions().get(draft.language());
        var changes = new TaxonomyDesk.Changes();
        changes.add("title", before == null ? "" : before.title(), after.title());
        changes.add("slug", before == null ? "" : before.slug(), after.slug());
        changes.add("live", before == null ? "" : Boolean.toString(before.live()), Boolean.toString(after.live()));
        if (before != null && !before.body().equals(after.body())) {
            changes.add("body", "", after.body().size() + " blocks");
        }
        audit.record(user.username(), "page.save", subject(pageId, draft.language()), changes.toString());
    }

    @Transactional
    public void removeVersion(NewsroomUser user, long pageId, Language language) {
        require(user, "page.remove-version");
        pages.find(pageId).orElseThrow(() -> new TaxonomyNotFound("page"));
        pages.removeVersion(pageId, language);
        audit.record(user.username(), "page.remove-version", subject(pageId, language), "");
    }

    @Transactional
    public void updateSettings(NewsroomUser user, long pageId, PageSettings settings) {
        require(user, "page.settings");
        var before = pages.find(pageId).orElseThrow(() -> new TaxonomyNotFound("page"));
        pages.updateSettings(pageId, settings);
        var changes = new TaxonomyDesk.Changes();
        changes.add("footer", Boolean.toString(before.inFooter()), Boolean.toString(settings.inFooter()));
        changes.add("purpose", before.purpose().key(), settings.purpose().key());
        audit.record(user.username(), "page.settings", "page " + pageId, changes.toString());
    }

    @Transactional
    public void move(NewsroomUser user, long pageId, int steps) {
        require(user, "page.move");
        pages.move(pageId, steps);
        audit.record(user.username(), "page.move", "page " + pageId, steps < 0 ? "up" : "down");
    }

    @Transactional
    public void delete(NewsroomUser user, long pageId) {
        require(user, "page.delete");
        var page = pages.find(pageId).orElseThrow(() -> new TaxonomyNotFound("page"));
        pages.delete(pageId);
        audit.record(user.username(), "page.delete", "page " + pageId, page.title(Language.EN));
    }

    private static void require(NewsroomUser user, String action) {
        if (!mayEdit(user)) {
            throw new NotAllowed(action);
        }
    }

    private static String subject(long pageId, Language language) {
        return "page " + pageId + " (" + language.code() + ")";
    }
}
