/**
 * Masthead's JSON API for other systems, under {@code /api/v1}: the public, read-only content API
 * (stories with their body blocks, sections, tags, authors) described by an OpenAPI document.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"platform", "content", "media", "site"})
@org.jspecify.annotations.NullMarked
package org.masthead.api;
