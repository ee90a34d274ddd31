package org.masthead.media;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Set;
import org.masthead.content.ImagePublication;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Marks images public when a published story first shows them, in the publishing transaction, so an
 * image is never public before its story and always public from the moment the story is. Once public,
 * always public: its addresses are cached everywhere for a year by then.
 */
@Component
class MediaPublication implements ImagePublication {

    private final JdbcClient jdbc;
    private final Clock clock;

    MediaPublication(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void nowShown(Set<Long> mediaIds) {
        jdbc.sql("update media_asset set published_at = :now where id in (:ids) and published_at is null")
                .param("now", clock.millis()).param("ids", new ArrayList<>(mediaIds)).update();
    }
}
