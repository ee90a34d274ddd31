/**
 * The translation desk: which translated blocks are behind their source, the queue of work for
 * translators, XLIFF 2 exchange with outside agencies, and a translation memory.
 * {@link org.masthead.translation.TranslationDesk} is the way in.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"platform", "content", "identity", "editorial", "site"})
@org.jspecify.annotations.NullMarked
package org.masthead.translation;
