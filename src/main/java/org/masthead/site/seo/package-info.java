/** What a story page tells machines about itself: schema.org JSON-LD, Open Graph and Twitter card tags. */
@org.jspecify.annotations.NullMarked
package org.masthead.site.seo;
