@org.jspecify.annotations.NullMarked
package org.masthead.api.content;
