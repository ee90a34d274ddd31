package org.masthead.content;

/** A static page as the footer lists it in one language. */
public record FooterLink(long pageId, String slug, String title, PagePurpose purpose) {
}
