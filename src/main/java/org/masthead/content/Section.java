package org.masthead.content;

import org.masthead.platform.Localized;

public record Section(long id, String slug, Localized name) {
}
