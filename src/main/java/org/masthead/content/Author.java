package org.masthead.content;

import org.masthead.platform.Localized;

public record Author(long id, String slug, Localized name, Localized bio) {
}
