package org.masthead.search;

/** Which revisions a search looks at. */
public enum Visibility {
    /** What readers can open: published revisions of published stories. */
    PUBLISHED,
    /** The newsroom's working copies: the latest revision of every version, drafts included. */
    INCLUDING_DRAFTS
}
