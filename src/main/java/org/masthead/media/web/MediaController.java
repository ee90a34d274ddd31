package org.masthead.media.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.masthead.identity.SignedInStaff;
import org.masthead.media.Crop;
import org.masthead.media.MediaLibrary;
import org.masthead.media.MediaStoreUnavailable;
import org.masthead.media.StoredImage;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * Serves image variants. An image that no published story has shown yet is served only to signed-in
 * staff, privately; everyone else is told it does not exist, and no cache keeps that answer. Once public,
 * a variant never changes, so it may be cached for a year.
 */
@RestController
class MediaController {

    private static final String PUBLIC = CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable().getHeaderValue();
    private static final String PRIVATE = CacheControl.noStore().cachePrivate().getHeaderValue();

    private final MediaLibrary media;
    private final SignedInStaff staff;

    MediaController(MediaLibrary media, SignedInStaff staff) {
        this.media = media;
        this.staff = staff;
    }

    @GetMapping("/media/{id:\\d{1,18}}/{width:\\d{1,5}}.jpg")
    void variant(HttpServletRequest request, HttpServletResponse response, @PathVariable long id, @PathVariable int width)
            throws IOException {
        image(request, response, id, () -> media.image(id, width));
    }

    @GetMapping("/media/{id:\\d{1,18}}/{crop:16x9|4x3|1x1}/{width:\\d{1,5}}.jpg")
    void cropped(HttpServletRequest request, HttpServletResponse response, @PathVariable long id, @PathVariable String crop,
            @PathVariable int width) throws IOException {
        image(request, response, id, () -> Crop.fromUrlName(crop).flatMap(c -> media.cropped(id, c, width)));
    }

    /**
     * Streams the file from the store, whichever node stored it; a request that already holds it (its entity tag)
     * is answered 304. While the store cannot be reached, images this node still has are served and the others are
     * answered 503 with Retry-After, which no cache keeps.
     */
    private void image(HttpServletRequest request, HttpServletResponse response, long id,
            Supplier<Optional<StoredImage>> file) throws IOException {
        boolean isPublic = media.isPublic(id);
        if (!isPublic && !staff.isStaff(request)) {
            notFound(response);
            return;
        }
        Optional<StoredImage> found;
        try {
            found = file.get();
        } catch (MediaStoreUnavailable e) {
            unavailable(response);
            return;
        }
        if (found.isEmpty()) {
            notFound(response);
            return;
        }
        var image = found.get();
        response.setHeader(HttpHeaders.CACHE_CONTROL, isPublic ? PUBLIC : PRIVATE);
        response.setHeader(HttpHeaders.ETAG, image.etag());
        if (matches(request.getHeader(HttpHeaders.IF_NONE_MATCH), image.etag())) {
            response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            return;
        }
        InputStream in;
        try {
            in = image.open();
        } catch (MediaStoreUnavailable e) {
            unavailable(response);
            return;
        }
        try (in) {
            response.setContentType(MediaType.IMAGE_JPEG_VALUE);
            response.setContentLengthLong(image.length());
            in.transferTo(response.getOutputStream());
        }
    }

    private static boolean matches(@Nullable String ifNoneMatch, String etag) {
        if (ifNoneMatch == null) {
            return false;
        }
        for (var candidate : ifNoneMatch.split(",")) {
            var tag = candidate.strip();
            if (tag.equals("*") || tag.equals(etag) || tag.equals("W/" + etag)) {
                return true;
            }
        }
        return false;
    }

    private static void notFound(HttpServletResponse response) {
        response.setStatus(HttpServletResponse.SC_NOT_FOUND);
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
    }

    private static void unavailable(HttpServletResponse response) {
        response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        response.setHeader(HttpHeaders.RETRY_AFTER, "5");
    }
}
