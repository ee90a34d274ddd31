/**
 * The reader site: public, cacheable pages in the reader's language, readable without JavaScript.
 * {@link org.masthead.site.PublicUrls} builds every public link Masthead prints.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"platform", "content", "media", "search"})
@org.jspecify.annotations.NullMarked
package org.masthead.site;
