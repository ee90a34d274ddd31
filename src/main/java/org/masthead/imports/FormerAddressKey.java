package org.masthead.imports;

import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** How an address of an old site is kept and looked up: the same on import and when a reader asks. */
final class FormerAddressKey {

    private static final List<String> KEYS = List.of("p", "page_id", "cat", "tag", "author", "feed", "attachment_id");

    private FormerAddressKey() {
    }

    /**
     * The path percent-decoded, in lower case, without its trailing slash ({@code /index.php} and {@code /} are
     * empty), followed by the first query parameter that names something in WordPress ({@code ?p=12}); empty when
     * there is nothing to look up.
     */
    static String of(String rawPath, @Nullable String rawQuery) {
        var path = Archive.decode(rawPath).toLowerCase(Locale.ROOT);
        while (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        if (path.equals("/index.php")) {
            path = "";
        }
        if (rawQuery != null) {
            for (var part : rawQuery.split("&")) {
                var pair = part.split("=", 2);
                if (pair.length == 2 && KEYS.contains(pair[0]) && !pair[1].isBlank()) {
                    return path + "?" + pair[0] + "=" + Archive.decode(pair[1]).toLowerCase(Locale.ROOT);
                }
            }
        }
        return path;
    }
}
