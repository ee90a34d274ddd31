package org.masthead.content;

import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;
import org.masthead.content.SiteEvent.AuthorChanged;
import org.masthead.content.SiteEvent.Change;
import org.masthead.content.SiteEvent.SectionChanged;
import org.masthead.content.SiteEvent.TagChanged;
import org.masthead.content.SiteEvent.TagsMerged;
import org.masthead.content.TaxonomyRepository.Kind;
import org.masthead.platform.Language;
import org.masthead.platform.Localized;
import org.masthead.platform.outbox.Outbox;
import org.masthead.platform.text.Slugs;
import org.masthead.platform.text.Spellings;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sections, tags and authors: the ways readers browse stories. Every change is checked here (slugs,
 * names, what may be deleted) and announced through the outbox in its own transaction, so that pages,
 * the search index, feeds, the API and webhooks follow it; an old slug keeps answering with a redirect.
 * Who may change what is decided by the newsroom's desk in front of this.
 */
@Service
public class Taxonomy {

    static final int MAX_NAME = 120;
    static final int MAX_DESCRIPTION = 2000;
    static final int MAX_SEO_TITLE = 300;
    static final int MAX_SEO_DESCRIPTION = 1000;
    static final int MAX_BIO = 4000;
    static final int MAX_LINKS = 10;
    static final int MAX_LINK = 500;

    private final TaxonomyRepository repository;
    private final LayoutVersion layout;
    private final Outbox outbox;
    private final Clock clock;

    Taxonomy(TaxonomyRepository repository, LayoutVersion layout, Outbox outbox, Clock clock) {
        this.repository = repository;
        this.layout = layout;
        this.outbox = outbox;
        this.clock = clock;
    }

    // reading

    /** Every section in navigation order, hidden and archived ones included. */
    @Transactional(readOnly = true)
    public List<Section> sections() {
        return repository.sections();
    }

    /** The sections readers see in the navigation, in order. */
    @Transactional(readOnly = true)
    public List<Section> navigation() {
        return repository.navigation();
    }

    @Transactional(readOnly = true)
    public List<SectionDetails> sectionDetails() {
        return repository.sectionDetails();
    }

    @Transactional(readOnly = true)
    public Optional<SectionDetails> sectionDetails(long id) {
        return repository.sectionDetails(id);
    }

    /** How many stories, in any status, each section holds (sections without any are left out). */
    @Transactional(readOnly = true)
    public Map<Long, Integer> storiesPerSection() {
        return repository.storiesPerSection();
    }

    @Transactional(readOnly = true)
    public int storiesInSection(long sectionId) {
        return repository.storiesInSection(sectionId);
    }

    /** How many stories, in any status, carry each tag (tags on none are left out). */
    @Transactional(readOnly = true)
    public Map<Long, Integer> storiesPerTag() {
        return repository.storiesPerTag();
    }

    @Transactional(readOnly = true)
    public int storiesTagged(long tagId) {
        return repository.storiesTagged(tagId).size();
    }

    /** Sections a story may be filed in: all but the archived ones. */
    @Transactional(readOnly = true)
    public List<Section> openSections() {
        return repository.sectionDetails().stream().filter(s -> !s.archived()).map(SectionDetails::section).toList();
    }

    @Transactional(readOnly = true)
    public Optional<Section> section(String slug) {
        return repository.section(slug);
    }

    @Transactional(readOnly = true)
    public Optional<SectionDetails> sectionDetails(String slug) {
        return repository.sectionDetails(slug);
    }

    /** The section a former slug of a section leads to now. */
    @Transactional(readOnly = true)
    public Optional<Section> formerSection(String slug) {
        return repository.redirect(Kind.SECTION, "", slug).flatMap(repository::sectionDetails)
                .map(SectionDetails::section);
    }

    @Transactional(readOnly = true)
    public List<Tag> tags() {
        return repository.tags();
    }

    @Transactional(readOnly = true)
    public List<Tag> tags(List<Long> ids) {
        return repository.tags(ids);
    }

    /** Tags whose slug or name in any language contains {@code text} (all when blank), by slug. */
    @Transactional(readOnly = true)
    public List<TagDetails> findTags(String text) {
        var wanted = TaxonomyRepository.fold(text.strip());
        Predicate<TagDetails> matches = tag -> wanted.isEmpty() || tag.slug().contains(wanted)
                || Language.all().stream().anyMatch(l -> TaxonomyRepository.fold(tag.name().in(l)).contains(wanted));
        return repository.tagDetails().stream().filter(matches).toList();
    }

