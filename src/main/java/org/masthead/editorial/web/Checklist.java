package org.masthead.editorial.web;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.masthead.content.PublicationSettings;
import org.masthead.content.Stories;
import org.masthead.content.Taxonomy;
import org.masthead.editorial.Permissions;
import org.masthead.editorial.SettingsDesk;
import org.masthead.editorial.TaxonomyDesk;
import org.masthead.identity.Accounts;
import org.masthead.identity.NewsroomUser;
import org.masthead.identity.Role;
import org.springframework.stereotype.Component;

/**
 * The first hour of an empty newsroom: name the publication, create sections, invite people, create
 * authors, write the first story. The newsroom's home shows what is left until everything is done; each
 * step links to its page for those who may take it.
 */
@Component
public class Checklist {

    private final PublicationSettings publication;
    private final Taxonomy taxonomy;
    private final Accounts accounts;
    private final Stories stories;

    Checklist(PublicationSettings publication, Taxonomy taxonomy, Accounts accounts, Stories stories) {
        this.publication = publication;
        this.taxonomy = taxonomy;
        this.accounts = accounts;
        this.stories = stories;
    }

    /** {@code key} names the step's message; {@code url} is null for someone who may not take it. */
    public record Step(String key, boolean done, @Nullable String url) {
    }

    public record Shown(List<Step> steps, int done) {
    }

    /** The steps for {@code user}, or null when every one is done. */
    @Nullable Shown of(NewsroomUser user) {
        var steps = List.of(
                new Step("name", publication.current().named(),
                        SettingsDesk.mayEdit(user) ? "/newsroom/admin/settings" : null),
                new Step("sections", !taxonomy.sections().isEmpty(),
                        TaxonomyDesk.maySections(user) ? "/newsroom/admin/sections" : null),
                new Step("people", accounts.all().size() > 1, user.has(Role.ADMIN) ? "/newsroom/admin/users" : null),
                new Step("authors", !taxonomy.authors().isEmpty(),
                        TaxonomyDesk.mayTagsAndAuthors(user) ? "/newsroom/authors/new" : null),
                new Step("story", stories.count() > 0, Permissions.mayOpen(user) ? "/newsroom/stories/new" : null));
        int done = (int) steps.stream().filter(Step::done).count();
        return done == steps.size() ? null : new Shown(steps, done);
    }
}
