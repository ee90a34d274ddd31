package org.masthead.search;

/**
 * The search engine cannot be reached or cannot answer for now (an OpenSearch cluster down or overloaded): nothing
 * is wrong with the request, so pages answer 503 with a time to come back, and the index consumer waits and catches
 * up from the outbox once the engine is back.
 */
public class SearchUnavailable extends RuntimeException {

    public SearchUnavailable(String message, Throwable cause) {
        super(message, cause);
    }

    public SearchUnavailable(String message) {
        super(message);
    }
}
