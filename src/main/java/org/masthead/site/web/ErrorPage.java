package org.masthead.site.web;

import org.masthead.site.web.PageParts.Chrome;

/** A 404, 410 or 500 page in the language of the address the reader asked for. */
public record ErrorPage(Chrome chrome, int status, String heading, String message) {
}
