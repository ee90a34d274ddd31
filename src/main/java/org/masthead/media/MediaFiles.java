package org.masthead.media;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.springframework.stereotype.Component;

/** Image files on the local disk, one folder per asset, one file per width. */
@Component
class MediaFiles {

    private final Path root;

    MediaFiles(MediaProperties properties) {
        this.root = properties.directory().toAbsolutePath().normalize();
    }

    Path path(long mediaId, int width) {
        return root.resolve(Long.toString(mediaId)).resolve(width + ".jpg");
    }

    Path path(long mediaId, Crop crop, int width) {
        return root.resolve(Long.toString(mediaId)).resolve(crop.urlName()).resolve(width + ".jpg");
    }

    void write(long mediaId, int width, byte[] bytes) {
        write(path(mediaId, width), bytes, mediaId);
    }

    void write(long mediaId, Crop crop, int width, byte[] bytes) {
        write(path(mediaId, crop, width), bytes, mediaId);
    }

    /**
     * Writes through a temporary file so that a reader never sees half an image; a write that fails (a full
     * disk) leaves no temporary file behind.
     */
    private static void write(Path target, byte[] bytes, long mediaId) {
        Path temporary = null;
        try {
            Files.createDirectories(target.getParent());
            temporary = Files.createTempFile(target.getParent(), "upload", ".part");
            Files.write(temporary, bytes);
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            if (temporary != null) {
                try {
                    Files.deleteIfExists(temporary);
                } catch (IOException ignored) {
                    // nothing more can be done; the .part name keeps it from being served
                }
            }
            throw new UncheckedIOException("Cannot store image " + mediaId, e);
        }
    }

    /** Removes every file of an asset (after a failed store). */
    void delete(long mediaId) {
        var folder = root.resolve(Long.toString(mediaId));
        if (!Files.isDirectory(folder)) {
            return;
        }
        try (var paths = Files.walk(folder)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException | UncheckedIOException ignored) {
            // best effort: the rows that would point at these files roll back
        }
    }
}
