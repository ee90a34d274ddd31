package org.masthead.api.admin;

/** A request field or path part the admin API cannot use; answered 400 naming it. */
class InvalidField extends RuntimeException {

    private final String field;

    InvalidField(String field, String detail) {
        super(detail, null, false, false);
        this.field = field;
    }

    String field() {
        return field;
    }
}
