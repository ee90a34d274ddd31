package org.masthead.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

/**
 * The whole application on a random port with the demo newsroom, on its own database (see
 * {@link TestDatabase}). Every test class that uses this annotation shares one application context,
 * so tests create their own sections and stories with unique names instead of assuming an empty site.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
// webhook tests deliver to receivers on 127.0.0.1, which the default configuration refuses; the import page's
// upload limit is small enough for a test to pass it, and it may read images under one folder
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"masthead.distribution.webhooks.allow-private-targets=true", "masthead.imports.max-upload-size=8MB",
        "masthead.imports.media-roots=${masthead.data-dir}/import-media"})
@Import(CommittedEvents.class)
public @interface MastheadTest {
}
