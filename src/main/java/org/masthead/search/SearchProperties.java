package org.masthead.search;

import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param directory where the embedded index lives (one sub-folder per index generation)
 * @param timeZone months of the date facet begin and end in this zone, the newsroom's
 * @param recencyHalfLife age at which a story's freshness boost has halved
 * @param ramBufferMb memory the index writer fills before writing a segment
 * @param pageSize results per page of the search page
 */
@ConfigurationProperties("masthead.search")
public record SearchProperties(
        @DefaultValue("./data/search") Path directory,
        @DefaultValue("Europe/Kyiv") ZoneId timeZone,
        @DefaultValue("14d") Duration recencyHalfLife,
        @DefaultValue("48") int ramBufferMb,
        @DefaultValue("10") int pageSize) {
}
