package org.masthead.content;

/** The picture at the top of a story, with the texts of one language version. */
public record LeadImage(long mediaId, String caption, String credit, String alt) {
}
