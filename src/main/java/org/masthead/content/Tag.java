package org.masthead.content;

import org.masthead.platform.Localized;

public record Tag(long id, String slug, Localized name) {
}
