package org.masthead.editorial;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param schedulePollInterval how often due scheduled stories are looked for (a story goes live at most this late)
 * @param contributorsCreateTags whether contributors may create new tags by typing them in their story's form
 *        (editors always may; anyone may choose tags that exist)
 */
@ConfigurationProperties("masthead.editorial")
public record EditorialProperties(
        @DefaultValue("5s") Duration schedulePollInterval,
        @DefaultValue("true") boolean contributorsCreateTags) {
}
