@org.jspecify.annotations.NullMarked
package org.masthead.search.opensearch;
