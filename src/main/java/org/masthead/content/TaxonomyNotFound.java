package org.masthead.content;

/** There is no section, tag, author or page with that id; answered with 404. */
public class TaxonomyNotFound extends RuntimeException {

    private final String kind;

    public TaxonomyNotFound(String kind) {
        super("No such " + kind, null, false, false);
        this.kind = kind;
    }

    /** "section", "tag", "author" or "page". */
    public String kind() {
        return kind;
    }
}
