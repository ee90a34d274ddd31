package org.masthead.content;

import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.masthead.content.SiteEvent.Change;
import org.masthead.content.SiteEvent.PageChanged;
import org.masthead.content.TaxonomyRepository.Kind;
import org.masthead.platform.Language;
import org.masthead.platform.outbox.Outbox;
import org.masthead.platform.text.Slugs;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Static pages: about, contacts, editorial and corrections policies, privacy and the like, one version per
 * language with the same body blocks as stories, at {@code /{lang}/{slug}}. Every change is checked here and
 * announced through the outbox in its transaction; an old slug keeps answering with a redirect. Who may
 * change pages is decided by the newsroom's desk in front of this.
 */
@Service
public class Pages {

    static final int MAX_TITLE = 300;
    static final int MAX_SUMMARY = 1000;
    static final int MAX_BLOCKS = 300;

    private final PageRepository repository;
    private final ContentRules rules;
    private final TaxonomyRepository redirects;
    private final LayoutVersion layout;
    private final Outbox outbox;
    private final Clock clock;

    Pages(PageRepository repository, ContentRules rules, TaxonomyRepository redirects, LayoutVersion layout,
            Outbox outbox, Clock clock) {
        this.repository = repository;
        this.rules = rules;
        this.redirects = redirects;
        this.layout = layout;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** Every page in footer order, whatever its state. */
    @Transactional(readOnly = true)
    public List<StaticPage> all() {
        return repository.all();
    }

    @Transactional(readOnly = true)
    public Optional<StaticPage> find(long id) {
        return repository.find(id);
    }

    /** The version readers see at {@code /{lang}/{slug}}, if it is live. */
    @Transactional(readOnly = true)
    public Optional<PageVersion> live(Language language, String slug) {
        return repository.bySlug(language, slug).filter(PageVersion::live);
    }

    /** The live version a former slug of a page in {@code language} leads to now. */
    @Transactional(readOnly = true)
    public Optional<PageVersion> former(Language language, String slug) {
        return redirects.redirect(Kind.PAGE, language.code(), slug).flatMap(repository::find)
                .map(page -> page.versions().get(language)).filter(v -> v != null && v.live());
    }

    /** The live pages the footer lists in {@code language}, in order. */
    @Transactional(readOnly = true)
    public List<FooterLink> footer(Language language) {
        return repository.footer(language);
    }

    /** The live pages in {@code language} that structured data names (publishing principles, corrections policy…). */
    @Transactional(readOnly = true)
    public List<FooterLink> withPurpose(Language language) {
        return repository.withPurpose(language);
    }

    /** Opens a page with its first language version. */
    @Transactional
    public long create(PageSettings settings, PageDraft first, String by) {
        checkPurpose(settings.purpose(), 0);
        var draft = checked(first, 0, null);
        long id = repository.insert(settings, repository.nextPosition(), by, clock.instant());
        repository.saveVersion(id, draft, by, clock.instant());
        redirects.dropRedirect(Kind.PAGE, draft.language().code(), draft.slug());
        layout.moved();
        outbox.append(new PageChanged(id, Change.CREATED, EnumSet.of(draft.language()),
                draft.live() && (settings.inFooter() || settings.purpose() != PagePurpose.NONE)));
        return id;
    }

    /**
     * Writes one language version of a page (a new one or a change); a new slug keeps the old address
     * answering with a redirect.
     */
    @Transactional
    public void save(long pageId, PageDraft draft, String by) {
        var page = repository.find(pageId).orElseThrow(() -> new TaxonomyNotFound("page"));
        var current = page.versions().get(draft.language());
        var checked = checked(draft, pageId, current);
        repository.saveVersion(pageId, checked, by, clock.instant());
        if (current != null && !current.slug().equals(checked.slug())) {
            redirects.addRedirect(Kind.PAGE, draft.language().code(), current.slug(), pageId, clock.instant());
        }
        redirects.dropRedirect(Kind.PAGE, draft.language().code(), checked.slug());
        boolean shown = page.inFooter() || page.purpose() != PagePurpose.NONE;
        boolean outside = current == null ? checked.live()
                : current.live() != checked.live() || (checked.live() && (!current.title().equals(checked.title())
                        || !current.slug().equals(checked.slug())));
        layout.moved();
        outbox.append(new PageChanged(pageId, current == null ? Change.CREATED : Change.UPDATED,
                EnumSet.of(draft.language()), shown && outside));
    }

    /** Takes one language version away; the page keeps its other languages. */
    @Transactional
    public void removeVersion(long pageId, Language language) {
        var page = repository.find(pageId).orElseThrow(() -> new TaxonomyNotFound("page"));
        var version = page.versions().get(language);
        if (version == null) {
            return;
        }
        repository.removeVersion(pageId, language);
        layout.moved();
        outbox.append(new PageChanged(pageId, Change.UPDATED, EnumSet.of(language), version.live()));
    }

    @Transactional
    public void updateSettings(long pageId, PageSettings settings) {
        var page = repository.find(pageId).orElseThrow(() -> new TaxonomyNotFound("page"));
        checkPurpose(settings.purpose(), pageId);
        repository.updateSettings(pageId, settings);
        layout.moved();
        outbox.append(new PageChanged(pageId, Change.UPDATED, page.versions().keySet(),
                page.inFooter() != settings.inFooter() || page.purpose() != settings.purpose()));
    }

    /** Moves a page to {@code position} (1 is first) among the footer's pages. */
    @Transactional
    public void place(long pageId, int position) {
        var order = new ArrayList<>(repository.all());
        var moving = order.stream().filter(p -> p.id() == pageId).findFirst()
                .orElseThrow(() -> new TaxonomyNotFound("page"));
        order.remove(moving);
        order.add(Math.max(0, Math.min(order.size(), position - 1)), moving);
        for (int i = 0; i < order.size(); i++) {
            if (order.get(i).position() != i + 1) {
                repository.setPosition(order.get(i).id(), i + 1);
            }
        }
        layout.moved();
        outbox.append(new PageChanged(pageId, Change.UPDATED, moving.versions().keySet(), moving.inFooter()));
    }

    /** One step up ({@code -1}) or down ({@code +1}) in the footer. */
    @Transactional
    public void move(long pageId, int steps) {
        var order = repository.all();
        for (int i = 0; i < order.size(); i++) {
            if (order.get(i).id() == pageId) {
                place(pageId, i + 1 + steps);
                return;
            }
        }
        throw new TaxonomyNotFound("page");
    }

    @Transactional
    public void delete(long pageId) {
        var page = repository.find(pageId).orElseThrow(() -> new TaxonomyNotFound("page"));
        redirects.dropRedirectsTo(Kind.PAGE, pageId);
        repository.delete(pageId);
        boolean wasShown = page.versions().values().stream().anyMatch(PageVersion::live);
        layout.moved();
        outbox.append(new PageChanged(pageId, Change.DELETED, page.versions().isEmpty()
                ? EnumSet.allOf(Language.class) : EnumSet.copyOf(page.versions().keySet()), wasShown));
    }

    private void checkPurpose(PagePurpose purpose, long pageId) {
        if (purpose == PagePurpose.NONE) {
            return;
        }
        var holder = repository.purposeTakenBy(purpose);
        if (holder.isPresent() && holder.get() != pageId) {
            var title = repository.find(holder.get()).map(p -> p.title(Language.EN)).orElse("");
            throw new TaxonomyRejected("purpose", "newsroom.page.error.purpose-taken", title);
        }
    }

    private PageDraft checked(PageDraft draft, long pageId, @Nullable PageVersion current) {
        var title = CleanText.line(draft.title()).strip().replaceAll("\\s+", " ");
        if (title.isEmpty()) {
            throw new TaxonomyRejected("title", "newsroom.page.error.title");
        }
        if (title.length() > MAX_TITLE) {
            throw new TaxonomyRejected("title", "newsroom.taxonomy.error.too-long", Integer.toString(MAX_TITLE));
        }
        var summary = bounded(draft.summary(), "summary", MAX_SUMMARY);
        var seoTitle = bounded(draft.seoTitle(), "seoTitle", MAX_TITLE);
        var seoDescription = bounded(draft.seoDescription(), "seoDescription", MAX_SUMMARY);
        if (draft.body().size() > MAX_BLOCKS) {
            throw new TaxonomyRejected("body", "newsroom.taxonomy.error.too-long", Integer.toString(MAX_BLOCKS));
        }
        if (draft.live() && draft.body().isEmpty()) {
            throw new TaxonomyRejected("body", "newsroom.page.error.empty");
        }
        // the body rules of stories: texts cleaned, marks and links checked (InvalidContent names the field)
        var body = rules.body("body", draft.body(), ContentRules.Completeness.COMPLETE);
        var typed = draft.slug().strip();
        String slug;
        if (typed.isEmpty()) {
            slug = current != null ? current.slug() : free(Slugs.of(title, draft.language()), draft.language(), pageId);
        } else {
            Taxonomy.requireSlug(typed, "slug", true);
            if (repository.slugTaken(draft.language(), typed, pageId)) {
                throw new TaxonomyRejected("slug", "newsroom.page.error.slug-taken", typed);
            }
            slug = typed;
        }
        if (repository.sectionSlugTaken(slug)) {
            throw new TaxonomyRejected("slug", "newsroom.page.error.slug-section", slug);
        }
        return new PageDraft(draft.language(), slug, title, summary, seoTitle, seoDescription, body, draft.live());
    }

    private String free(String base, Language language, long pageId) {
        var start = ReservedPaths.isReserved(base) ? base + "-page" : base;
        var slug = start;
        for (int n = 2; repository.slugTaken(language, slug, pageId) || repository.sectionSlugTaken(slug); n++) {
            slug = start + "-" + n;
        }
        return slug;
    }

    private static String bounded(String text, String field, int max) {
        var clean = CleanText.line(Objects.requireNonNullElse(text, "")).strip();
        if (clean.length() > max) {
            throw new TaxonomyRejected(field, "newsroom.taxonomy.error.too-long", Integer.toString(max));
        }
        return clean;
    }
}