    @Transactional(readOnly = true)
    public Optional<TagDetails> tagDetails(long id) {
        return repository.tagDetails(id);
    }

    @Transactional(readOnly = true)
    public Optional<TagDetails> tagDetails(String slug) {
        return repository.tagDetails(slug);
    }

    @Transactional(readOnly = true)
    public Optional<Tag> tag(String slug) {
        return repository.tag(slug);
    }

    /** The tag a former slug (renamed, or merged into another) leads to now. */
    @Transactional(readOnly = true)
    public Optional<Tag> formerTag(String slug) {
        return repository.redirect(Kind.TAG, "", slug).flatMap(repository::tagDetails).map(TagDetails::tag);
    }

    /**
     * The tag a writer means by {@code typed}: its slug, or its name in any language (compared without
     * regard to case), preferring a name in {@code language}.
     */
    @Transactional(readOnly = true)
    public Optional<Tag> tagNamed(String typed, Language language) {
        var text = typed.strip();
        if (text.isEmpty()) {
            return Optional.empty();
        }
        var bySlug = repository.tag(text.toLowerCase(Locale.ROOT));
        if (bySlug.isPresent()) {
            return bySlug;
        }
        var order = new ArrayList<Language>();
        order.add(language);
        Language.all().stream().filter(l -> l != language).forEach(order::add);
        for (var candidate : order) {
            var ids = repository.named(Kind.TAG, candidate, text);
            if (!ids.isEmpty()) {
                return repository.tagDetails(ids.getFirst()).map(TagDetails::tag);
            }
        }
        return Optional.empty();
    }

    @Transactional(readOnly = true)
    public List<Author> authors() {
        return repository.authors();
    }

    @Transactional(readOnly = true)
    public List<AuthorDetails> authorDetails() {
        return repository.authorDetails();
    }

    @Transactional(readOnly = true)
    public Optional<AuthorDetails> authorDetails(long id) {
        return repository.authorDetails(id);
    }

    @Transactional(readOnly = true)
    public Optional<Author> author(String slug) {
        return repository.author(slug);
    }

    @Transactional(readOnly = true)
    public Optional<Author> formerAuthor(String slug) {
        return repository.redirect(Kind.AUTHOR, "", slug).flatMap(repository::authorDetails).map(AuthorDetails::author);
    }

    /** The byline of a newsroom account, if an author profile is linked to it. */
    @Transactional(readOnly = true)
    public Optional<Author> authorOfAccount(long accountId) {
        return repository.authorOfAccount(accountId);
    }

    // sections

    @Transactional
    public long addSection(String slug, Localized name) {
        return createSection(SectionDraft.named(slug, name));
    }

    @Transactional
    public long createSection(SectionDraft draft) {
        var section = checked(draft, null);
        long id = repository.insertSection(section, repository.nextSectionPosition());
        repository.dropRedirect(Kind.SECTION, "", section.slug());
        layout.moved();
        outbox.append(new SectionChanged(id, Change.CREATED, section.slug(), section.slug()));
        return id;
    }

    /** Changes a section; a new slug keeps the old addresses answering with a redirect. */
    @Transactional
    public void updateSection(long id, SectionDraft draft) {
        var current = repository.sectionDetails(id).orElseThrow(() -> missing("section"));
        var section = checked(draft, current);
        repository.updateSection(id, section);
        if (!section.slug().equals(current.slug())) {
            repository.addRedirect(Kind.SECTION, "", current.slug(), id, clock.instant());
            repository.dropRedirect(Kind.SECTION, "", section.slug());
        }
        layout.moved();
        outbox.append(new SectionChanged(id, Change.UPDATED, section.slug(), current.slug()));
    }

    /** Moves a section to {@code position} (1 is first) in the navigation; the others close up around it. */
    @Transactional
    public void placeSection(long id, int position) {
        var order = new ArrayList<>(repository.sectionDetails());
        var moving = order.stream().filter(s -> s.id() == id).findFirst().orElseThrow(() -> missing("section"));
        order.remove(moving);
        order.add(Math.max(0, Math.min(order.size(), position - 1)), moving);
        for (int i = 0; i < order.size(); i++) {
            if (order.get(i).position() != i + 1) {
                repository.setPosition(order.get(i).id(), i + 1);
            }
        }
        layout.moved();
        outbox.append(new SectionChanged(id, Change.UPDATED, moving.slug(), moving.slug()));
    }

    /** One step up ({@code -1}) or down ({@code +1}) in the navigation. */
    @Transactional
    public void moveSection(long id, int steps) {
        var order = repository.sectionDetails();
        for (int i = 0; i < order.size(); i++) {
            if (order.get(i).id() == id) {
                placeSection(id, i + 1 + steps);
                return;
            }
        }
        throw missing("section");
    }

