/** The story desk: the story list, story and version editors, revisions, conflicts and workflow actions. */
@org.jspecify.annotations.NullMarked
package org.masthead.editorial.web;
