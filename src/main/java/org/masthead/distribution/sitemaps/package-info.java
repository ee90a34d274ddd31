@org.jspecify.annotations.NullMarked
package org.masthead.distribution.sitemaps;
