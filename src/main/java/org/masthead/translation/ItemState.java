package org.masthead.translation;

/** Where one translated item stands against its source. */
public enum ItemState {
    /** Translated from the source as it is now. */
    TRANSLATED,
    /** The source has it; the translation has not got it yet (or has it with empty texts). */
    NOT_TRANSLATED,
    /** Translated once, but the source item changed since. */
    SOURCE_CHANGED,
    /** Translated from the current source, but the source now has it in another place. */
    MOVED,
    /** The translation still has an item the source has deleted. */
    REMOVED_FROM_SOURCE
}
