package org.masthead.editorial.web;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.masthead.content.FrontPages;
import org.masthead.content.FrontPages.Front;
import org.masthead.content.FrontPages.Slot;
import org.masthead.content.SectionDetails;
import org.masthead.content.Stories;
import org.masthead.content.StoryCard;
import org.masthead.content.StoryFilter;
import org.masthead.content.Taxonomy;
import org.masthead.content.TaxonomyNotFound;
import org.masthead.content.TaxonomyRejected;
import org.masthead.editorial.FrontPageDesk;
import org.masthead.editorial.NotAllowed;
import org.masthead.identity.IdentityProperties;
import org.masthead.identity.NewsroomPages;
import org.masthead.identity.NewsroomUser;
import org.masthead.platform.Language;
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
 * The fronts of each language, the home page's ({@code /newsroom/front/uk}) and each section's
 * ({@code ?section=world}), and the language's breaking-news banner, arranged by editors without a script: a
 * numbered slot per place (1 leads) with a story (of the section, for a section's front) and an optional time
 * until which it stays there. "Preview" keeps the arrangement as a draft and shows the page with it; "Publish"
 * puts it in front of readers.
 */
@Controller
class FrontDeskController {

    private static final String PATH = "/newsroom/front/";
    /** How many of the newest live stories the slots offer (a story already in a slot is always offered). */
    private static final int CHOICES = 60;

    private final FrontPageDesk desk;
    private final FrontPages fronts;
    private final Stories stories;
    private final Taxonomy taxonomy;
    private final NewsroomPages pages;
    private final ZoneId zone;

    FrontDeskController(FrontPageDesk desk, FrontPages fronts, Stories stories, Taxonomy taxonomy, NewsroomPages pages,
            IdentityProperties identity) {
        this.desk = desk;
        this.fronts = fronts;
        this.stories = stories;
        this.taxonomy = taxonomy;
        this.pages = pages;
        this.zone = identity.timeZone();
    }

    @GetMapping(PATH + "{lang:uk|en|ru}")
    ModelAndView show(HttpServletRequest request, @AuthenticationPrincipal NewsroomUser user, @PathVariable Language lang,
            @RequestParam(required = false) @Nullable String section, @RequestParam(required = false) @Nullable String done) {
        requireEditor(user);
        var front = front(lang, section);
        var rows = draftRows(front.front());
        var banner = fronts.banner(lang).filter(b -> b.shownAt(Instant.now()));
        var form = banner.map(b -> new FrontDeskPage.BannerForm(b.text(), Long.toString(b.storyId()), local(b.expiresAt())))
                .orElseGet(() -> new FrontDeskPage.BannerForm("", "", local(Instant.now().plusSeconds(3600))));
        var notice = done == null ? null : switch (done) {
            case "published" -> "newsroom.front.published";
            case "banner" -> "newsroom.banner.saved";
            case "cleared" -> "newsroom.banner.cleared";
            default -> null;
        };
        return page(request, user, front, rows, form, Map.of(), notice, HttpStatus.OK);
    }

    @PostMapping(PATH + "{lang:uk|en|ru}")
    ModelAndView arrange(HttpServletRequest request, @AuthenticationPrincipal NewsroomUser user,
            @PathVariable Language lang) {
        requireEditor(user);
        var params = request.getParameterMap();
        var front = front(lang, Forms.text(params, "section").strip());
        var rows = new ArrayList<FrontDeskPage.SlotRow>();
        for (int position = 1; position <= FrontPages.SLOTS; position++) {
            rows.add(new FrontDeskPage.SlotRow(position, Forms.text(params, "slot" + position + ".story").strip(),
                    Forms.text(params, "slot" + position + ".until").strip()));
        }
        try {
            var slots = new ArrayList<Slot>();
            for (var row : rows) {
                if (row.story().isEmpty()) {
                    continue;
                }
                var id = Forms.id(row.story());
                if (id == null) {
                    throw new TaxonomyRejected("slots[" + row.position() + "]", "newsroom.front.error.story");
                }
                slots.add(new Slot(row.position(), id, row.until().isEmpty() ? null
                        : time(row.until(), "slots[" + row.position() + "]")));
            }
            if ("publish".equals(Forms.text(params, "op"))) {
                desk.publish(user, front.front(), slots);
                return new ModelAndView(new RedirectView(front.desk() + front.then("done=published")));
            }
            desk.saveDraft(user, front.front(), slots);
            var preview = new RedirectView(front.preview());
            preview.setStatusCode(HttpStatus.SEE_OTHER);
            return new ModelAndView(preview);
        } catch (TaxonomyRejected rejected) {
            var banner = fronts.banner(lang).map(b -> new FrontDeskPage.BannerForm(b.text(), Long.toString(b.storyId()),
                    local(b.expiresAt()))).orElseGet(() -> new FrontDeskPage.BannerForm("", "", ""));
            return page(request, user, front, rows, banner, Forms.error(rejected, pages.messages(user.uiLanguage())), null,
                    HttpStatus.UNPROCESSABLE_CONTENT);
        }
    }

    @PostMapping(PATH + "{lang:uk|en|ru}/banner")
    ModelAndView banner(HttpServletRequest request, @AuthenticationPrincipal NewsroomUser user,
            @PathVariable Language lang) {
        requireEditor(user);
        var params = request.getParameterMap();
        if ("clear".equals(Forms.text(params, "op"))) {
            desk.clearBanner(user, lang);
            return new ModelAndView(new RedirectView(PATH + lang.code() + "?done=cleared"));
        }
        var form = new FrontDeskPage.BannerForm(Forms.text(params, "text"), Forms.text(params, "story").strip(),
                Forms.text(params, "expiresAt").strip());
        try {
            var id = Forms.id(form.story());
            if (id == null) {
                throw new TaxonomyRejected("storyId", "newsroom.banner.error.story");
            }
            desk.setBanner(user, lang, form.text(), id, time(form.expiresAt(), "expiresAt"));
            return new ModelAndView(new RedirectView(PATH + lang.code() + "?done=banner"));
        } catch (TaxonomyRejected rejected) {
            var home = front(lang, null);
            return page(request, user, home, draftRows(home.front()), form,
                    Forms.error(rejected, pages.messages(user.uiLanguage())), null, HttpStatus.UNPROCESSABLE_CONTENT);
        }
    }

    private ModelAndView page(HttpServletRequest request, NewsroomUser user, Chosen front,
            List<FrontDeskPage.SlotRow> rows, FrontDeskPage.BannerForm banner, Map<String, String> errors,
            @Nullable String notice, HttpStatus status) {
        var lang = front.front().language();
        var t = pages.messages(user.uiLanguage());
        var options = new LinkedHashMap<String, FrontDeskPage.Option>();
        var offered = front.section() == null ? StoryFilter.all(lang) : StoryFilter.section(lang, front.section().id());
        for (StoryCard card : stories.list(offered, 0, CHOICES).stories()) {
            options.put(Long.toString(card.id()), option(card));
        }
        var missing = new ArrayList<Long>();
        rows.stream().map(r -> Forms.id(r.story())).filter(id -> id != null && !options.containsKey(id.toString()))
                .forEach(missing::add);
        var bannerStory = Forms.id(banner.story());
        if (bannerStory != null && !options.containsKey(bannerStory.toString())) {
            missing.add(bannerStory);
        }
        stories.cards(missing, lang).forEach(card -> options.put(Long.toString(card.id()), option(card)));
        var slug = front.section() == null ? null : front.section().slug();
        var tabs = Language.all().stream().map(l -> new FrontDeskPage.Tab(l.nativeName(), l.code(),
                new Chosen(new Front(l, front.front().sectionId()), front.section()).desk(), l == lang)).toList();
        var sections = new ArrayList<FrontDeskPage.Tab>();
        sections.add(new FrontDeskPage.Tab(t.get("newsroom.front.home"), null, PATH + lang.code(), slug == null));
        for (var section : taxonomy.sections()) {
            sections.add(new FrontDeskPage.Tab(section.name().in(lang), lang.code(), PATH + lang.code() + "?section=" + section.slug(),
                    section.slug().equals(slug)));
        }
        var shown = fronts.banner(lang).filter(b -> b.shownAt(Instant.now()))
                .map(b -> t.get("newsroom.banner.shown", b.text(), pages.time(b.expiresAt()), b.setBy())).orElse(null);
        var title = front.section() == null ? lang.nativeName() : lang.nativeName() + " · " + front.section().name().in(lang);
        var view = new ModelAndView("newsroom/editorial/front", "page", new FrontDeskPage(
                pages.chrome(request, user, "newsroom.front.title", "front", title), lang, slug, tabs, sections, rows,
                List.copyOf(options.values()), banner, shown, errors, notice == null ? null : t.get(notice),
                front.preview(), pages.asset("/newsroom/js/front.js")));
        view.setStatus(status);
        return view;
    }

    /**
     * The front a request names: {@code section} is a section's slug, or empty for the home page; a slug that
     * names no section is not found.
     */
    private Chosen front(Language lang, @Nullable String section) {
        if (section == null || section.isEmpty()) {
            return new Chosen(Front.home(lang), null);
        }
        var found = taxonomy.sectionDetails(section).orElseThrow(() -> new TaxonomyNotFound("section"));
        return new Chosen(Front.section(lang, found.id()), found);
    }

    /** A front and, for a section's, the section: where its desk and its preview are. */
    private record Chosen(Front front, @Nullable SectionDetails section) {

        String desk() {
            return PATH + front.language().code() + (section == null ? "" : "?section=" + section.slug());
        }

        String preview() {
            return "/newsroom/preview/front/" + front.language().code() + (section == null ? "" : "/" + section.slug());
        }

        /** {@code query} after the desk's address. */
        String then(String query) {
            return (section == null ? "?" : "&") + query;
        }
    }

    /** The numbered places as the newsroom last saved them. */
    private List<FrontDeskPage.SlotRow> draftRows(Front front) {
        var rows = new ArrayList<FrontDeskPage.SlotRow>();
        var draft = new HashMap<Integer, Slot>();
        fronts.draft(front).forEach(slot -> draft.put(slot.position(), slot));
        for (int position = 1; position <= FrontPages.SLOTS; position++) {
            var slot = draft.get(position);
            rows.add(new FrontDeskPage.SlotRow(position, slot == null ? "" : Long.toString(slot.storyId()),
                    slot == null || slot.until() == null ? "" : local(slot.until())));
        }
        return rows;
    }

    private FrontDeskPage.Option option(StoryCard card) {
        return new FrontDeskPage.Option(Long.toString(card.id()), "#" + card.id() + " " + card.headline() + " ("
                + pages.time(card.publishedAt()) + ")");
    }

    private String local(Instant instant) {
        return LocalDateTime.ofInstant(instant, zone).withSecond(0).withNano(0).toString();
    }

    private Instant time(String typed, String field) {
        try {
            return LocalDateTime.parse(typed).atZone(zone).toInstant();
        } catch (DateTimeParseException e) {
            throw new TaxonomyRejected(field, "newsroom.front.error.time", typed);
        }
    }

    private static void requireEditor(NewsroomUser user) {
        if (!FrontPageDesk.mayEdit(user)) {
            throw new NotAllowed("front");
        }
    }
}
