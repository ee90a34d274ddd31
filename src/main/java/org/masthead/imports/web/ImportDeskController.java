package org.masthead.imports.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.masthead.identity.NewsroomPages;
import org.masthead.identity.NewsroomUser;
import org.masthead.imports.ArchiveImports;
import org.masthead.imports.ImportOptions;
import org.masthead.imports.ImportReport;
import org.masthead.imports.ImportRun;
import org.masthead.imports.ImportRuns;
import org.masthead.platform.Language;
import org.masthead.platform.web.UiMessages;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.resource.ResourceUrlProvider;
import org.springframework.web.servlet.view.RedirectView;
import tools.jackson.databind.json.JsonMapper;

/**
 * The import page: admins upload a WordPress or Ghost export, follow the run (a progress bar with items per second
 * and the time left, refreshed by a small script, or by reloading the page) and read its report item by item, or
 * download it as CSV or JSON. Only admins reach {@code /newsroom/admin/**} (the newsroom's security chain); the
 * upload's CSRF token and options are read before its file by {@link StreamedUpload}, and the file goes to disk
 * as it arrives.
 */
@Controller
class ImportDeskController {

    static final String PATH = "/newsroom/admin/imports";
    private static final int LATEST = 20;
    private static final int PAGE = 200;

    private final ImportRuns runs;
    private final NewsroomPages pages;
    private final ResourceUrlProvider resources;
    private final JsonMapper json;

    ImportDeskController(ImportRuns runs, NewsroomPages pages, ResourceUrlProvider resources, JsonMapper json) {
        this.runs = runs;
        this.pages = pages;
        this.resources = resources;
        this.json = json;
    }

    @GetMapping(PATH)
    ModelAndView list(HttpServletRequest request, @AuthenticationPrincipal NewsroomUser admin) {
        return page(request, admin, ImportsPage.Form.EMPTY, Map.of(), HttpStatus.OK);
    }

    @PostMapping(PATH)
    ModelAndView upload(HttpServletRequest request, @AuthenticationPrincipal NewsroomUser admin) {
        var t = pages.messages(admin.uiLanguage());
        var form = new ImportsPage.Form(param(request, "source"), param(request, "language"), param(request, "permalinks"),
                param(request, "media"), request.getParameter("fetchImages") != null, request.getParameter("dryRun") != null);
        var errors = new LinkedHashMap<String, String>();
        var source = switch (form.source()) {
            case "wordpress" -> ArchiveImports.Source.WORDPRESS;
            case "ghost" -> ArchiveImports.Source.GHOST;
            default -> null;
        };
        if (source == null) {
            errors.put("source", t.get("newsroom.imports.error.source"));
        }
        Language language = null;
        if (!form.language().isEmpty()) {
            language = Language.fromCode(form.language()).orElse(null);
            if (language == null) {
                errors.put("language", t.get("newsroom.imports.error.language"));
            }
        }
        if (form.permalinks().length() > 200 || (!form.permalinks().isEmpty() && !form.permalinks().startsWith("/"))) {
            errors.put("permalinks", t.get("newsroom.imports.error.permalinks"));
        }
        Path media = null;
        if (!form.media().isEmpty()) {
            try {
                media = runs.mediaFolder(form.media());
            } catch (ImportRuns.MediaFolderRefused refused) {
                errors.put("media", t.get("newsroom.imports.error.media." + refused.reason().name().toLowerCase(Locale.ROOT)
                        .replace('_', '-'), mediaRoots()));
            }
        }
        var upload = StreamedUpload.of(request).filter(StreamedUpload::hasFile).orElse(null);
        if (upload == null) {
            errors.put("file", t.get("newsroom.imports.error.no-file"));
        }
        if (!errors.isEmpty() || upload == null || source == null) {
            return page(request, admin, form, errors, HttpStatus.BAD_REQUEST);
        }
        var options = new ImportOptions(media, form.fetchImages(), language, form.permalinks(), form.dryRun());
        try {
            long id = runs.start(source, upload.fileName(), upload.content(), options, admin.username());
            var view = new RedirectView(PATH + "/" + id);
            view.setStatusCode(HttpStatus.SEE_OTHER);
            return new ModelAndView(view);
        } catch (ArchiveImports.Busy busy) {
            return page(request, admin, form, Map.of("file", t.get("newsroom.imports.error.busy")), HttpStatus.CONFLICT);
        } catch (ImportRuns.UploadTooLarge tooLarge) {
            return page(request, admin, form, Map.of("file", t.get("newsroom.imports.error.too-large", size(tooLarge.limit()))),
                    HttpStatus.CONTENT_TOO_LARGE);
        } catch (ImportRuns.EmptyUpload empty) {
            return page(request, admin, form, Map.of("file", t.get("newsroom.imports.error.empty")), HttpStatus.BAD_REQUEST);
        } catch (UncheckedIOException unwritten) {
            return page(request, admin, form, Map.of("file", t.get("newsroom.imports.error.unwritten")),
                    HttpStatus.SERVICE_UNAVAILABLE);
        }
    }

