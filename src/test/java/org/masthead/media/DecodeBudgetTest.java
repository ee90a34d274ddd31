package org.masthead.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

class DecodeBudgetTest {

    /** The settings of a bucket that a disk store never reads. */
    static final MediaProperties.S3 NO_BUCKET = new MediaProperties.S3("", "", "us-east-1", "", "", false, false,
            Duration.ofSeconds(2), Duration.ofSeconds(10), DataSize.ofMegabytes(64));

    private static DecodeBudget budget(long megabytes) {
        return new DecodeBudget(new MediaProperties(Path.of("media"), List.of(400), 0.8f, 15_000_000, 10_000,
                40_000_000, DataSize.ofMegabytes(megabytes), Duration.ofMillis(20), MediaProperties.Store.DISK, NO_BUCKET));
    }

    @Test
    void parallelFortyMegapixelDecodesTakeTurnsInsteadOfExhaustingTheHeap() {
        var budget = budget(400);   // about 40% of a 1 GB heap
        try (var first = budget.reserve(40_000_000)) {
            assertThat(budget.available()).isLessThan(100);
            // a second one cannot start while the first holds its memory: refused as busy, not run
            assertThatThrownBy(() -> budget.reserve(40_000_000)).isInstanceOfSatisfying(UploadRejected.class,
                    e -> assertThat(e.messageKey()).isEqualTo("newsroom.media.error.busy"));
            // small images still fit beside it
            try (var small = budget.reserve(1_000_000)) {
                assertThat(budget.available()).isLessThan(100);
            }
        }
        assertThat(budget.available()).isEqualTo(400);
        try (var second = budget.reserve(40_000_000)) {
            assertThat(budget.available()).isLessThan(100);
        }
    }

    @Test
    void anImageLargerThanTheWholeBudgetRunsAlone() {
        var budget = budget(100);
        try (var huge = budget.reserve(40_000_000)) {
            assertThat(budget.available()).isZero();
            assertThatThrownBy(() -> budget.reserve(1)).isInstanceOf(UploadRejected.class);
        }
        assertThat(budget.available()).isEqualTo(100);
    }
}
