package org.masthead.editorial.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * The toolbar editor served from the jar is the one its sources and lock file make: the committed bundle
 * names the package versions it was built with, and they are those of package-lock.json. A change to the
 * lock without a rebuild (scripts/build-editor.sh) fails here.
 */
class EditorBundleTest {

    @Test
    void theCommittedBundleWasBuiltFromTheLockedPackages() throws IOException {
        var lock = JsonMapper.builder().build().readTree(Path.of("src/main/editor/package-lock.json").toFile());
        var locked = new ArrayList<String>();
        lock.path("packages").properties().forEach(entry -> {
            if (!entry.getKey().isEmpty() && !entry.getValue().path("dev").asBoolean(false)) {
                locked.add(entry.getKey().replaceFirst("^node_modules/", "") + "@" + entry.getValue().path("version").asString());
            }
        });
        locked.sort(null);
        var bundle = Files.readString(Path.of("src/main/resources/static/newsroom/js/editor.js"));
        var banner = bundle.substring(0, bundle.indexOf("*/"));
        assertThat(banner).startsWith("/* Masthead newsroom editor, built by scripts/build-editor.sh")
                .endsWith("with: " + String.join(" ", locked) + " ");
        assertThat(locked).anyMatch(p -> p.startsWith("prosemirror-view@")).anyMatch(p -> p.startsWith("dompurify@"));
    }
}
