package org.masthead.api.content;

/** A query parameter the API cannot use; answered 400 with the parameter's name. */
class BadParameter extends RuntimeException {

    private final String parameter;

    BadParameter(String parameter, String detail) {
        super(detail, null, false, false);
        this.parameter = parameter;
    }

    String parameter() {
        return parameter;
    }
}
