package org.masthead.content;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** The number that moves with every change to the layout around reader pages (see {@link SiteLayout}). */
@Repository
class LayoutVersion {

    private final JdbcClient jdbc;

    LayoutVersion(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Inside the change's own transaction, so the change and the new number commit together. */
    @Transactional(propagation = Propagation.MANDATORY)
    void moved() {
        jdbc.sql("update layout_version set version = version + 1 where id = 1").update();
    }

    long current() {
        return jdbc.sql("select version from layout_version where id = 1").query(Long.class).single();
    }
}
