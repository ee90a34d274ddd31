package org.masthead.media.web;

import jakarta.servlet.http.HttpServletRequest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;
import org.masthead.identity.SignedInStaff;
import org.masthead.media.Crop;
import org.masthead.media.MediaLibrary;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
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

    private final MediaLibrary media;
    private final SignedInStaff staff;

    MediaController(MediaLibrary media, SignedInStaff staff) {
        this.media = media;
        this.staff = staff;
    }

    @GetMapping("/media/{id:\\d{1,18}}/{width:\\d{1,5}}.jpg")
    ResponseEntity<Resource> variant(HttpServletRequest request, @PathVariable long id, @PathVariable int width) {
        return image(request, id, () -> media.file(id, width));
    }

    @GetMapping("/media/{id:\\d{1,18}}/{crop:16x9|4x3|1x1}/{width:\\d{1,5}}.jpg")
    ResponseEntity<Resource> cropped(HttpServletRequest request, @PathVariable long id, @PathVariable String crop,
            @PathVariable int width) {
        return image(request, id, () -> Crop.fromUrlName(crop).flatMap(c -> media.cropped(id, c, width)));
    }

    private ResponseEntity<Resource> image(HttpServletRequest request, long id, Supplier<Optional<Path>> file) {
        boolean isPublic = media.isPublic(id);
        if (!isPublic && !staff.isStaff(request)) {
            return ResponseEntity.notFound().header(HttpHeaders.CACHE_CONTROL, "no-store").build();
        }
        var cacheControl = isPublic ? CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable()
                : CacheControl.noStore().cachePrivate();
        return file.get().map(path -> ResponseEntity.ok()
                        .contentType(MediaType.IMAGE_JPEG)
                        .cacheControl(cacheControl)
                        .<Resource>body(new FileSystemResource(path)))
                .orElseGet(() -> ResponseEntity.notFound().header(HttpHeaders.CACHE_CONTROL, "no-store").build());
    }
}
