package org.masthead.media;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Image files on this node's disk under {@code masthead.media.directory}, one folder per image. */
final class DiskMediaStore implements MediaStore {

    private final Path root;

    DiskMediaStore(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    private Path path(String key) {
        var path = root.resolve(key).normalize();
        if (!path.startsWith(root)) {
            throw new IllegalArgumentException("Not a media key: " + key);
        }
        return path;
    }

    /**
     * Writes through a temporary file so that a reader never sees half an image; a write that fails (a full
     * disk) leaves no temporary file behind.
     */
    @Override
    public void put(String key, byte[] bytes) {
        var target = path(key);
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
            throw new UncheckedIOException("Cannot store image file " + key, e);
        }
    }

    /** The entity tag is made of the file's length and modification time, as web servers make it for files. */
    @Override
    public Optional<StoredImage> find(String key) {
        var path = path(key);
        try {
            var attributes = Files.readAttributes(path, BasicFileAttributes.class);
            if (!attributes.isRegularFile()) {
                return Optional.empty();
            }
            var etag = "\"" + Long.toHexString(attributes.lastModifiedTime().toMillis()) + "-"
                    + Long.toHexString(attributes.size()) + "\"";
            return Optional.of(new StoredImage(attributes.size(), etag, () -> Files.newInputStream(path)));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read image file " + key, e);
        }
    }

    @Override
    public void deleteAll(long mediaId) {
        var folder = root.resolve(Long.toString(mediaId));
        if (!Files.isDirectory(folder)) {
            return;
        }
        try (var paths = Files.walk(folder)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException | UncheckedIOException ignored) {
            // best effort: the rows that would point at these files roll back
        }
    }

    /** Every stored key, for copying the store elsewhere; files being written ({@code .part}) are not keys. */
    List<String> keys() {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (var paths = Files.walk(root)) {
            var keys = new ArrayList<String>();
            paths.filter(Files::isRegularFile).filter(path -> path.getFileName().toString().endsWith(".jpg"))
                    .forEach(path -> keys.add(root.relativize(path).toString().replace('\\', '/')));
            keys.sort(Comparator.naturalOrder());
            return keys;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + root, e);
        }
    }

    byte[] read(String key) throws IOException {
        return Files.readAllBytes(path(key));
    }

    @Override
    public String location() {
        return "the folder " + root;
    }
}
