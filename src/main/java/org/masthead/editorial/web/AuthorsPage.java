package org.masthead.editorial.web;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.masthead.identity.NewsroomChrome;

/** Every author profile with its job title, its number of stories and the account it is linked to. */
public record AuthorsPage(NewsroomChrome chrome, List<Row> authors, @Nullable String notice) {

    public record Row(long id, String name, String otherNames, String jobTitle, int stories, String account) {
    }
}
