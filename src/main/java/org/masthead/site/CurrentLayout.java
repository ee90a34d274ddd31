package org.masthead.site;

import java.util.Set;
import org.masthead.content.Publication;
import org.masthead.content.SiteLayout;
import org.masthead.platform.web.ReadModel;
import org.masthead.platform.web.SurrogateKeys;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * The layout around reader pages as one response sees it: taken once per request, so every part of a page
 * (title, header, navigation, footer, dates, structured data) shows the same settings. For readers it comes
 * from the node's {@link ReadModel}, tagged {@link SurrogateKeys#LAYOUT}: the evictions that drop every page
 * showing the layout (a section, footer page or the publication's settings changed, on any node) drop it too,
 * so a reader page asks the database nothing for it. Signed-in staff get {@link SiteLayout#current()}, which
 * checks the layout's version number in the database on every call.
 */
@Component
public class CurrentLayout {

    private static final String ATTRIBUTE = CurrentLayout.class.getName();

    private record LayoutKey() {
    }

    private final SiteLayout layouts;
    private final ReadModel model;

    CurrentLayout(SiteLayout layouts, ReadModel model) {
        this.layouts = layouts;
        this.model = model;
    }

    public SiteLayout.Layout get() {
        var request = RequestContextHolder.getRequestAttributes();
        if (request == null) {
            return layouts.current();
        }
        if (request.getAttribute(ATTRIBUTE, RequestAttributes.SCOPE_REQUEST) instanceof SiteLayout.Layout known) {
            return known;
        }
        var current = ReaderData.fresh() ? layouts.current()
                // the layout holds the banners too, so a banner's change drops it as it drops the pages
                : model.get(new LayoutKey(), layouts::current,
                        layout -> ReadModel.Tags.of(null, Set.of(SurrogateKeys.LAYOUT, SurrogateKeys.BANNER)));
        request.setAttribute(ATTRIBUTE, current, RequestAttributes.SCOPE_REQUEST);
        return current;
    }

    /** The publication's settings of this response. */
    public Publication publication() {
        return get().publication();
    }
}