    /** Deletes an empty section; one that still holds stories, or the last one, is refused. */
    @Transactional
    public void deleteSection(long id) {
        var section = repository.sectionDetails(id).orElseThrow(() -> missing("section"));
        int stories = repository.storiesInSection(id);
        if (stories > 0) {
            throw new TaxonomyRejected("section", "newsroom.taxonomy.error.section-has-stories",
                    Integer.toString(stories));
        }
        if (repository.sectionCount() <= 1) {
            throw new TaxonomyRejected("section", "newsroom.taxonomy.error.last-section");
        }
        repository.dropRedirectsTo(Kind.SECTION, id);
        repository.deleteSection(id);
        layout.moved();
        outbox.append(new SectionChanged(id, Change.DELETED, section.slug(), section.slug()));
    }

    private SectionDraft checked(SectionDraft draft, @Nullable SectionDetails current) {
        var name = names(draft.name(), "name", MAX_NAME);
        for (var language : Language.all()) {
            var others = repository.named(Kind.SECTION, language, name.in(language)).stream()
                    .filter(other -> current == null || other != current.id()).toList();
            if (!others.isEmpty()) {
                throw new TaxonomyRejected("name." + language.code(), "newsroom.taxonomy.error.name-taken",
                        name.in(language));
            }
        }
        var slug = slug(draft.slug(), name, Kind.SECTION, current == null ? null : current.slug());
        if (repository.pageSlugTaken(slug)) {
            throw new TaxonomyRejected("slug", "newsroom.taxonomy.error.slug-page", slug);
        }
        return new SectionDraft(slug, name, texts(draft.description(), "description", MAX_DESCRIPTION),
                texts(draft.seoTitle(), "seoTitle", MAX_SEO_TITLE),
                texts(draft.seoDescription(), "seoDescription", MAX_SEO_DESCRIPTION), draft.hidden(), draft.archived());
    }

    // tags

    @Transactional
    public long addTag(String slug, Localized name) {
        return createTag(TagDraft.named(slug, name));
    }

    @Transactional
    public long createTag(TagDraft draft) {
        var tag = checked(draft, null);
        long id = repository.insertTag(tag);
        repository.dropRedirect(Kind.TAG, "", tag.slug());
        outbox.append(new TagChanged(id, Change.CREATED, tag.slug(), tag.slug(), true, List.of()));
        return id;
    }

    /**
     * A tag typed as one name in the story form: found by its slug or any of its names, otherwise created
     * with that name in every language (to be translated later) and a slug transliterated from it.
     */
    @Transactional
    public Tag tagFor(String typed, Language writerLanguage) {
        var found = tagNamed(typed, writerLanguage);
        if (found.isPresent()) {
            return found.get();
        }
        var name = CleanText.line(typed).strip().replaceAll("\\s+", " ");
        var language = Spellings.languageOf(name, writerLanguage);
        var base = Slugs.isValid(name.toLowerCase(Locale.ROOT)) ? name.toLowerCase(Locale.ROOT) : Slugs.of(name, language);
        var slug = free(base, Kind.TAG);
        try {
            long id = createTag(new TagDraft(slug, Localized.same(name), Localized.EMPTY));
            return repository.tagDetails(id).orElseThrow().tag();
        } catch (TaxonomyRejected rejected) {
            throw new TaxonomyRejected("newTags", rejected.messageKey(),
                    rejected.arguments().isEmpty() ? new String[] {name} : rejected.arguments().toArray(String[]::new));
        }
    }

    @Transactional
    public void updateTag(long id, TagDraft draft) {
        var current = repository.tagDetails(id).orElseThrow(() -> missing("tag"));
        var tag = checked(draft, current.id());
        repository.updateTag(id, tag);
        if (!tag.slug().equals(current.slug())) {
            repository.addRedirect(Kind.TAG, "", current.slug(), id, clock.instant());
            repository.dropRedirect(Kind.TAG, "", tag.slug());
        }
        outbox.append(new TagChanged(id, Change.UPDATED, tag.slug(), current.slug(),
                !tag.slug().equals(current.slug()) || !tag.name().equals(current.name()), List.of()));
    }

