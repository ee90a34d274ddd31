/**
 * Masthead's JSON API for other systems, under {@code /api/v1}: the public, read-only content API
 * (stories with their body blocks, sections, tags, authors, search) and, under {@code /api/v1/admin},
 * the admin API used with personal access tokens (writes go through the editorial workflow), both
 * described by an OpenAPI document.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"platform", "content", "media", "site",
        "identity", "editorial", "search"})
@org.jspecify.annotations.NullMarked
package org.masthead.api;
