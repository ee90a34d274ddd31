/** Images: uploads (sniffed, bounded, stripped of metadata), resized variants for responsive pages, texts per language. */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"platform", "identity", "content"})
@org.jspecify.annotations.NullMarked
package org.masthead.media;
