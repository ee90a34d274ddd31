package org.masthead.translation;

import org.masthead.content.ContentEvent;
import org.masthead.platform.outbox.OutboxConsumer;
import org.masthead.platform.outbox.OutboxEvent;
import org.springframework.stereotype.Component;

/**
 * After every save of a version: a saved source marks the translations whose items it changed; a
 * saved translation records the items it newly translated. Idempotent, so a redelivery is harmless.
 */
@Component
class TranslationTracker implements OutboxConsumer {

    private final TranslationDesk desk;

    TranslationTracker(TranslationDesk desk) {
        this.desk = desk;
    }

    @Override
    public String name() {
        return "translation-tracker";
    }

    @Override
    public void handle(OutboxEvent event) {
        if (event.type().equals(ContentEvent.VersionSaved.class.getSimpleName())
                && event.payload(ContentEvent.class) instanceof ContentEvent.VersionSaved saved) {
            desk.refresh(saved.storyId(), saved.language());
        }
    }
}
