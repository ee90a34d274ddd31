package org.masthead.api.admin;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.masthead.content.ApprovalOutdated;
import org.masthead.content.EditConflict;
import org.masthead.platform.Language;
import org.masthead.content.InvalidContent;
import org.masthead.content.LiveEntryTooLarge;
import org.masthead.content.StoryNotFound;
import org.masthead.editorial.PublishBlocked;
import org.masthead.editorial.WorkflowRefused;
import org.masthead.editorial.NotAllowed;
import org.masthead.content.TaxonomyNotFound;
import org.masthead.content.TaxonomyRejected;
import org.masthead.media.UploadRejected;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.MaxUploadSizeExceededException;

/**
 * Errors of the admin API as RFC 9457 problem documents that say exactly what to fix: the field
 * ({@code field}, or {@code errors} for several), the current revision on a conflict, the reasons a
 * story cannot be published yet.
 */
@RestControllerAdvice(basePackageClasses = AdminApiProblems.class)
class AdminApiProblems {

    private final MessageSource messages;

    AdminApiProblems(MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler(InvalidField.class)
    ResponseEntity<ProblemDetail> invalidField(InvalidField e, HttpServletRequest request) {
        var problem = problem(HttpStatus.BAD_REQUEST, "Invalid request", e.getMessage());
        problem.setProperty("field", e.field());
        return respond(problem, request);
    }

    /** What the content rules refused: every field with its problem, the first also as {@code field}. */
    @ExceptionHandler(InvalidContent.class)
    ResponseEntity<ProblemDetail> invalidContent(InvalidContent e, HttpServletRequest request) {
        var errors = e.problems().stream()
                .map(p -> Map.of("field", p.field(), "detail", english(p.messageKey(), p.args().toArray())))
                .toList();
        var problem = problem(HttpStatus.BAD_REQUEST, "Invalid request",
                errors.size() == 1 ? errors.getFirst().get("field") + ": " + errors.getFirst().get("detail")
                        : errors.size() + " fields are invalid; the first is " + errors.getFirst().get("field") + ".");
        problem.setProperty("field", errors.getFirst().get("field"));
        problem.setProperty("errors", errors);
        return respond(problem, request);
    }

    /** An entry over the live blog's limits: understood, but refused for its size (a story of its own). */
    @ExceptionHandler(LiveEntryTooLarge.class)
    ResponseEntity<ProblemDetail> entryTooLarge(LiveEntryTooLarge e, HttpServletRequest request) {
        var first = e.problems().getFirst();
        var problem = problem(HttpStatus.UNPROCESSABLE_CONTENT, "Entry too large",
                first.field() + ": " + english(first.messageKey(), first.args().toArray())
                        + " An entry is short; a long text is a story of its own.");
        problem.setProperty("field", first.field());
        return respond(problem, request);
    }

    /** One token posted entries faster than its limit: wait, and the others' go on meanwhile. */
    @ExceptionHandler(EntryRate.TooManyEntries.class)
    ResponseEntity<ProblemDetail> tooManyEntries(EntryRate.TooManyEntries e, HttpServletRequest request) {
        var problem = problem(HttpStatus.TOO_MANY_REQUESTS, "Too many entries", e.getMessage());
        problem.setInstance(URI.create(request.getRequestURI()));
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS).header(HttpHeaders.RETRY_AFTER, Long.toString(e.seconds()))
                .header(HttpHeaders.CACHE_CONTROL, "no-store").contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    @ExceptionHandler(MethodArgumentNotValidException.class)
    ResponseEntity<ProblemDetail> invalid(MethodArgumentNotValidException e, HttpServletRequest request) {
        var errors = e.getBindingResult().getFieldErrors().stream()
                .map(error -> Map.of("field", error.getField(), "detail", String.valueOf(error.getDefaultMessage())))
                .toList();
        var problem = problem(HttpStatus.BAD_REQUEST, "Invalid request",
                errors.size() == 1 ? errors.getFirst().get("field") + " " + errors.getFirst().get("detail")
                        : errors.size() + " fields are invalid.");
        problem.setProperty("errors", errors);
        return respond(problem, request);
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException e, HttpServletRequest request) {
        var bound = RequestBodyLimit.passed(e);
        if (bound != null) {
            var problem = problem(HttpStatus.CONTENT_TOO_LARGE, bound.title(), bound.detail());
            problem.setProperty("field", "body");
            return respond(problem, request);
        }
        // the parser's message may quote the input: a short, fixed explanation is safer, with the field it
        // stopped at (an unknown block or mark 'type', a string where a number belongs)
        var problem = problem(HttpStatus.BAD_REQUEST, "Malformed JSON",
                "The body is not a JSON document of the expected shape (check the syntax, the field types and "
                        + "each block's and mark's 'type').");
        if (e.getMostSpecificCause() instanceof tools.jackson.core.JacksonException jackson && !jackson.getPath().isEmpty()) {
            var field = new StringBuilder();
            for (var reference : jackson.getPath()) {
                var name = reference.getPropertyName();
                if (name != null) {
                    field.append(field.isEmpty() ? "" : ".").append(name.matches("[A-Za-z0-9_]{1,40}") ? name : "?");
                } else if (reference.getIndex() >= 0) {
                    field.append('[').append(reference.getIndex()).append(']');
                }
            }
            problem.setProperty("field", field.toString());
        }
        return respond(problem, request);
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<ProblemDetail> mediaType(HttpMediaTypeNotSupportedException e, HttpServletRequest request) {
        return respond(problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Unsupported media type",
                "Send " + e.getSupportedMediaTypes() + "."), request);
    }

    @ExceptionHandler(StoryNotFound.class)
    ResponseEntity<ProblemDetail> notFound(StoryNotFound e, HttpServletRequest request) {
        return respond(problem(HttpStatus.NOT_FOUND, "No such story", e.getMessage()), request);
    }

    @ExceptionHandler(EditConflict.class)
    ResponseEntity<ProblemDetail> conflict(EditConflict e, HttpServletRequest request) {
        var problem = problem(HttpStatus.CONFLICT, "Edit conflict", "The " + e.language().code() + " version is at revision "
                + e.currentRevision() + "; fetch it, merge your changes and send them based on that revision.");
        problem.setProperty("currentRevision", e.currentRevision());
        return respond(problem, request);
    }

    /** Publish or schedule named revisions that are no longer the latest: nothing was approved. */
    @ExceptionHandler(ApprovalOutdated.class)
    ResponseEntity<ProblemDetail> outdated(ApprovalOutdated e, HttpServletRequest request) {
        var changed = e.changed().stream().sorted().map(Language::code).toList();
        var problem = problem(HttpStatus.CONFLICT, "Changed since read", "The " + String.join(", ", changed)
                + (changed.size() == 1 ? " version was" : " versions were") + " saved or written after the revisions "
                + "named; nothing was approved. Fetch the story, read it, and send its current revisions.");
        var current = new java.util.TreeMap<String, Integer>();
        e.current().forEach((language, revision) -> current.put(language.code(), revision));
        problem.setProperty("changed", changed);
        problem.setProperty("currentRevisions", current);
        return respond(problem, request);
    }

    @ExceptionHandler({WorkflowRefused.class, AccessDeniedException.class})
    ResponseEntity<ProblemDetail> refused(RuntimeException e, HttpServletRequest request) {
        return respond(problem(HttpStatus.FORBIDDEN, "Not allowed",
                "The token's account may not do this to this story in its current status."), request);
    }

    @ExceptionHandler(NotAllowed.class)
    ResponseEntity<ProblemDetail> notAllowed(NotAllowed e, HttpServletRequest request) {
        return respond(problem(HttpStatus.FORBIDDEN, "Not allowed",
                "The token's account may not do this: admins manage sections, pages and settings; editors tags "
                        + "and authors."), request);
    }

    /** A refused section, tag, author or page change: which field, and why, as the newsroom says it. */
    @ExceptionHandler(TaxonomyRejected.class)
    ResponseEntity<ProblemDetail> rejected(TaxonomyRejected e, HttpServletRequest request) {
        var detail = messages.getMessage(e.messageKey(), e.arguments().toArray(), e.messageKey(), Locale.ENGLISH);
        var problem = problem(HttpStatus.BAD_REQUEST, "Invalid request", detail);
        problem.setProperty("field", e.field());
        return respond(problem, request);
    }

    @ExceptionHandler(TaxonomyNotFound.class)
    ResponseEntity<ProblemDetail> missing(TaxonomyNotFound e, HttpServletRequest request) {
        return respond(problem(HttpStatus.NOT_FOUND, "Not found", "There is no such " + e.kind() + "."), request);
    }

    @ExceptionHandler(PublishBlocked.class)
    ResponseEntity<ProblemDetail> blocked(PublishBlocked e, HttpServletRequest request) {
        var problem = problem(HttpStatus.UNPROCESSABLE_CONTENT, "Not ready to publish",
                "Fix the listed problems first.");
        List<Map<String, Object>> problems = e.problems().stream().map(p -> Map.<String, Object>of(
                "language", p.language().code(), "block", p.block(), "detail", english(p.messageKey()))).toList();
        problem.setProperty("problems", problems);
        return respond(problem, request);
    }

    @ExceptionHandler(UploadRejected.class)
    ResponseEntity<ProblemDetail> upload(UploadRejected e, HttpServletRequest request) {
        if (e.temporary()) {
            // the image store cannot be reached: nothing was kept, and the same upload may succeed in a moment
            var problem = problem(HttpStatus.SERVICE_UNAVAILABLE, "Image store unavailable", english(e.messageKey()));
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "30")
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON).body(withInstance(problem, request));
        }
        var problem = problem(HttpStatus.UNPROCESSABLE_CONTENT, "Image refused", english(e.messageKey()));
        problem.setProperty("field", "file");
        return respond(problem, request);
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ResponseEntity<ProblemDetail> tooLarge(MaxUploadSizeExceededException e, HttpServletRequest request) {
        return respond(problem(HttpStatus.CONTENT_TOO_LARGE, "Upload too large", "The upload exceeds the size limit."),
                request);
    }

    private String english(String key, Object... args) {
        return messages.getMessage(key, args.length == 0 ? null : args, key, Locale.ENGLISH);
    }

    private static ProblemDetail problem(HttpStatus status, String title, String detail) {
        var problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        return problem;
    }

    private static ProblemDetail withInstance(ProblemDetail problem, HttpServletRequest request) {
        problem.setInstance(URI.create(request.getRequestURI()));
        return problem;
    }

    private static ResponseEntity<ProblemDetail> respond(ProblemDetail problem, HttpServletRequest request) {
        withInstance(problem, request);
        return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