    @GetMapping(PATH + "/{id:\\d{1,18}}")
    ModelAndView run(HttpServletRequest request, @AuthenticationPrincipal NewsroomUser admin, @PathVariable long id,
            @RequestParam(defaultValue = "") String outcome, @RequestParam(defaultValue = "1") int page) {
        var run = runs.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        var t = pages.messages(admin.uiLanguage());
        var filter = outcome(outcome);
        int number = Math.max(1, Math.min(page, 100_000));
        var lines = run.status().ended() ? runs.lines(id, filter, (number - 1) * PAGE, PAGE + 1) : List.<ImportReport.Line>of();
        var base = PATH + "/" + id;
        var filters = new ArrayList<ImportRunPage.Filter>();
        if (run.status().ended() && !lines.isEmpty() || filter != null) {
            int all = 0;
            for (var o : ImportReport.Outcome.values()) {
                all += run.counts().of(o);
            }
            filters.add(new ImportRunPage.Filter(t.get("newsroom.imports.filter.all", all), base, filter == null));
            for (var o : ImportReport.Outcome.values()) {
                if (run.counts().of(o) > 0) {
                    filters.add(new ImportRunPage.Filter(t.get("newsroom.imports.outcome." + key(o)) + " (" + run.counts().of(o) + ")",
                            base + "?outcome=" + key(o), o == filter));
                }
            }
        }
        var query = filter == null ? "?" : "?outcome=" + key(filter) + "&";
        var shown = lines.stream().limit(PAGE).map(l -> new ImportRunPage.Line(l.sourceId(), l.type(),
                t.get("newsroom.imports.outcome." + key(l.outcome())), key(l.outcome()), l.target(), l.reason())).toList();
        return new ModelAndView("newsroom/imports/run", "page", new ImportRunPage(
                pages.chrome(request, admin, "newsroom.imports.run-title", "imports", run.fileName()),
                view(run, t), Objects.requireNonNullElse(resources.getForLookupPath("/newsroom/js/imports.js"), "/newsroom/js/imports.js"),
                filters, shown, number > 1 ? base + query + "page=" + (number - 1) : null,
                lines.size() > PAGE ? base + query + "page=" + (number + 1) : null));
    }

