package org.masthead.media.web;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.masthead.identity.NewsroomChrome;

/** The newsroom's image library: upload form (with the reason a file was refused) and search results. */
public record MediaLibraryPage(NewsroomChrome chrome, String query, List<Item> items, @Nullable String uploadError,
        boolean mayUpload, String maxSize) {

    public record Item(long id, String name, String thumbnail, String caption, String size, boolean complete) {
    }
}
