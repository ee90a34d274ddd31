package org.masthead.search.web;

import org.masthead.search.Reindex;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The operator's handle on the search index, used by {@code ./masthead reindex}: answers only on the
 * loopback interface (see {@link OperatorSecurity}) and only to JSON requests, which a cross-site form
 * cannot send.
 */
@RestController
class ReindexController {

    static final String PATH = "/internal/search/reindex";

    private final Reindex reindex;

    ReindexController(Reindex reindex) {
        this.reindex = reindex;
    }

    /** Starts a rebuild: 202 with its status, or 409 if one is already running. */
    @PostMapping(path = PATH, consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Reindex.Status> start() {
        boolean started = reindex.start();
        return ResponseEntity.status(started ? HttpStatus.ACCEPTED : HttpStatus.CONFLICT).body(reindex.status());
    }

    @GetMapping(path = PATH, produces = MediaType.APPLICATION_JSON_VALUE)
    Reindex.Status status() {
        return reindex.status();
    }
}
