/**
 * Telling others that something changed, off unless configured: the WebSub hub of the feeds and the
 * search engines that take IndexNow. Outbox consumers, so a change is announced once it is committed.
 */
@org.jspecify.annotations.NullMarked
package org.masthead.distribution.notify;
