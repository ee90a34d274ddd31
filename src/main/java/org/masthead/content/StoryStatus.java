package org.masthead.content;

/** Where a story stands in the newsroom; only {@code PUBLISHED} stories reach readers. */
public enum StoryStatus {
    DRAFT, IN_REVIEW, SCHEDULED, PUBLISHED, UNPUBLISHED
}
