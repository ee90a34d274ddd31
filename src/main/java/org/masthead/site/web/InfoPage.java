package org.masthead.site.web;

import java.util.List;
import org.masthead.site.web.PageParts.Chrome;

/** A static page (about, contacts, a policy) in one language: its title, summary and body blocks. */
public record InfoPage(Chrome chrome, String title, String summary, List<BlockView> blocks, String jsonLd) {
}
