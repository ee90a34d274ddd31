package org.masthead.platform.web;

import gg.jte.TemplateEngine;
import gg.jte.output.Utf8ByteOutput;
import gg.jte.springframework.boot.autoconfigure.JteProperties;
import gg.jte.springframework.boot.autoconfigure.JteView;
import gg.jte.springframework.boot.autoconfigure.JteViewResolver;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.view.AbstractUrlBasedView;

/**
 * JTE views that render a page to UTF-8 bytes in memory and send it whole, with its length. The starter's views
 * write through the response's writer, which copies every piece of text into a new char array and a new buffer
 * before encoding it (a story page is some hundreds of pieces); a page that fails half-way here also sends nothing
 * of itself, so the error page is not appended to half a page.
 */
@Component
class Utf8TemplateViews extends JteViewResolver {

    private final TemplateEngine templates;

    Utf8TemplateViews(TemplateEngine templates, JteProperties properties) {
        super(templates, properties);
        this.templates = templates;
    }

    @Override
    protected AbstractUrlBasedView instantiateView() {
        return new Utf8View(templates);
    }

    static final class Utf8View extends JteView {

        private final TemplateEngine templates;

        Utf8View(TemplateEngine templates) {
            super(templates);
            this.templates = templates;
        }

        @Override
        protected void renderMergedTemplateModel(Map<String, Object> model, HttpServletRequest request,
                HttpServletResponse response) throws Exception {
            var page = new Utf8ByteOutput();
            templates.render(getUrl(), model, page);
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            var bytes = page.toByteArray();
            response.setContentLength(bytes.length);
            // in one write: each write passes every response wrapper of the filters, which count what was written
            response.getOutputStream().write(bytes);
        }
    }
}
