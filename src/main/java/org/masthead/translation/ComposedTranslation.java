package org.masthead.translation;

import java.util.List;
import org.masthead.content.Block;

/** A translation put together in the source's order from texts a translator typed, ready to save. */
public record ComposedTranslation(String headline, String standfirst, String leadImageCaption, String leadImageCredit,
        String leadImageAlt, List<Block> body) {
}
