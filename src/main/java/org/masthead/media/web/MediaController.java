package org.masthead.media.web;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.masthead.media.Crop;
import org.masthead.media.MediaLibrary;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** Serves image variants. A variant never changes once written, so it may be cached for a year. */
@RestController
class MediaController {

    private final MediaLibrary media;

    MediaController(MediaLibrary media) {
        this.media = media;
    }

    @GetMapping("/media/{id:\\d{1,18}}/{width:\\d{1,5}}.jpg")
    ResponseEntity<Resource> variant(@PathVariable long id, @PathVariable int width) {
        return image(media.file(id, width));
    }

    @GetMapping("/media/{id:\\d{1,18}}/{crop:16x9|4x3|1x1}/{width:\\d{1,5}}.jpg")
    ResponseEntity<Resource> cropped(@PathVariable long id, @PathVariable String crop, @PathVariable int width) {
        return image(Crop.fromUrlName(crop).flatMap(c -> media.cropped(id, c, width)));
    }

    private static ResponseEntity<Resource> image(Optional<Path> file) {
        return file.map(path -> ResponseEntity.ok()
                        .contentType(MediaType.IMAGE_JPEG)
                        .cacheControl(CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable())
                        .<Resource>body(new FileSystemResource(path)))
                .orElseGet(() -> ResponseEntity.notFound().build());
    }
}
