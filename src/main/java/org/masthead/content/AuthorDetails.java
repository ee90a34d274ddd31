package org.masthead.content;

/** An author with the number of stories that carry the byline, in any status. */
public record AuthorDetails(Author author, int stories) {
}
