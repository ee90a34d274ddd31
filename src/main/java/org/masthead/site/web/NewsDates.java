package org.masthead.site.web;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import org.masthead.platform.Language;

/**
 * Dates as a newsroom writes them in each language: "23 липня 2025, 14:05", "23 июля 2025, 14:05",
 * "July 23, 2025, 2:05 PM", in the newsroom's time zone.
 */
public final class NewsDates {

    private final Map<Language, DateTimeFormatter> formats;
    private final ZoneId zone;

    public NewsDates(ZoneId zone) {
        this.zone = zone;
        this.formats = Map.of(
                Language.UK, DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm", Language.UK.locale()).withZone(zone),
                Language.RU, DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm", Language.RU.locale()).withZone(zone),
                Language.EN, DateTimeFormatter.ofPattern("MMMM d, yyyy, h:mm a", Language.EN.locale()).withZone(zone));
    }

    public Shown show(Instant instant, Language language) {
        return new Shown(DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(instant.atZone(zone)),
                formats.get(language).format(instant));
    }

    /** A date for a {@code <time>} element: machine-readable and as readers see it. */
    public record Shown(String iso, String text) {
    }
}
