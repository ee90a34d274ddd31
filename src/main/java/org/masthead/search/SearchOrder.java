package org.masthead.search;

import java.util.Optional;

/** How results are ranked: by relevance with a boost for fresh stories, or newest first. */
public enum SearchOrder {
    RELEVANCE("relevance"),
    NEWEST("date");

    private final String parameter;

    SearchOrder(String parameter) {
        this.parameter = parameter;
    }

    /** The value of the {@code sort} URL parameter. */
    public String parameter() {
        return parameter;
    }

    public static Optional<SearchOrder> fromParameter(String value) {
        for (var order : values()) {
            if (order.parameter.equals(value)) {
                return Optional.of(order);
            }
        }
        return Optional.empty();
    }
}
