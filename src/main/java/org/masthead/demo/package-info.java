/** The demo newsroom: original stories in three languages with drawn lead images, seeded on first start. */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"platform", "content", "media"})
@org.jspecify.annotations.NullMarked
package org.masthead.demo;
