package org.masthead.editorial;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** @param schedulePollInterval how often due scheduled stories are looked for (a story goes live at most this late) */
@ConfigurationProperties("masthead.editorial")
public record EditorialProperties(@DefaultValue("5s") Duration schedulePollInterval) {
}
