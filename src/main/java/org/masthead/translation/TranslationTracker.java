package org.masthead.translation;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;
import org.masthead.content.ContentEvent;
import org.masthead.content.LiveEntry;
import org.masthead.content.LiveEvent;
import org.masthead.platform.Language;
import org.masthead.platform.outbox.OutboxConsumer;
import org.masthead.platform.outbox.OutboxEvent;
import org.springframework.stereotype.Component;

/**
 * After every save of a version: a saved source marks the translations whose items it changed; a
 * saved translation records the items it newly translated. After a live blog entry's translation: its texts go
 * to the translation memory (an entry's stale mark needs no tracking: a correction puts it behind in the same
 * transaction). Idempotent, so a redelivery is harmless. Runs once per cluster.
 */
@Component
class TranslationTracker implements OutboxConsumer {

    private static final Set<String> EVENTS = OutboxEvent.typesOf(ContentEvent.VersionSaved.class,
            LiveEvent.EntryChanged.class);
    private static final Set<String> ENTRY_EVENTS = OutboxEvent.typesOf(LiveEvent.EntryChanged.class);

    private final TranslationDesk desk;

    TranslationTracker(TranslationDesk desk) {
        this.desk = desk;
    }

    @Override
    public String name() {
        return "translation-tracker";
    }

    @Override
    public Set<String> eventTypes() {
        return EVENTS;
    }

    /** Once per story and saved language of the batch, however many saves it holds: the state is read afresh. */
    @Override
    public void handle(List<OutboxEvent> events) {
        var saved = new LinkedHashMap<Long, Set<Language>>();
        for (var event : events) {
            if (ENTRY_EVENTS.contains(event.type())) {
                if (event.payload(LiveEvent.class) instanceof LiveEvent.EntryChanged entry
                        && entry.kind() == LiveEntry.Change.TRANSLATED) {
                    desk.rememberEntry(entry.storyId(), entry.entryId(), entry.language());
                }
            } else if (event.payload(ContentEvent.class) instanceof ContentEvent.VersionSaved version) {
                saved.computeIfAbsent(version.storyId(), id -> EnumSet.noneOf(Language.class)).add(version.language());
            }
        }
        saved.forEach((storyId, languages) -> languages.forEach(language -> desk.refresh(storyId, language)));
    }
}
