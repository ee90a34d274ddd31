package org.masthead.site.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.masthead.platform.Language;

class NewsDatesTest {

    private final NewsDates dates = new NewsDates(ZoneId.of("Europe/Kyiv"));
    private final Instant summerAfternoon = Instant.parse("2025-07-23T11:05:00Z");   // 14:05 in Kyiv (UTC+3)

    @Test
    void writesDatesAsEachLanguageDoes() {
        assertThat(dates.show(summerAfternoon, Language.UK).text()).isEqualTo("23 липня 2025, 14:05");
        assertThat(dates.show(summerAfternoon, Language.RU).text()).isEqualTo("23 июля 2025, 14:05");
        assertThat(dates.show(summerAfternoon, Language.EN).text()).isEqualTo("July 23, 2025, 2:05 PM");
    }

    @Test
    void givesMachineReadableTimeWithTheNewsroomOffset() {
        assertThat(dates.show(summerAfternoon, Language.EN).iso()).isEqualTo("2025-07-23T14:05:00+03:00");
        assertThat(dates.show(Instant.parse("2025-01-10T08:00:00Z"), Language.EN).iso())
                .isEqualTo("2025-01-10T10:00:00+02:00");
    }
}
