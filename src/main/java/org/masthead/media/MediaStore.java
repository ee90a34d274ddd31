package org.masthead.media;

import java.util.Optional;

/**
 * Where the bytes of images live: the local disk of one node ({@link DiskMediaStore}, the default) or an
 * S3-compatible bucket that every node of a cluster reads ({@link S3MediaStore}), chosen with
 * {@code masthead.media.store}. Keys are relative paths such as {@code 46/400.jpg} or {@code 46/16x9/800.jpg},
 * the same in both, so a disk store copies into a bucket as it is ({@link MediaCommand}).
 *
 * <p>A stored object never changes: an image's variants are written once when it is stored, its crops once when
 * first asked for, and nothing is written twice under one key except the same bytes.
 */
interface MediaStore {

    /**
     * Stores {@code bytes} under {@code key}: readers see all of them or nothing. Throws
     * {@link java.io.UncheckedIOException} when the store refuses the write (a full disk) and
     * {@link MediaStoreUnavailable} when it cannot be reached.
     */
    void put(String key, byte[] bytes);

    /** The object under {@code key}, when there is one; its bytes are read when opened. */
    Optional<StoredImage> find(String key);

    /** Every object of one image (after a store that failed half-way); best effort. */
    void deleteAll(long mediaId);

    /** Where the store is, for logs and the operator's commands: never a credential. */
    String location();

    static String key(long mediaId, int width) {
        return mediaId + "/" + width + ".jpg";
    }

    static String key(long mediaId, Crop crop, int width) {
        return mediaId + "/" + crop.urlName() + "/" + width + ".jpg";
    }
}
