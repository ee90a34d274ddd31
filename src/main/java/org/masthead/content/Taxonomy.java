package org.masthead.content;

import java.util.List;
import java.util.Optional;
import org.masthead.platform.Localized;
import org.masthead.platform.text.Slugs;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Sections, tags and authors: the ways readers browse stories. */
@Service
public class Taxonomy {

    private final TaxonomyRepository repository;

    Taxonomy(TaxonomyRepository repository) {
        this.repository = repository;
    }

    @Transactional(readOnly = true)
    public List<Section> sections() {
        return repository.sections();
    }

    @Transactional(readOnly = true)
    public List<Tag> tags() {
        return repository.tags();
    }

    @Transactional(readOnly = true)
    public List<Author> authors() {
        return repository.authors();
    }

    @Transactional(readOnly = true)
    public Optional<Section> section(String slug) {
        return repository.section(slug);
    }

    @Transactional(readOnly = true)
    public Optional<Tag> tag(String slug) {
        return repository.tag(slug);
    }

    @Transactional(readOnly = true)
    public Optional<Author> author(String slug) {
        return repository.author(slug);
    }

    @Transactional
    public long addSection(String slug, Localized name) {
        requireSlug(slug);
        if (ReservedPaths.isReserved(slug)) {
            throw new IllegalArgumentException("'" + slug + "' is a reserved path and cannot name a section");
        }
        return repository.insertSection(slug, repository.sections().size() + 1, name);
    }

    @Transactional
    public long addTag(String slug, Localized name) {
        requireSlug(slug);
        return repository.insertTag(slug, name);
    }

    @Transactional
    public long addAuthor(String slug, Localized name, Localized bio) {
        requireSlug(slug);
        return repository.insertAuthor(slug, name, bio);
    }

    private static void requireSlug(String slug) {
        if (!Slugs.isValid(slug)) {
            throw new IllegalArgumentException("'" + slug + "' is not a slug: use a-z, 0-9 and single hyphens");
        }
    }
}
