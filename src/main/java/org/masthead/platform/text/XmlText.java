package org.masthead.platform.text;

/**
 * Text that an XML 1.0 document can carry. Every XML writer (feeds, sitemaps) passes stored text through
 * {@link #clean} as it writes it, so whatever the database holds (a control character pasted into a
 * headline, an unpaired surrogate) the document stays well-formed and the response is answered: XML 1.0
 * has no way to write those characters, not even escaped.
 */
public final class XmlText {

    private XmlText() {
    }

    /**
     * {@code text} without the characters outside XML 1.0's {@code Char} production: C0 controls other than
     * tab, line feed and carriage return, U+FFFE and U+FFFF, and surrogates that are not part of a pair.
     * Also without the C1 controls and U+007F, which XML allows but which the feed validator reports and
     * which no reader shows; returns {@code text} itself when there is nothing to drop.
     */
    public static String clean(String text) {
        int length = text.length();
        int first = 0;
        while (first < length && allowed(text, first)) {
            first += Character.charCount(text.codePointAt(first));
        }
        if (first == length) {
            return text;
        }
        var out = new StringBuilder(length);
        out.append(text, 0, first);
        for (int i = first; i < length; ) {
            int codePoint = text.codePointAt(i);
            int width = Character.charCount(codePoint);
            if (allowed(text, i)) {
                out.appendCodePoint(codePoint);
            }
            i += width;
        }
        return out.toString();
    }

    private static boolean allowed(String text, int index) {
        int c = text.codePointAt(index);
        if (c < 0x20) {
            return c == '\t' || c == '\n' || c == '\r';
        }
        if (c < 0x7F) {
            return true;
        }
        if (c <= 0x9F) {
            return false;   // DEL and the C1 controls
        }
        if (c >= Character.MIN_SURROGATE && c <= Character.MAX_SURROGATE) {
            return false;   // codePointAt returns a lone surrogate as itself; a pair comes as one code point
        }
        return c != 0xFFFE && c != 0xFFFF;
    }
}
