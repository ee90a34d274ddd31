package org.masthead.media.web;

import java.util.List;
import org.masthead.identity.NewsroomChrome;

/** One image with its caption, credit and alt text in each language. */
public record MediaItemPage(NewsroomChrome chrome, long id, String name, String image, String size, String uploadedBy,
        List<Text> texts, boolean mayEdit, boolean saved) {

    public record Text(String code, String languageName, String caption, String credit, String alt) {
    }
}
