/**
 * The story desk: the story list, newsroom search, story and version editors, revisions, conflicts and
 * workflow actions.
 */
@org.jspecify.annotations.NullMarked
package org.masthead.editorial.web;
