/**
 * The newsroom's workflow: draft, in review, scheduled, published, unpublished; who may move a
 * story where; scheduled publishing; corrections. {@link org.masthead.editorial.EditorialWorkflow}
 * is the way in; the story desk pages, the newsroom search among them, live in {@code web}.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"platform", "content", "identity", "media", "search", "site"})
@org.jspecify.annotations.NullMarked
package org.masthead.editorial;
