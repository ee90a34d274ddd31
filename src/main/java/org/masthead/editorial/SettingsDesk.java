package org.masthead.editorial;

import org.masthead.content.Publication;
import org.masthead.content.PublicationDraft;
import org.masthead.content.PublicationSettings;
import org.masthead.content.TaxonomyRejected;
import org.masthead.identity.AuditLog;
import org.masthead.identity.NewsroomUser;
import org.masthead.identity.Role;
import org.masthead.media.MediaLibrary;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The publication's settings (name, logo, default language, time zone, social profiles): admins only, audited. */
@Service
public class SettingsDesk {

    private final PublicationSettings settings;
    private final MediaLibrary media;
    private final AuditLog audit;

    SettingsDesk(PublicationSettings settings, MediaLibrary media, AuditLog audit) {
        this.settings = settings;
        this.media = media;
        this.audit = audit;
    }

    public static boolean mayEdit(NewsroomUser user) {
        return user.has(Role.ADMIN);
    }

    @Transactional
    public Publication update(NewsroomUser user, PublicationDraft draft) {
        if (!mayEdit(user)) {
            throw new NotAllowed("settings.update");
        }
        if (draft.logoMediaId() != null && media.find(draft.logoMediaId()).isEmpty()) {
            throw new TaxonomyRejected("logo", "newsroom.settings.error.logo");
        }
        var before = settings.current();
        var after = settings.update(draft, user.username());
        var changes = new TaxonomyDesk.Changes();
        changes.add("name", before.named() ? TaxonomyDesk.names(before.name()) : "", TaxonomyDesk.names(after.name()));
        changes.add("logo", String.valueOf(before.logoMediaId()), String.valueOf(after.logoMediaId()));
        changes.add("language", before.defaultLanguage().code(), after.defaultLanguage().code());
        changes.add("time zone", before.timeZone().getId(), after.timeZone().getId());
        changes.add("profiles", String.join(" ", before.socialLinks()), String.join(" ", after.socialLinks()));
        audit.record(user.username(), "settings.update", "publication", changes.toString());
        return after;
    }
}
