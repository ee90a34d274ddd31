/**
 * Archives brought in from other platforms: a WordPress export (WXR) or a Ghost export (JSON) becomes stories,
 * static pages, sections, tags, authors and images through the same front doors the newsroom uses
 * ({@link org.masthead.content.Stories}, {@link org.masthead.content.Taxonomy}, {@link org.masthead.content.Pages},
 * {@link org.masthead.media.MediaLibrary}), every body checked by {@link org.masthead.content.ContentRules}.
 * What each item became is kept, so a second run creates nothing twice and an interrupted one resumes; the old
 * site's addresses answer 301 to the new ones. {@link org.masthead.imports.ArchiveImports} is the way in;
 * {@code ./masthead import} and the newsroom's import page use it.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"platform", "content", "media", "identity", "site"})
@org.jspecify.annotations.NullMarked
package org.masthead.imports;
