/**
 * Finding stories in Ukrainian, English and Russian: {@link org.masthead.search.StorySearch} is the way in,
 * {@link org.masthead.search.SearchIndex} the engine behind it (embedded Lucene; OpenSearch can follow
 * behind the same interface), fed after commit by the outbox.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"platform", "content"})
@org.jspecify.annotations.NullMarked
package org.masthead.search;
