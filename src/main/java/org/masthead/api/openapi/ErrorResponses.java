package org.masthead.api.openapi;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The error statuses an API operation answers, each described in the OpenAPI document with its RFC 9457
 * problem schema ({@link ApiDocument#PROBLEMS} says which schema and what each means). On a controller
 * class it applies to every operation of the class, added to the method's own.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
public @interface ErrorResponses {

    /** HTTP statuses, such as 400 or 404. */
    int[] value();
}
