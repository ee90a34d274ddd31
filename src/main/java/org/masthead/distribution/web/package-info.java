/** The newsroom's admin screens for webhooks: registrations and their delivery log. */
@org.jspecify.annotations.NullMarked
package org.masthead.distribution.web;