    /** How far a run is, for the page's script: polled once a second while the run is under way. */
    @GetMapping(value = PATH + "/{id:\\d{1,18}}/progress", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    Progress progress(@AuthenticationPrincipal NewsroomUser admin, @PathVariable long id) {
        var run = runs.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        var now = runs.now();
        var left = run.timeLeft(now);
        return new Progress(run.status().name().toLowerCase(Locale.ROOT), run.status().ended(), run.total(), run.done(),
                run.percent(), Math.round(run.itemsPerSecond(now) * 10) / 10.0, left == null ? null : left.toSeconds(),
                progressText(run, pages.messages(admin.uiLanguage())));
    }

    /** {@code secondsLeft} null while unknown; {@code text} the sentence the page shows under the bar. */
    record Progress(String status, boolean ended, int total, int done, int percent, double itemsPerSecond,
            @Nullable Long secondsLeft, String text) {
    }

    @GetMapping(PATH + "/{id:\\d{1,18}}/report.csv")
    void csv(@PathVariable long id, HttpServletResponse response) throws IOException {
        var run = ended(id);
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"import-" + run.id() + ".csv\"");
        try (Writer out = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8)) {
            out.write(ImportReport.CSV_HEADER);
            runs.eachLine(id, line -> {
                try {
                    out.write(ImportReport.csvRow(line));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }

    @GetMapping(PATH + "/{id:\\d{1,18}}/report.json")
    void json(@PathVariable long id, HttpServletResponse response) throws IOException {
        var run = ended(id);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"import-" + run.id() + ".json\"");
        var counts = new EnumMap<ImportReport.Outcome, Integer>(ImportReport.Outcome.class);
        for (var o : ImportReport.Outcome.values()) {
            counts.put(o, run.counts().of(o));
        }
        try (var out = json.createGenerator(response.getOutputStream())) {
            out.writeStartObject();
            out.writeName("counts");
            out.writePOJO(counts);
            out.writeName("items");
            out.writeStartArray();
            runs.eachLine(id, out::writePOJO);
            out.writeEndArray();
            out.writeEndObject();
        }
    }

    private ImportRun ended(long id) {
        var run = runs.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        if (!run.status().ended()) {
            throw new ResponseStatusException(HttpStatus.CONFLICT, "The run has not ended");
        }
        return run;
    }

    private ModelAndView page(HttpServletRequest request, NewsroomUser admin, ImportsPage.Form form, Map<String, String> errors,
            HttpStatus status) {
        var t = pages.messages(admin.uiLanguage());
        var rows = runs.latest(LATEST).stream().map(run -> new ImportsPage.Row(run.id(), run.fileName(),
                t.get("newsroom.imports.source." + run.source().name().toLowerCase(Locale.ROOT)),
                t.get("newsroom.imports.status." + run.status().name().toLowerCase(Locale.ROOT)), pages.time(run.startedAt()),
                run.startedBy(), run.status().ended() ? summary(run, t) : progressText(run, t))).toList();
        var view = new ModelAndView("newsroom/imports/imports", "page", new ImportsPage(
                pages.chrome(request, admin, "newsroom.imports.title", "imports"), form, errors, rows,
                size(runs.maxUploadSize()), runs.busy(), mediaRoots()));
        view.setStatus(status);
        return view;
    }

    /** The folders a media folder may lie under, as the page names them. */
    private String mediaRoots() {
        return String.join(", ", runs.mediaRoots().stream().map(String::valueOf).toList());
    }

    private ImportRunPage.Run view(ImportRun run, UiMessages t) {
        var base = PATH + "/" + run.id();
        return new ImportRunPage.Run(run.id(), run.fileName(),
                t.get("newsroom.imports.source." + run.source().name().toLowerCase(Locale.ROOT)), run.dryRun(),
                t.get("newsroom.imports.status." + run.status().name().toLowerCase(Locale.ROOT)), run.status().ended(),
                run.status() == ImportRun.Status.FAILED || run.status() == ImportRun.Status.INTERRUPTED, run.total(),
                run.done(), run.percent(), run.status().ended() ? summary(run, t) + " · " + progressText(run, t)
                        : progressText(run, t), run.message(), pages.time(run.startedAt()), run.startedBy(),
                base + "/progress", base + "/report.csv", base + "/report.json");
    }

    private String progressText(ImportRun run, UiMessages t) {
        var now = runs.now();
        if (run.total() == 0) {
            return t.get(run.status().ended() ? "newsroom.imports.progress.none" : "newsroom.imports.progress.reading");
        }
        long rate = Math.round(run.itemsPerSecond(now));
        if (run.status().ended()) {
            var took = run.countedAt() == null || run.finishedAt() == null ? Duration.ZERO
                    : Duration.between(run.countedAt(), run.finishedAt());
            return t.get("newsroom.imports.progress.ended", run.done(), run.total(), rate, clock(took));
        }
        var left = run.timeLeft(now);
        return left == null ? t.get("newsroom.imports.progress.started", run.done(), run.total())
                : t.get("newsroom.imports.progress.running", run.done(), run.total(), rate, clock(left));
    }

    private static String summary(ImportRun run, UiMessages t) {
        var parts = new ArrayList<String>();
        for (var o : ImportReport.Outcome.values()) {
            parts.add(t.get("newsroom.imports.outcome." + key(o)) + " " + run.counts().of(o));
        }
        return String.join(" · ", parts);
    }

    private static String clock(Duration duration) {
        long s = Math.max(0, duration.toSeconds());
        return String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60);
    }

    private static String size(long bytes) {
        var size = DataSize.ofBytes(bytes);
        if (size.toGigabytes() >= 1 && bytes % DataSize.ofGigabytes(1).toBytes() == 0) {
            return size.toGigabytes() + " GB";
        }
        if (size.toMegabytes() >= 1) {
            return size.toMegabytes() + " MB";
        }
        return bytes + " B";
    }

    private static ImportReport.@Nullable Outcome outcome(String name) {
        for (var o : ImportReport.Outcome.values()) {
            if (key(o).equals(name)) {
                return o;
            }
        }
        return null;
    }

    private static String key(ImportReport.Outcome outcome) {
        return outcome.name().toLowerCase(Locale.ROOT);
    }

    private static String param(HttpServletRequest request, String name) {
        var value = request.getParameter(name);
        return value == null ? "" : value.strip();
    }
}
