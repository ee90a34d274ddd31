/** The OpenAPI document of the JSON API: schema names, polymorphic types, problem documents. */
@org.jspecify.annotations.NullMarked
package org.masthead.api.openapi;
