/** Newsroom pages for signing in, one's own account, account management and the audit log. */
@org.jspecify.annotations.NullMarked
package org.masthead.identity.web;
