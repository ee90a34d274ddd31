package org.masthead.media;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Locale;
import java.util.Optional;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;

/**
 * Decides what an upload really is from its first bytes, never from its name or the browser's
 * declared type, and refuses a file whose name claims another type (a renamed file). Reads the pixel
 * size from the header before anything is decoded, so an oversized image is refused cheaply.
 */
final class UploadSniffer {

    enum Kind {
        JPEG("jpeg", "jpg", "jpeg"), PNG("png", "png"), WEBP("webp", "webp");

        final String format;
        final java.util.List<String> extensions;

        Kind(String format, String... extensions) {
            this.format = format;
            this.extensions = java.util.List.of(extensions);
        }
    }

    record Sniffed(Kind kind, int width, int height) {
    }

    private UploadSniffer() {
    }

    static Optional<Kind> kind(byte[] bytes) {
        if (bytes.length >= 3 && (bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xFF) == 0xD8 && (bytes[2] & 0xFF) == 0xFF) {
            return Optional.of(Kind.JPEG);
        }
        if (bytes.length >= 8 && (bytes[0] & 0xFF) == 0x89 && bytes[1] == 'P' && bytes[2] == 'N' && bytes[3] == 'G'
                && bytes[4] == 0x0D && bytes[5] == 0x0A && bytes[6] == 0x1A && bytes[7] == 0x0A) {
            return Optional.of(Kind.PNG);
        }
        if (bytes.length >= 12 && bytes[0] == 'R' && bytes[1] == 'I' && bytes[2] == 'F' && bytes[3] == 'F'
                && bytes[8] == 'W' && bytes[9] == 'E' && bytes[10] == 'B' && bytes[11] == 'P') {
            return Optional.of(Kind.WEBP);
        }
        return Optional.empty();
    }

    /** The sniffed type and pixel size; refuses unknown content, a mismatching name and oversize images. */
    static Sniffed sniff(byte[] bytes, String fileName, MediaProperties limits) {
        if (bytes.length == 0) {
            throw new UploadRejected("newsroom.media.error.empty");
        }
        if (bytes.length > limits.maxUploadBytes()) {
            throw new UploadRejected("newsroom.media.error.too-large");
        }
        var kind = kind(bytes).orElseThrow(() -> new UploadRejected("newsroom.media.error.type"));
        var extension = extension(fileName);
        if (!kind.extensions.contains(extension)) {
            throw new UploadRejected("newsroom.media.error.renamed");
        }
        try (var input = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            var readers = ImageIO.getImageReadersByFormatName(kind.format);
            if (input == null || !readers.hasNext()) {
                throw new UploadRejected("newsroom.media.error.type");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(input, true, true);
                int width = reader.getWidth(0);
                int height = reader.getHeight(0);
                if (width <= 0 || height <= 0 || width > limits.maxSide() || height > limits.maxSide()
                        || (long) width * height > limits.maxPixels()) {
                    throw new UploadRejected("newsroom.media.error.dimensions");
                }
                return new Sniffed(kind, width, height);
            } finally {
                reader.dispose();
            }
        } catch (IOException e) {
            throw new UploadRejected("newsroom.media.error.unreadable");
        }
    }

    private static String extension(String fileName) {
        int dot = fileName.lastIndexOf('.');
        return dot < 0 ? "" : fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
    }
}
