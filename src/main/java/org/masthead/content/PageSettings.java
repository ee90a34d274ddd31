package org.masthead.content;

/** How a static page appears outside itself: in the footer or not, and what structured data calls it. */
public record PageSettings(boolean inFooter, PagePurpose purpose) {
}
