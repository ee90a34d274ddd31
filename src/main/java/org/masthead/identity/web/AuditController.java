package org.masthead.identity.web;

import jakarta.servlet.http.HttpServletRequest;
import org.masthead.identity.AuditLog;
import org.masthead.identity.NewsroomPages;
import org.masthead.identity.NewsroomUser;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

@Controller
class AuditController {

    private static final int SHOWN = 300;

    private final AuditLog audit;
    private final NewsroomPages pages;

    AuditController(AuditLog audit, NewsroomPages pages) {
        this.audit = audit;
        this.pages = pages;
    }

    @GetMapping("/newsroom/admin/audit")
    ModelAndView audit(HttpServletRequest request, @AuthenticationPrincipal NewsroomUser admin,
            @RequestParam(defaultValue = "") String action, @RequestParam(defaultValue = "") String actor) {
        var rows = audit.recent(action, actor, SHOWN).stream()
                .map(e -> new AuditPage.Row(pages.time(e.at()), e.actor(), e.action(), e.subject(), e.detail()))
                .toList();
        return new ModelAndView("newsroom/identity/audit", "page", new AuditPage(
                pages.chrome(request, admin, "newsroom.audit.title", "audit"), rows, audit.actions(), action, actor));
    }
}
