package org.masthead.editorial.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.Map;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.masthead.content.Author;
import org.masthead.content.Taxonomy;
import org.masthead.content.TaxonomyNotFound;
import org.masthead.content.TaxonomyRejected;
import org.masthead.editorial.NotAllowed;
import org.masthead.editorial.TaxonomyDesk;
import org.masthead.identity.Account;
import org.masthead.identity.Accounts;
import org.masthead.identity.NewsroomPages;
import org.masthead.identity.NewsroomUser;
import org.masthead.media.MediaLibrary;
import org.masthead.site.PublicUrls;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.view.RedirectView;

/**
 * Editors keep the author profiles: names in each language (the blank ones suggested by transliteration
 * from the one written), job title, biography, photo from the media library, other profiles, and the
 * newsroom account that writes under the byline.
 */
@Controller
class AuthorsController {

    private static final String BASE = "/newsroom/authors";
    private static final int PHOTO_CHOICES = 100;

    private final TaxonomyDesk desk;
    private final Taxonomy taxonomy;
    private final Accounts accounts;
    private final MediaLibrary media;
    private final NewsroomPages pages;
    private final PublicUrls urls;

    AuthorsController(TaxonomyDesk desk, Taxonomy taxonomy, Accounts accounts, MediaLibrary media, NewsroomPages pages,
            PublicUrls urls) {
        this.desk = desk;
        this.taxonomy = taxonomy;
        this.accounts = accounts;
        this.media = media;
        this.pages = pages;
        this.urls = urls;
    }

    @GetMapping(BASE)
    ModelAndView list(HttpServletRequest request, @AuthenticationPrincipal NewsroomUser user,
            @RequestParam(required = false) @Nullable String done) {
        require(user);
        var language = user.uiLanguage();
        var names = accounts.all().stream().collect(Collectors.toMap(Account::id, Account::username));
        var rows = taxonomy.authorDetails().stream().map(details -> {
            var author = details.author();
            return new AuthorsPage.Row(author.id(), author.name().in(language),
                    SectionsController.others(author.name(), language), author.jobTitle().in(language), details.stories(),
                    author.accountId() == null ? "" : names.getOrDefault(author.accountId(), ""));
        }).toList();
        return new ModelAndView("newsroom/editorial/authors", "page", new AuthorsPage(
                pages.chrome(request, user, "newsroom.authors.title", "authors"), rows,
                TagsController.notice(pages.messages(language), done)));
    }

    @GetMapping(BASE + "/new")
    ModelAndView blank(HttpServletRequest request, @AuthenticationPrincipal NewsroomUser user) {
        require(user);
        return page(request, user, null, AuthorForm.BLANK, Map.of(), false, null, HttpStatus.OK);
    }

    /** Creates the author, or with {@code op=suggest} only fills the blank names and shows the form again. */
    @PostMapping(BASE)
    ModelAndView create(HttpServletRequest request, @AuthenticationPrincipal NewsroomUser user,
            @RequestParam(defaultValue = "save") String op) {
        require(user);
        var form = AuthorForm.parse(request.getParameterMap());
        if (op.equals("suggest")) {
            return page(request, user, null, form.withSuggestedNames(), Map.of(), true, null, HttpStatus.OK);
        }
        try {
            long id = desk.createAuthor(user, form.draft());
            return new ModelAndView(new RedirectView(BASE + "/" + id + "?done=created"));
        } catch (TaxonomyRejected rejected) {
            return page(request, user, null, form, Forms.error(rejected, pages.messages(user.uiLanguage())), false, null,
                    HttpStatus.UNPROCESSABLE_CONTENT);
        }
    }

    @GetMapping(BASE + "/{id:\\d{1,18}}")
    ModelAndView edit(HttpServletRequest request, @AuthenticationPrincipal NewsroomUser user, @PathVariable long id,
            @RequestParam(required = false) @Nullable String done) {
        require(user);
        var author = author(id);
        return page(request, user, author, AuthorForm.of(author), Map.of(), false, done, HttpStatus.OK);
    }

    @PostMapping(BASE + "/{id:\\d{1,18}}")
    ModelAndView update(HttpServletRequest request, @AuthenticationPrincipal NewsroomUser user, @PathVariable long id,
            @RequestParam(defaultValue = "save") String op) {
        require(user);
        var author = author(id);
        var form = AuthorForm.parse(request.getParameterMap());
        if (op.equals("suggest")) {
            return page(request, user, author, form.withSuggestedNames(), Map.of(), true, null, HttpStatus.OK);
        }
        try {
            desk.updateAuthor(user, id, form.draft());
            return new ModelAndView(new RedirectView(BASE + "/" + id + "?done=saved"));
        } catch (TaxonomyRejected rejected) {
            return page(request, user, author, form, Forms.error(rejected, pages.messages(user.uiLanguage())), false,
                    null, HttpStatus.UNPROCESSABLE_CONTENT);
        }
    }

    @PostMapping(BASE + "/{id:\\d{1,18}}/delete")
    ModelAndView delete(HttpServletRequest request, @AuthenticationPrincipal NewsroomUser user, @PathVariable long id) {
        var author = author(id);
        try {
            desk.deleteAuthor(user, id);
            return new ModelAndView(new RedirectView(BASE + "?done=deleted"));
        } catch (TaxonomyRejected rejected) {
            return page(request, user, author, AuthorForm.of(author), Forms.error(rejected,
                    pages.messages(user.uiLanguage())), false, null, HttpStatus.UNPROCESSABLE_CONTENT);
        }
    }

    private ModelAndView page(HttpServletRequest request, NewsroomUser user, @Nullable Author author, AuthorForm form,
            Map<String, String> errors, boolean suggested, @Nullable String done, HttpStatus status) {
        var language = user.uiLanguage();
        var photos = new ArrayList<AuthorPage.Option>();
        media.search("", 0, PHOTO_CHOICES).forEach(item -> photos.add(new AuthorPage.Option(Long.toString(item.id()),
                "#" + item.id() + " " + (item.text(language).caption().isBlank() ? item.originalName()
                        : item.text(language).caption()))));
        if (!form.photo().isBlank() && photos.stream().noneMatch(o -> o.value().equals(form.photo()))) {
            photos.addFirst(new AuthorPage.Option(form.photo(), "#" + form.photo()));
        }
        // only active accounts may be linked; the one linked now stays listed even if it was disabled since
        var choices = accounts.all().stream()
                .filter(a -> a.enabled() || Long.toString(a.id()).equals(form.account()))
                .map(a -> new AuthorPage.Option(Long.toString(a.id()), a.displayName() + " (" + a.username() + ")"))
                .toList();
        var title = author == null ? pages.chrome(request, user, "newsroom.authors.new", "authors")
                : pages.chrome(request, user, "newsroom.author.title", "authors", author.name().in(language));
        var stories = author == null ? 0 : taxonomy.authorDetails(author.id()).map(d -> d.stories()).orElse(0);
        var view = new ModelAndView("newsroom/editorial/author", "page", new AuthorPage(title,
                author == null ? 0 : author.id(), form, errors, photos, choices,
                author == null ? null : urls.author(language, author), stories, suggested,
                TagsController.notice(pages.messages(language), done)));
        view.setStatus(status);
        return view;
    }

    private Author author(long id) {
        return taxonomy.authorDetails(id).orElseThrow(() -> new TaxonomyNotFound("author")).author();
    }

    private static void require(NewsroomUser user) {
        if (!TaxonomyDesk.mayTagsAndAuthors(user)) {
            throw new NotAllowed("authors");
        }
    }
}
