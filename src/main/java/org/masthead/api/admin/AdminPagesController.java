package org.masthead.api.admin;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.masthead.api.ApiConfiguration;
import org.masthead.api.openapi.ErrorResponses;
import org.masthead.api.admin.TaxonomyRequests.PageRequest;
import org.masthead.api.admin.TaxonomyRequests.PageVersionRequest;
import org.masthead.api.admin.TaxonomyResponses.PageResponse;
import org.masthead.api.admin.TaxonomyResponses.PageVersionResponse;
import org.masthead.content.PageDraft;
import org.masthead.content.PagePurpose;
import org.masthead.content.PageSettings;
import org.masthead.content.Pages;
import org.masthead.content.StaticPage;
import org.masthead.content.TaxonomyNotFound;
import org.masthead.editorial.NotAllowed;
import org.masthead.editorial.PageDesk;
import org.masthead.identity.NewsroomUser;
import org.masthead.platform.Language;
import org.masthead.site.PublicUrls;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Static pages through the admin API: admins only (checked by the desk behind), bodies checked like a
 * story's, every change audited and announced. A request's changes commit together or not at all.
 */
@RestController
@Tag(name = ApiConfiguration.ADMIN)
@ErrorResponses({400, 401, 403})
@SecurityRequirement(name = ApiConfiguration.ADMIN_TOKEN)
@RequestMapping(path = "/api/v1/admin/pages", produces = MediaType.APPLICATION_JSON_VALUE)
class AdminPagesController {

    private static final String ID = "/{id:\\d{1,18}}";

    private final PageDesk desk;
    private final Pages pages;
    private final PublicUrls urls;
    private final TransactionTemplate transactions;

    AdminPagesController(PageDesk desk, Pages pages, PublicUrls urls,
            PlatformTransactionManager transactions) {
        this.desk = desk;
        this.pages = pages;
        this.urls = urls;
        this.transactions = new TransactionTemplate(transactions);
    }

    @Operation(operationId = "listPages", summary = "Every static page, in footer order, with its versions")
    @GetMapping
    List<PageResponse> list() {
        return pages.all().stream().map(this::page).toList();
    }

    @ErrorResponses(415)
    @Operation(operationId = "createPage", summary = "Create a page with one or more language versions (admins)")
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<PageResponse> create(@AuthenticationPrincipal NewsroomUser user, @Valid @RequestBody PageRequest body) {
        requireAdmin(user);
        var versions = drafts(body.versions());
        if (versions.isEmpty()) {
            throw new InvalidField("versions", "A page needs at least one language version.");
        }
        var settings = new PageSettings(!Boolean.FALSE.equals(body.inFooter()), purpose(body.purpose()));
        long id = Objects.requireNonNull(transactions.execute(status -> {
            long created = desk.create(user, settings, versions.getFirst());
            versions.stream().skip(1).forEach(draft -> desk.save(user, created, draft));
            if (body.position() != null) {
                desk.move(user, created, body.position() - pages.all().size());
            }
            return created;
        }));
        return ResponseEntity.created(URI.create("/api/v1/admin/pages/" + id)).body(page(find(id)));
    }

    @ErrorResponses(404)
    @Operation(operationId = "getPage", summary = "One page")
    @GetMapping(ID)
    PageResponse get(@PathVariable long id) {
        return page(find(id));
    }

    @ErrorResponses({404, 415})
    @Operation(operationId = "updatePage", summary = "Change a page (admins): its footer place and purpose, and the versions it carries; "
            + "versions left out stay as they are")
    @PutMapping(path = ID, consumes = MediaType.APPLICATION_JSON_VALUE)
    PageResponse update(@AuthenticationPrincipal NewsroomUser user, @PathVariable long id,
            @Valid @RequestBody PageRequest body) {
        requireAdmin(user);
        var current = find(id);
        var versions = drafts(body.versions());
        transactions.executeWithoutResult(status -> {
            var settings = new PageSettings(body.inFooter() == null ? current.inFooter() : body.inFooter(),
                    body.purpose() == null ? current.purpose() : purpose(body.purpose()));
            if (settings.inFooter() != current.inFooter() || settings.purpose() != current.purpose()) {
                desk.updateSettings(user, id, settings);
            }
            versions.forEach(draft -> desk.save(user, id, draft));
            if (body.position() != null && body.position() != current.position()) {
                desk.move(user, id, body.position() - current.position());
            }
        });
        return page(find(id));
    }

    @ErrorResponses(404)
    @Operation(operationId = "deletePage", summary = "Delete a page (admins)")
    @ApiResponse(responseCode = "204", description = "Deleted; nothing in the body")
    // no body to negotiate: a client that accepts only problem documents (for the errors) is answered too
    @DeleteMapping(path = ID, produces = MediaType.ALL_VALUE)
    ResponseEntity<Void> delete(@AuthenticationPrincipal NewsroomUser user, @PathVariable long id) {
        find(id);
        desk.delete(user, id);
        return ResponseEntity.noContent().build();
    }

    private List<PageDraft> drafts(@Nullable Map<String, PageVersionRequest> versions) {
        if (versions == null) {
            return List.of();
        }
        return versions.entrySet().stream().map(entry -> {
            var language = Language.fromCode(entry.getKey()).orElseThrow(() -> new InvalidField("versions",
                    "'" + entry.getKey() + "' is not a language of this site; use uk, en or ru."));
            var v = entry.getValue();
            return new PageDraft(language, AdminTaxonomyController.text(v.slug()), v.title(),
                    AdminTaxonomyController.text(v.summary()), AdminTaxonomyController.text(v.seoTitle()),
                    AdminTaxonomyController.text(v.seoDescription()), v.body(),
                    !Boolean.FALSE.equals(v.live()));
        }).sorted(java.util.Comparator.comparing(PageDraft::language)).toList();
    }

    /** Refused before the body is even read: pages are the admins'. */
    private static void requireAdmin(NewsroomUser user) {
        if (!PageDesk.mayEdit(user)) {
            throw new NotAllowed("pages");
        }
    }

    private static PagePurpose purpose(@Nullable String key) {
        if (key == null || key.isBlank()) {
            return PagePurpose.NONE;
        }
        return PagePurpose.fromKey(key).orElseThrow(() -> new InvalidField("purpose", "Unknown purpose '" + key
                + "'; use one of " + java.util.Arrays.stream(PagePurpose.values()).map(PagePurpose::key).toList() + "."));
    }

    private StaticPage find(long id) {
        return pages.find(id).orElseThrow(() -> new TaxonomyNotFound("page"));
    }

    private PageResponse page(StaticPage page) {
        var versions = new LinkedHashMap<String, PageVersionResponse>();
        for (var language : Language.all()) {
            var v = page.versions().get(language);
            if (v != null) {
                versions.put(language.code(), new PageVersionResponse(v.slug(), v.title(), v.summary(), v.seoTitle(),
                        v.seoDescription(), v.body(), v.live(),
                        v.live() ? urls.absolute(urls.page(language, v.slug())) : null, v.updatedAt(), v.updatedBy()));
            }
        }
        return new PageResponse(page.id(), page.position(), page.inFooter(),
                page.purpose() == PagePurpose.NONE ? "" : page.purpose().key(), versions, page.createdAt(),
                page.createdBy());
    }
}