    /**
     * Moves every story of tag {@code fromId} to tag {@code intoId} and removes the first; its page and
     * feeds (and any of its own old slugs) answer with a redirect to the surviving tag.
     */
    @Transactional
    public void mergeTags(long fromId, long intoId) {
        if (fromId == intoId) {
            throw new TaxonomyRejected("into", "newsroom.taxonomy.error.merge-self");
        }
        var from = repository.tagDetails(fromId).orElseThrow(() -> missing("tag"));
        var into = repository.tagDetails(intoId)
                .orElseThrow(() -> new TaxonomyRejected("into", "newsroom.taxonomy.error.merge-missing"));
        var storyIds = repository.storiesTagged(fromId);
        repository.mergeTag(fromId, intoId);
        repository.retargetRedirects(Kind.TAG, fromId, intoId);
        repository.addRedirect(Kind.TAG, "", from.slug(), intoId, clock.instant());
        outbox.append(new TagsMerged(fromId, from.slug(), intoId, into.slug(), storyIds));
    }

    /** Removes a tag from its stories and deletes it. */
    @Transactional
    public void deleteTag(long id) {
        var tag = repository.tagDetails(id).orElseThrow(() -> missing("tag"));
        var storyIds = repository.storiesTagged(id);
        repository.dropRedirectsTo(Kind.TAG, id);
        repository.deleteTag(id);
        outbox.append(new TagChanged(id, Change.DELETED, tag.slug(), tag.slug(), true, storyIds));
    }

    private TagDraft checked(TagDraft draft, @Nullable Long currentId) {
        var name = names(draft.name(), "name", MAX_NAME);
        for (var language : Language.all()) {
            var others = repository.named(Kind.TAG, language, name.in(language)).stream()
                    .filter(other -> currentId == null || other.longValue() != currentId).toList();
            if (!others.isEmpty()) {
                throw new TaxonomyRejected("name." + language.code(), "newsroom.taxonomy.error.name-taken",
                        name.in(language));
            }
        }
        var current = currentId == null ? null : repository.tagDetails(currentId).map(TagDetails::slug).orElse(null);
        var slug = slug(draft.slug(), name, Kind.TAG, current);
        return new TagDraft(slug, name, texts(draft.description(), "description", MAX_DESCRIPTION));
    }

    // authors

    @Transactional
    public long addAuthor(String slug, Localized name, Localized bio) {
        return createAuthor(AuthorDraft.named(slug, name, bio));
    }

    @Transactional
    public long createAuthor(AuthorDraft draft) {
        var author = checked(draft, null);
        long id = repository.insertAuthor(author);
        repository.dropRedirect(Kind.AUTHOR, "", author.slug());
        outbox.append(new AuthorChanged(id, Change.CREATED, author.slug(), author.slug(), true));
        return id;
    }

    @Transactional
    public void updateAuthor(long id, AuthorDraft draft) {
        var current = repository.authorDetails(id).orElseThrow(() -> missing("author")).author();
        var author = checked(draft, current);
        repository.updateAuthor(id, author);
        if (!author.slug().equals(current.slug())) {
            repository.addRedirect(Kind.AUTHOR, "", current.slug(), id, clock.instant());
            repository.dropRedirect(Kind.AUTHOR, "", author.slug());
        }
        outbox.append(new AuthorChanged(id, Change.UPDATED, author.slug(), current.slug(),
                !author.slug().equals(current.slug()) || !author.name().equals(current.name())));
    }

    /** Deletes an author whose byline no story carries. */
    @Transactional
    public void deleteAuthor(long id) {
        var author = repository.authorDetails(id).orElseThrow(() -> missing("author"));
        if (author.stories() > 0) {
            throw new TaxonomyRejected("author", "newsroom.taxonomy.error.author-has-stories",
                    Integer.toString(author.stories()));
        }
        repository.dropRedirectsTo(Kind.AUTHOR, id);
        repository.deleteAuthor(id);
        outbox.append(new AuthorChanged(id, Change.DELETED, author.author().slug(), author.author().slug(), true));
    }

