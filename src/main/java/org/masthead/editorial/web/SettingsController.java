package org.masthead.editorial.web;

import jakarta.servlet.http.HttpServletRequest;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.masthead.content.PublicationDraft;
import org.masthead.content.PublicationSettings;
import org.masthead.content.TaxonomyRejected;
import org.masthead.editorial.SettingsDesk;
import org.masthead.identity.NewsroomPages;
import org.masthead.identity.NewsroomUser;
import org.masthead.media.MediaLibrary;
import org.masthead.platform.Language;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.view.RedirectView;

/** Admins name the publication in each language and set its logo, default language, time zone and profiles. */
@Controller
class SettingsController {

    private static final String PATH = "/newsroom/admin/settings";
    private static final int LOGO_CHOICES = 100;

    private final SettingsDesk desk;
    private final PublicationSettings settings;
    private final MediaLibrary media;
    private final NewsroomPages pages;

    SettingsController(SettingsDesk desk, PublicationSettings settings, MediaLibrary media, NewsroomPages pages) {
        this.desk = desk;
        this.settings = settings;
        this.media = media;
        this.pages = pages;
    }

    @GetMapping(PATH)
    ModelAndView show(HttpServletRequest request, @AuthenticationPrincipal NewsroomUser user,
            @RequestParam(required = false) @Nullable String done) {
        var current = settings.current();
        var form = new SettingsPage.Form(current.name(), current.logoMediaId() == null ? "" : current.logoMediaId().toString(),
                current.defaultLanguage().code(), current.timeZone().getId(), String.join("\n", current.socialLinks()));
        return page(request, user, form, Map.of(), done != null ? "newsroom.settings.saved" : null, HttpStatus.OK);
    }

    @PostMapping(PATH)
    ModelAndView save(HttpServletRequest request, @AuthenticationPrincipal NewsroomUser user) {
        var params = request.getParameterMap();
        var form = new SettingsPage.Form(Forms.localized(params, "name"), Forms.text(params, "logo"),
                Forms.text(params, "defaultLanguage"), Forms.text(params, "timeZone"), Forms.text(params, "socialLinks"));
        try {
            var logo = form.logo().isBlank() ? null : Forms.id(form.logo());
            if (!form.logo().isBlank() && logo == null) {
                throw new TaxonomyRejected("logo", "newsroom.settings.error.logo");
            }
            desk.update(user, new PublicationDraft(form.name(), logo, form.defaultLanguage(), form.timeZone(),
                    Forms.lines(params, "socialLinks")));
            return new ModelAndView(new RedirectView(PATH + "?done"));
        } catch (TaxonomyRejected rejected) {
            return page(request, user, form, Forms.error(rejected, pages.messages(user.uiLanguage())), null,
                    HttpStatus.UNPROCESSABLE_CONTENT);
        }
    }

    private ModelAndView page(HttpServletRequest request, NewsroomUser user, SettingsPage.Form form,
            Map<String, String> errors, @Nullable String notice, HttpStatus status) {
        var language = user.uiLanguage();
        var logos = new ArrayList<SettingsPage.Choice>();
        media.search("", 0, LOGO_CHOICES).forEach(item -> logos.add(new SettingsPage.Choice(Long.toString(item.id()),
                "#" + item.id() + " " + (item.text(language).caption().isBlank() ? item.originalName()
                        : item.text(language).caption()))));
        if (!form.logo().isBlank() && logos.stream().noneMatch(c -> c.value().equals(form.logo()))) {
            logos.addFirst(new SettingsPage.Choice(form.logo(), "#" + form.logo()));
        }
        var languages = Language.all().stream().map(l -> new SettingsPage.Choice(l.code(), l.nativeName())).toList();
        var zones = ZoneId.getAvailableZoneIds().stream().filter(z -> z.contains("/") && !z.startsWith("Etc/")
                && !z.startsWith("SystemV/")).sorted().toList();
        var view = new ModelAndView("newsroom/editorial/settings", "page", new SettingsPage(
                pages.chrome(request, user, "newsroom.settings.title", "settings"), form, errors, logos, languages, zones,
                notice == null ? null : pages.messages(language).get(notice)));
        view.setStatus(status);
        return view;
    }
}
