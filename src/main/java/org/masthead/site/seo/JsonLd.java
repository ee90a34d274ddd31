package org.masthead.site.seo;

/**
 * Makes serialized JSON safe to print inside {@code <script type="application/ld+json">}: a story text
 * containing {@code </script>} or {@code <!--} must not end the element, and U+2028/U+2029 must not break
 * older JavaScript parsers. Outside strings JSON never contains these characters, so escaping them
 * everywhere keeps the JSON's meaning.
 */
public final class JsonLd {

    private JsonLd() {
    }

    public static String forScriptElement(String json) {
        var out = new StringBuilder(json.length() + 32);
        for (int i = 0; i < json.length(); i++) {
            char c = json.charAt(i);
            switch (c) {
                case '<' -> out.append("\\u003c");
                case '>' -> out.append("\\u003e");
                case '&' -> out.append("\\u0026");
                case '\u2028' -> out.append("\\u2028");
                case '\u2029' -> out.append("\\u2029");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
