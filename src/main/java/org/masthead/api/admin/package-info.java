/** The admin API: stories, versions, images and status changes by other systems, with personal access tokens. */
@org.jspecify.annotations.NullMarked
package org.masthead.api.admin;
