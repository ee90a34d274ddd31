/** Browser tests: the newsroom driven in Debian's Chromium through Playwright, checked with axe-core. */
@org.jspecify.annotations.NullMarked
package org.masthead.e2e;
