package org.masthead.media.web;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.masthead.identity.NewsroomPages;
import org.masthead.identity.NewsroomUser;
import org.masthead.identity.Role;
import org.masthead.media.MediaLibrary;
import org.masthead.media.MediaProperties;
import org.masthead.media.MediaText;
import org.masthead.media.UploadRejected;
import org.masthead.platform.Language;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.view.RedirectView;

/** The newsroom's media library: upload, search, and the texts of each image per language. */
@Controller
class MediaDeskController {

    private static final int SHOWN = 48;
    private static final int MAX_TEXT = 1000;

    private final MediaLibrary media;
    private final MediaProperties properties;
    private final NewsroomPages pages;

    MediaDeskController(MediaLibrary media, MediaProperties properties, NewsroomPages pages) {
        this.media = media;
        this.properties = properties;
        this.pages = pages;
    }

    @GetMapping("/newsroom/media")
    ModelAndView library(HttpServletRequest request, @AuthenticationPrincipal NewsroomUser user,
            @RequestParam(defaultValue = "") String q) {
        return page(request, user, q, null, HttpStatus.OK);
    }

    @PostMapping("/newsroom/media")
    ModelAndView upload(HttpServletRequest request, @AuthenticationPrincipal NewsroomUser user,
            @RequestParam(required = false) @Nullable MultipartFile file) throws IOException {
        requireMayUpload(user);
        if (file == null || file.isEmpty()) {
            return page(request, user, "", "newsroom.media.error.empty", HttpStatus.UNPROCESSABLE_CONTENT);
        }
        try {
            var item = media.upload(file.getBytes(), Objects.requireNonNullElse(file.getOriginalFilename(), ""),
                    user.username());
            return new ModelAndView(new RedirectView("/newsroom/media/" + item.id()));
        } catch (UploadRejected e) {
            return page(request, user, "", e.messageKey(),
                    e.temporary() ? HttpStatus.SERVICE_UNAVAILABLE : HttpStatus.UNPROCESSABLE_CONTENT);
        }
    }

    @GetMapping("/newsroom/media/{id:\\d{1,18}}")
    ModelAndView item(HttpServletRequest request, @AuthenticationPrincipal NewsroomUser user, @PathVariable long id,
            @RequestParam(required = false) @Nullable String saved) {
        var item = media.item(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        var asset = media.find(id).orElseThrow();
        var texts = new ArrayList<MediaItemPage.Text>();
        for (var language : Language.all()) {
            var text = item.text(language);
            texts.add(new MediaItemPage.Text(language.code(), language.nativeName(), text.caption(), text.credit(), text.alt()));
        }
        return new ModelAndView("newsroom/media/item", "page", new MediaItemPage(
                pages.chrome(request, user, "newsroom.media.item", "media", Long.toString(id)), id, item.originalName(),
                "/media/" + id + "/" + asset.atLeast(800).width() + ".jpg", item.width() + " × " + item.height(),
                item.uploadedBy(), texts, mayUpload(user), saved != null));
    }

    @PostMapping("/newsroom/media/{id:\\d{1,18}}")
    RedirectView describe(@AuthenticationPrincipal NewsroomUser user, @PathVariable long id, HttpServletRequest request) {
        requireMayUpload(user);
        media.item(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        for (var language : Language.all()) {
            var prefix = language.code() + ".";
            media.describe(id, language, new MediaText(field(request, prefix + "caption"), field(request, prefix + "credit"),
                    field(request, prefix + "alt")));
        }
        return new RedirectView("/newsroom/media/" + id + "?saved");
    }

    private ModelAndView page(HttpServletRequest request, NewsroomUser user, String query, @Nullable String errorKey,
            HttpStatus status) {
        var t = pages.messages(user.uiLanguage());
        var text = query.length() > 100 ? query.substring(0, 100) : query;
        var found = media.search(text, 0, SHOWN);
        var assets = media.find(found.stream().map(i -> i.id()).toList());
        var items = found.stream().map(item -> {
            var asset = assets.get(item.id());
            var thumb = asset == null ? "" : "/media/" + item.id() + "/" + asset.atLeast(400).width() + ".jpg";
            var caption = item.text(user.uiLanguage()).caption();
            boolean complete = Language.all().stream().allMatch(l -> item.text(l).complete());
            return new MediaLibraryPage.Item(item.id(), item.originalName(), thumb, caption,
                    item.width() + " × " + item.height(), complete);
        }).toList();
        var view = new ModelAndView("newsroom/media/library", "page", new MediaLibraryPage(
                pages.chrome(request, user, "newsroom.media.title", "media"), text, items,
                errorKey == null ? null : t.get(errorKey), mayUpload(user),
                (properties.maxUploadBytes() / 1_000_000) + " MB"));
        view.setStatus(status);
        return view;
    }

    private static String field(HttpServletRequest request, String name) {
        var value = request.getParameter(name);
        if (value == null) {
            return "";
        }
        return value.length() > MAX_TEXT ? value.substring(0, MAX_TEXT) : value;
    }

    /** Everyone who writes or edits stories places images; an admin without such a role does not. */
    private static boolean mayUpload(NewsroomUser user) {
        return user.has(Role.CONTRIBUTOR) || user.has(Role.EDITOR) || user.has(Role.TRANSLATOR);
    }

    private static void requireMayUpload(NewsroomUser user) {
        if (!mayUpload(user)) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN);
        }
    }
}
