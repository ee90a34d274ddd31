/** Images: stored originals, resized variants for responsive pages, and their dimensions. */
@org.springframework.modulith.ApplicationModule(allowedDependencies = "platform")
@org.jspecify.annotations.NullMarked
package org.masthead.media;
