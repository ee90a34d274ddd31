/**
 * Everything machines read or receive from Masthead: RSS and Atom feeds, sitemaps and robots.txt,
 * and webhooks to other systems when stories are published, updated, unpublished or deleted.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"platform", "content", "media", "site", "identity"})
@org.jspecify.annotations.NullMarked
package org.masthead.distribution;
