package org.masthead.content;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.masthead.content.SiteEvent.PublicationChanged;
import org.masthead.platform.Language;
import org.masthead.platform.Localized;
import org.masthead.platform.outbox.Outbox;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The publication's settings, kept in the database so that a change applies at once on every node,
 * without a restart: each page reads them as it renders, and the change is announced through the outbox
 * so that cached pages go. Until the newsroom saves its own, the configuration's defaults apply.
 */
@Service
public class PublicationSettings {

    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() { };

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final PublicationProperties defaults;
    private final LayoutVersion layout;
    private final Outbox outbox;
    private final Clock clock;

    PublicationSettings(JdbcClient jdbc, JsonMapper json, PublicationProperties defaults, LayoutVersion layout,
            Outbox outbox, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.defaults = defaults;
        this.layout = layout;
        this.outbox = outbox;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public Publication current() {
        return jdbc.sql("select * from publication where id = 1")
                .query((rs, n) -> {
                    var named = rs.getString("name_uk") != null;
                    var name = named ? new Localized(rs.getString("name_uk"), rs.getString("name_en"),
                            rs.getString("name_ru")) : Localized.same(defaults.name());
                    long logo = rs.getLong("logo_media_id");
                    Long logoId = rs.wasNull() ? null : logo;
                    var language = rs.getString("default_language");
                    var zone = rs.getString("time_zone");
                    return new Publication(name, logoId,
                            language == null ? defaults.defaultLanguage()
                                    : Language.fromCode(language).orElse(defaults.defaultLanguage()),
                            zone == null ? defaults.timeZone() : ZoneId.of(zone),
                            json.readValue(rs.getString("social_links"), STRINGS), named);
                })
                .optional()
                .orElseGet(() -> new Publication(Localized.same(defaults.name()), null, defaults.defaultLanguage(),
                        defaults.timeZone(), List.of(), false));
    }

    /** Saves every setting at once; refuses, naming the field, what cannot be used. */
    @Transactional
    public Publication update(PublicationDraft draft, String by) {
        var name = Taxonomy.names(draft.name(), "name", Taxonomy.MAX_NAME);
        var language = Language.fromCode(draft.defaultLanguage().strip())
                .orElseThrow(() -> new TaxonomyRejected("defaultLanguage", "newsroom.settings.error.language"));
        ZoneId zone;
        try {
            zone = ZoneId.of(draft.timeZone().strip());
        } catch (DateTimeException e) {
            throw new TaxonomyRejected("timeZone", "newsroom.settings.error.time-zone", draft.timeZone().strip());
        }
        var links = new ArrayList<String>();
        for (var link : draft.socialLinks()) {
            var address = link.strip();
            if (address.isEmpty() || links.contains(address)) {
                continue;
            }
            if (address.length() > Taxonomy.MAX_LINK || !Taxonomy.webAddress(address)) {
                throw new TaxonomyRejected("socialLinks", "newsroom.taxonomy.error.link", address);
            }
            links.add(address);
        }
        if (links.size() > Taxonomy.MAX_LINKS) {
            throw new TaxonomyRejected("socialLinks", "newsroom.taxonomy.error.links-too-many",
                    Integer.toString(Taxonomy.MAX_LINKS));
        }
        jdbc.sql("""
                insert into publication (id, name_uk, name_en, name_ru, logo_media_id, default_language, time_zone,
                    social_links, updated_at, updated_by)
                values (1, :uk, :en, :ru, :logo, :language, :zone, :links, :now, :by)
                on conflict (id) do update set name_uk = excluded.name_uk, name_en = excluded.name_en,
                    name_ru = excluded.name_ru, logo_media_id = excluded.logo_media_id,
                    default_language = excluded.default_language, time_zone = excluded.time_zone,
                    social_links = excluded.social_links, updated_at = excluded.updated_at,
                    updated_by = excluded.updated_by""")
                .param("uk", name.uk()).param("en", name.en()).param("ru", name.ru())
                .param("logo", draft.logoMediaId()).param("language", language.code()).param("zone", zone.getId())
                .param("links", json.writeValueAsString(links)).param("now", clock.millis()).param("by", by)
                .update();
        layout.moved();
        outbox.append(new PublicationChanged(by));
        return current();
    }
}
