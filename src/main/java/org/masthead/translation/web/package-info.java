/** The translation desk's newsroom pages: the queue, the side-by-side editor and XLIFF exchange. */
@org.jspecify.annotations.NullMarked
package org.masthead.translation.web;
