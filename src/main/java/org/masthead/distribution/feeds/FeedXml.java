package org.masthead.distribution.feeds;

import com.rometools.rome.feed.WireFeed;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.WireFeedOutput;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.function.Consumer;
import org.jdom2.Document;
import org.jdom2.Text;
import org.jdom2.output.Format;
import org.jdom2.output.XMLOutputter;
import org.jdom2.output.support.AbstractXMLOutputProcessor;
import org.jdom2.output.support.FormatStack;
import org.masthead.platform.text.XmlText;

/**
 * Writes a ROME feed model as the XML document readers receive: in element text {@code &} and {@code <}
 * are written as the hexadecimal character references {@code &#x26;} and {@code &#x3C;}, as the RSS Best
 * Practices Profile asks of plain text (the W3C Feed Validator warns otherwise). The texts of the model
 * have passed {@link XmlText#clean} on their way in ({@link StoryFeeds}): the XML tree ROME builds refuses
 * characters XML 1.0 cannot carry, so they are dropped before it sees them.
 */
final class FeedXml {

    private static final Format FORMAT = Format.getRawFormat().setEncoding("UTF-8").setLineSeparator("\n");

    private FeedXml() {
    }

    static String write(WireFeed feed, Consumer<Document> finish) {
        try {
            var document = new WireFeedOutput().outputJDom(feed);
            finish.accept(document);
            var out = new StringWriter(32_768);
            new XMLOutputter(FORMAT, new Processor()).output(document, out);
            return out.toString();
        } catch (FeedException e) {
            throw new IllegalStateException("Cannot write the feed " + feed.getFeedType(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final class Processor extends AbstractXMLOutputProcessor {

        @Override
        protected void printText(Writer out, FormatStack stack, Text text) throws IOException {
            var value = text.getText();
            var escaped = new StringBuilder(value.length() + 16);
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                switch (c) {
                    case '&' -> escaped.append("&#x26;");
                    case '<' -> escaped.append("&#x3C;");
                    case '>' -> escaped.append("&gt;");
                    case '\r' -> escaped.append("&#xD;");
                    default -> escaped.append(c);
                }
            }
            textRaw(out, escaped.toString());
        }
    }
}
