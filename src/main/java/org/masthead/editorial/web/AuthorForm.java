package org.masthead.editorial.web;

import java.util.List;
import java.util.Map;
import org.masthead.content.Author;
import org.masthead.content.AuthorDraft;
import org.masthead.content.TaxonomyRejected;
import org.masthead.platform.Localized;
import org.masthead.platform.text.Spellings;

/**
 * An author profile as the form holds it, every field as typed: the photo and account are the chosen
 * ids as text (empty for none), the links one address per line.
 */
public record AuthorForm(String slug, Localized name, Localized jobTitle, Localized bio, String photo, String links,
        String account) {

    static final AuthorForm BLANK = new AuthorForm("", Localized.EMPTY, Localized.EMPTY, Localized.EMPTY, "", "", "");

    static AuthorForm of(Author author) {
        return new AuthorForm(author.slug(), author.name(), author.jobTitle(), author.bio(),
                author.photoMediaId() == null ? "" : author.photoMediaId().toString(), String.join("\n", author.links()),
                author.accountId() == null ? "" : author.accountId().toString());
    }

    static AuthorForm parse(Map<String, String[]> params) {
        return new AuthorForm(Forms.text(params, "slug"), Forms.localized(params, "name"),
                Forms.localized(params, "jobTitle"), Forms.localized(params, "bio"), Forms.text(params, "photo"),
                Forms.text(params, "links"), Forms.text(params, "account"));
    }

    /** The names the form leaves blank, spelled from the one that is written (see {@link Spellings}). */
    AuthorForm withSuggestedNames() {
        return new AuthorForm(slug, Spellings.suggest(name), jobTitle, bio, photo, links, account);
    }

    AuthorDraft draft() {
        var photoId = photo.isBlank() ? null : Forms.id(photo);
        if (!photo.isBlank() && photoId == null) {
            throw new TaxonomyRejected("photo", "newsroom.taxonomy.error.photo");
        }
        var accountId = account.isBlank() ? null : Forms.id(account);
        if (!account.isBlank() && accountId == null) {
            throw new TaxonomyRejected("account", "newsroom.taxonomy.error.account-missing");
        }
        List<String> addresses = links.lines().map(String::strip).filter(line -> !line.isEmpty()).toList();
        return new AuthorDraft(slug, name, bio, jobTitle, photoId, addresses, accountId);
    }
}
