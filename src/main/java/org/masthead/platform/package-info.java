/**
 * Technical kit shared by every module: languages, the outbox, SQL dialects, web plumbing and
 * text utilities. No newsroom vocabulary lives here.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
@org.jspecify.annotations.NullMarked
package org.masthead.platform;