    private AuthorDraft checked(AuthorDraft draft, @Nullable Author current) {
        var name = names(draft.name(), "name", MAX_NAME);
        for (var language : Language.all()) {
            var others = repository.named(Kind.AUTHOR, language, name.in(language)).stream()
                    .filter(other -> current == null || other != current.id()).toList();
            if (!others.isEmpty()) {
                throw new TaxonomyRejected("name." + language.code(), "newsroom.taxonomy.error.name-taken",
                        name.in(language));
            }
        }
        var slug = slug(draft.slug(), name, Kind.AUTHOR, current == null ? null : current.slug());
        var links = new ArrayList<String>();
        for (var link : draft.links()) {
            var address = link.strip();
            if (address.isEmpty()) {
                continue;
            }
            if (address.length() > MAX_LINK || !webAddress(address)) {
                throw new TaxonomyRejected("links", "newsroom.taxonomy.error.link", address);
            }
            if (!links.contains(address)) {
                links.add(address);
            }
        }
        if (links.size() > MAX_LINKS) {
            throw new TaxonomyRejected("links", "newsroom.taxonomy.error.links-too-many", Integer.toString(MAX_LINKS));
        }
        var account = draft.accountId();
        if (account != null) {
            var holder = repository.authorOfAccount(account);
            if (holder.isPresent() && (current == null || holder.get().id() != current.id())) {
                throw new TaxonomyRejected("account", "newsroom.taxonomy.error.account-taken", holder.get().name().en());
            }
        }
        return new AuthorDraft(slug, name, texts(draft.bio(), "bio", MAX_BIO), texts(draft.jobTitle(), "jobTitle", MAX_NAME),
                draft.photoMediaId(), links, account);
    }

    // shared checks

    /**
     * The slug to use: the one typed, checked, or when none was typed one made from the name (English
     * first) and made unique with a number. {@code current} is the thing's own slug, which it may keep.
     */
    private String slug(String typed, Localized name, Kind kind, @Nullable String current) {
        var slug = typed.strip();
        if (slug.isEmpty()) {
            if (current != null) {
                return current;
            }
            var source = !name.en().isBlank() ? Language.EN : Language.UK;
            var made = Slugs.of(name.in(source), source);
            if (kind == Kind.SECTION && ReservedPaths.isReserved(made)) {
                made = made + "-" + kind.name().toLowerCase(Locale.ROOT);
            }
            return free(made, kind);
        }
        requireSlug(slug, "slug", kind == Kind.SECTION);
        if (!slug.equals(current) && repository.slugTaken(kind, slug)) {
            throw new TaxonomyRejected("slug", "newsroom.taxonomy.error.slug-taken", slug);
        }
        return slug;
    }

    /** {@code base}, or {@code base-2}, {@code base-3}… whichever no row of {@code kind} has yet. */
    private String free(String base, Kind kind) {
        var slug = base;
        for (int n = 2; repository.slugTaken(kind, slug) || (kind == Kind.SECTION && repository.pageSlugTaken(slug)); n++) {
            slug = base + "-" + n;
        }
        return slug;
    }

    /**
     * A hand-written slug: Latin letters, digits and single hyphens; one that follows the language in an
     * address ({@code /en/world/}, {@code /en/about}) must not be a word the site's own addresses use.
     */
    static void requireSlug(String slug, String field, boolean firstInPath) {
        if (!Slugs.isValid(slug)) {
            var cyrillic = slug.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.CYRILLIC);
            if (cyrillic) {
                var language = Spellings.languageOf(slug, Language.UK);
                throw new TaxonomyRejected(field, "newsroom.taxonomy.error.slug-cyrillic", Slugs.of(slug, language));
            }
            throw new TaxonomyRejected(field, "newsroom.taxonomy.error.slug");
        }
        if (firstInPath && ReservedPaths.isReserved(slug)) {
            throw new TaxonomyRejected(field, "newsroom.taxonomy.error.slug-reserved", slug);
        }
    }

    /** Names in all three languages, each present and bounded; whitespace runs become one space. */
    static Localized names(Localized name, String field, int max) {
        var clean = name.map(text -> CleanText.line(text).strip().replaceAll("\\s+", " "));
        for (var language : Language.all()) {
            var text = clean.in(language);
            if (text.isEmpty()) {
                throw new TaxonomyRejected(field + "." + language.code(), "newsroom.taxonomy.error.name-required");
            }
            if (text.length() > max) {
                throw new TaxonomyRejected(field + "." + language.code(), "newsroom.taxonomy.error.too-long",
                        Integer.toString(max));
            }
        }
        return clean;
    }

    /** Optional texts, bounded. */
    static Localized texts(Localized texts, String field, int max) {
        var clean = texts.map(text -> CleanText.lines(text).strip());
        for (var language : Language.all()) {
            if (clean.in(language).length() > max) {
                throw new TaxonomyRejected(field + "." + language.code(), "newsroom.taxonomy.error.too-long",
                        Integer.toString(max));
            }
        }
        return clean;
    }

    static boolean webAddress(String text) {
        try {
            var uri = URI.create(text);
            var scheme = String.valueOf(uri.getScheme()).toLowerCase(Locale.ROOT);
            return uri.getHost() != null && (scheme.equals("https") || scheme.equals("http"));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static TaxonomyNotFound missing(String kind) {
        return new TaxonomyNotFound(kind);
    }
}
