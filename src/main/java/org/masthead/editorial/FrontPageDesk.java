package org.masthead.editorial;

import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.masthead.content.FrontPages;
import org.masthead.content.FrontPages.Banner;
import org.masthead.content.FrontPages.Front;
import org.masthead.content.FrontPages.Slot;
import org.masthead.identity.AuditLog;
import org.masthead.identity.NewsroomUser;
import org.masthead.identity.Role;
import org.masthead.platform.Language;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Editors arrange the fronts of each language (the home page and each section's page) and put up the breaking-news banner: who may is decided
 * here, what is valid in {@link FrontPages}, and every change readers see is in the audit log.
 */
@Service
public class FrontPageDesk {

    private final FrontPages fronts;
    private final AuditLog audit;

    FrontPageDesk(FrontPages fronts, AuditLog audit) {
        this.fronts = fronts;
        this.audit = audit;
    }

    public static boolean mayEdit(NewsroomUser user) {
        return user.has(Role.EDITOR);
    }

    /** Keeps an arrangement to preview; readers see nothing of it, so it is not audited. */
    @Transactional
    public List<Slot> saveDraft(NewsroomUser user, Front front, List<Slot> slots) {
        require(user, "front.draft");
        return fronts.saveDraft(front, slots);
    }

    @Transactional
    public List<Slot> publish(NewsroomUser user, Front front, List<Slot> slots) {
        require(user, "front.publish");
        var published = fronts.publish(front, slots, user.username());
        audit.record(user.username(), "front.publish", front.auditTarget(), describe(published));
        return published;
    }

    @Transactional
    public Banner setBanner(NewsroomUser user, Language language, String text, long storyId, Instant expiresAt) {
        require(user, "banner.set");
        var banner = fronts.setBanner(language, text, storyId, expiresAt, user.username());
        audit.record(user.username(), "banner.set", "banner:" + language.code(),
                "story " + storyId + " until " + expiresAt + ": " + banner.text());
        return banner;
    }

    @Transactional
    public boolean clearBanner(NewsroomUser user, Language language) {
        require(user, "banner.clear");
        boolean cleared = fronts.clearBanner(language, user.username());
        if (cleared) {
            audit.record(user.username(), "banner.clear", "banner:" + language.code(), "");
        }
        return cleared;
    }

    /**
     * Announces the pins and banners that ran out (see {@link FrontPages#announceExpiries}); each banner that came
     * down by itself is audited as {@code banner.expire}, in the same transaction. Returns how many fronts and
     * banners were announced.
     */
    @Transactional
    public int announceExpiries() {
        var expired = fronts.announceExpiries();
        for (var banner : expired.banners()) {
            audit.record("system", "banner.expire", "banner:" + banner.language().code(), "story " + banner.storyId()
                    + ", set by " + banner.setBy() + ", expired at " + banner.expiresAt() + ": " + banner.text());
        }
        return expired.count();
    }

    private static void require(NewsroomUser user, String action) {
        if (!mayEdit(user)) {
            throw new NotAllowed(action);
        }
    }

    static String describe(List<Slot> slots) {
        if (slots.isEmpty()) {
            return "every slot by time";
        }
        return slots.stream().map(s -> s.position() + "=story " + s.storyId() + until(s.until()))
                .collect(Collectors.joining(", "));
    }

    private static String until(@Nullable Instant until) {
        return until == null ? "" : " until " + until;
    }
}
