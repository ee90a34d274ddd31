/** Who may do what: web security for the reader site, the newsroom and the API. */
@org.springframework.modulith.ApplicationModule(allowedDependencies = "platform")
@org.jspecify.annotations.NullMarked
package org.masthead.identity;
