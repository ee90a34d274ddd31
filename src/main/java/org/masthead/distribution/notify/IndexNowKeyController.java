package org.masthead.distribution.notify;

import java.time.Duration;
import org.masthead.distribution.DistributionProperties;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * The IndexNow key file at the site's root, {@code /{key}.txt} holding the key in UTF-8 as the protocol
 * asks, so search engines can tell that submissions for this host come from its owner. Any other name, or
 * any name while IndexNow is off, is not found.
 */
@RestController
class IndexNowKeyController {

    private final DistributionProperties.IndexNow settings;

    IndexNowKeyController(DistributionProperties properties) {
        this.settings = properties.indexNow();
    }

    @GetMapping("/{key:[A-Za-z0-9-]{8,128}}.txt")
    ResponseEntity<String> key(@PathVariable String key) {
        if (!settings.enabled() || !settings.key().equals(key)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        return ResponseEntity.ok().contentType(new MediaType("text", "plain", java.nio.charset.StandardCharsets.UTF_8))
                .cacheControl(CacheControl.maxAge(Duration.ofHours(1)).cachePublic())
                .body(settings.key());
    }
}
