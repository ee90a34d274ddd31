package org.masthead.distribution.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.masthead.distribution.InvalidWebhook;
import org.masthead.distribution.NewWebhook;
import org.masthead.distribution.WebhookDelivery;
import org.masthead.distribution.WebhookEvent;
import org.masthead.distribution.Webhooks;
import org.masthead.identity.NewsroomPages;
import org.masthead.identity.NewsroomUser;
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
 * Admins register, pause and remove webhooks and read their delivery log. Only admins reach
 * {@code /newsroom/admin/**} (the newsroom's security chain); every change is audited.
 */
@Controller
class WebhookAdminController {

    static final String PATH = "/newsroom/admin/webhooks";
    private static final int LOG_SIZE = 50;
    private static final WebhooksPage.Form EMPTY = new WebhooksPage.Form("", List.of(), "");

    private final Webhooks webhooks;
    private final NewsroomPages pages;

    WebhookAdminController(Webhooks webhooks, NewsroomPages pages) {
        this.webhooks = webhooks;
        this.pages = pages;
    }

    @GetMapping(PATH)
    ModelAndView list(HttpServletRequest request, @AuthenticationPrincipal NewsroomUser admin) {
        return page(request, admin, EMPTY, Map.of(), null, HttpStatus.OK);
    }

    @PostMapping(PATH)
    ModelAndView register(HttpServletRequest request, @AuthenticationPrincipal NewsroomUser admin,
            @RequestParam(defaultValue = "") String url, @RequestParam(required = false) @Nullable List<String> events,
            @RequestParam(defaultValue = "") String description) {
        var chosen = events == null ? List.<String>of() : events;
        var form = new WebhooksPage.Form(url, chosen, description);
        var kinds = EnumSet.noneOf(WebhookEvent.class);
        chosen.forEach(name -> WebhookEvent.fromWireName(name).ifPresent(kinds::add));
        try {
            var registered = webhooks.register(new NewWebhook(url, kinds, description), admin.username());
            return page(request, admin, EMPTY, Map.of(),
                    new WebhooksPage.Shown(registered.webhook().url().toString(), registered.secret()), HttpStatus.OK);
        } catch (InvalidWebhook e) {
            var message = pages.messages(admin.uiLanguage()).get(e.messageKey(), e.arguments());
            return page(request, admin, form, Map.of(e.field(), message), null, HttpStatus.UNPROCESSABLE_CONTENT);
        }
    }

    @PostMapping(PATH + "/{id:\\d{1,18}}/active")
    RedirectView active(@AuthenticationPrincipal NewsroomUser admin, @PathVariable long id,
            @RequestParam boolean active) {
        webhooks.setActive(id, active, admin.username());
        return new RedirectView(PATH);
    }

    @PostMapping(PATH + "/{id:\\d{1,18}}/delete")
    RedirectView delete(@AuthenticationPrincipal NewsroomUser admin, @PathVariable long id) {
        webhooks.remove(id, admin.username());
        return new RedirectView(PATH);
    }

    @GetMapping(PATH + "/{id:\\d{1,18}}")
    ModelAndView log(HttpServletRequest request, @AuthenticationPrincipal NewsroomUser admin, @PathVariable long id) {
        var webhook = webhooks.find(id).orElse(null);
        if (webhook == null) {
            return new ModelAndView(new RedirectView(PATH));
        }
        var t = pages.messages(admin.uiLanguage());
        var deliveries = webhooks.deliveries(id, LOG_SIZE).stream().map(d -> new WebhookLogPage.Delivery(d.id(),
                d.event().wireName(), t.get("newsroom.webhooks.status." + d.status().name().toLowerCase(java.util.Locale.ROOT)),
                pages.time(d.createdAt()), d.deliveredAt() == null ? null : pages.time(d.deliveredAt()),
                d.status() == WebhookDelivery.Status.PENDING ? pages.time(d.nextAttemptAt()) : null,
                d.status() == WebhookDelivery.Status.FAILED,
                d.log().stream().map(a -> new WebhookLogPage.Attempt(a.number(), pages.time(a.at()),
                        a.statusCode() != null ? "HTTP " + a.statusCode() + (a.error() == null ? "" : " — " + a.error())
                                : String.valueOf(a.error()), a.durationMillis())).toList(),
                d.payload())).toList();
        return new ModelAndView("newsroom/distribution/webhook-log", "page", new WebhookLogPage(
                pages.chrome(request, admin, "newsroom.webhooks.log-title", "webhooks", webhook.url().getHost()),
                id, webhook.url().toString(), deliveries));
    }

    @PostMapping(PATH + "/{id:\\d{1,18}}/deliveries/{delivery:[0-9a-f-]{36}}/retry")
    RedirectView retry(@AuthenticationPrincipal NewsroomUser admin, @PathVariable long id,
            @PathVariable String delivery) {
        webhooks.retry(delivery, admin.username());
        return new RedirectView(PATH + "/" + id);
    }

    private ModelAndView page(HttpServletRequest request, NewsroomUser admin, WebhooksPage.Form form,
            Map<String, String> errors, WebhooksPage.@Nullable Shown secret, HttpStatus status) {
        var rows = webhooks.all().stream().map(w -> new WebhooksPage.Row(w.id(), w.url().toString(),
                wireNames(w.events()), w.active(), w.description(), pages.time(w.createdAt()))).toList();
        var view = new ModelAndView("newsroom/distribution/webhooks", "page", new WebhooksPage(
                pages.chrome(request, admin, "newsroom.webhooks.title", "webhooks"), rows,
                List.of(WebhookEvent.values()), form, errors, secret));
        view.setStatus(status);
        return view;
    }

    private static String wireNames(java.util.Set<WebhookEvent> events) {
        return events.stream().map(WebhookEvent::wireName).collect(Collectors.joining(", "));
    }
}
