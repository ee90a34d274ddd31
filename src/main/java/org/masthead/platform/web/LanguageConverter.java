package org.masthead.platform.web;

import org.masthead.platform.Language;
import org.springframework.core.convert.converter.Converter;
import org.springframework.stereotype.Component;

/** Binds the language segment of a URL ("uk", "en", "ru") to {@link Language}. */
@Component
class LanguageConverter implements Converter<String, Language> {

    @Override
    public Language convert(String code) {
        return Language.fromCode(code).orElseThrow(() -> new IllegalArgumentException("Unknown language " + code));
    }
}
