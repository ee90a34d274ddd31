package org.masthead.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.masthead.support.Images;

class UploadSnifferTest {

    private static final MediaProperties LIMITS = new MediaProperties(Path.of("unused"), List.of(400), 0.8f, 100_000, 300,
            60_000, org.springframework.util.unit.DataSize.ofBytes(0), java.time.Duration.ofSeconds(1),
            MediaProperties.Store.DISK, DecodeBudgetTest.NO_BUCKET);

    @Test
    void recognisesJpegPngAndWebpByTheirBytes() {
        assertThat(UploadSniffer.sniff(Images.jpeg(40, 30), "photo.JPG", LIMITS).kind()).isEqualTo(UploadSniffer.Kind.JPEG);
        assertThat(UploadSniffer.sniff(Images.png(40, 30), "chart.png", LIMITS).kind()).isEqualTo(UploadSniffer.Kind.PNG);
        var webp = UploadSniffer.sniff(Images.WEBP, "tiny.webp", LIMITS);
        assertThat(webp.kind()).isEqualTo(UploadSniffer.Kind.WEBP);
        assertThat(webp.width()).isEqualTo(1);
    }

    @Test
    void refusesARenamedFile() {
        assertThatThrownBy(() -> UploadSniffer.sniff(Images.png(40, 30), "photo.jpg", LIMITS))
                .isInstanceOfSatisfying(UploadRejected.class,
                        e -> assertThat(e.messageKey()).isEqualTo("newsroom.media.error.renamed"));
    }

    @Test
    void refusesWhatIsNoImageWhateverItsName() {
        assertThatThrownBy(() -> UploadSniffer.sniff("<svg onload=alert(1)>".getBytes(StandardCharsets.UTF_8),
                "image.png", LIMITS))
                .isInstanceOfSatisfying(UploadRejected.class,
                        e -> assertThat(e.messageKey()).isEqualTo("newsroom.media.error.type"));
    }

    @Test
    void refusesTooManyPixelsBeforeDecoding() {
        assertThatThrownBy(() -> UploadSniffer.sniff(Images.png(301, 10), "wide.png", LIMITS))
                .isInstanceOfSatisfying(UploadRejected.class,
                        e -> assertThat(e.messageKey()).isEqualTo("newsroom.media.error.dimensions"));
        assertThatThrownBy(() -> UploadSniffer.sniff(Images.png(250, 250), "big.png", LIMITS))
                .isInstanceOfSatisfying(UploadRejected.class,
                        e -> assertThat(e.messageKey()).isEqualTo("newsroom.media.error.dimensions"));
    }

    @Test
    void refusesTooManyBytes() {
        assertThatThrownBy(() -> UploadSniffer.sniff(new byte[100_001], "huge.jpg", LIMITS))
                .isInstanceOfSatisfying(UploadRejected.class,
                        e -> assertThat(e.messageKey()).isEqualTo("newsroom.media.error.too-large"));
    }
}
