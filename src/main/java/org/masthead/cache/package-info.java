/**
 * The page cache: anonymous GET responses that carry surrogate keys are kept in memory, answered
 * with ETag/Last-Modified/304 and pre-compressed gzip, and evicted by key when content changes
 * (through the outbox, and on PostgreSQL on every node through LISTEN/NOTIFY).
 * {@link org.masthead.cache.PageCache} is the way in for anyone who must evict by hand.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"platform", "content"})
@org.jspecify.annotations.NullMarked
package org.masthead.cache;
