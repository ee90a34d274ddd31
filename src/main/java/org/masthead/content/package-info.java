/**
 * Stories and their language versions, body blocks, revisions, sections, tags and authors.
 * {@link org.masthead.content.Stories} and {@link org.masthead.content.Taxonomy} are the ways in.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = "platform")
@org.jspecify.annotations.NullMarked
package org.masthead.content;
