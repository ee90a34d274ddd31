package org.masthead.platform.db;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Creates the folder of the SQLite file before the pool opens it: the driver creates the file but
 * not its folder, and a first start on a fresh clone must just work.
 */
public class SqliteDataDirectory implements EnvironmentPostProcessor {

    private static final String PREFIX = "jdbc:sqlite:";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        var url = environment.getProperty("spring.datasource.url", "");
        if (!url.startsWith(PREFIX) || url.startsWith(PREFIX + ":memory:")) {
            return;
        }
        var file = url.substring(PREFIX.length());
        int query = file.indexOf('?');
        var parent = Path.of(query < 0 ? file : file.substring(0, query)).toAbsolutePath().getParent();
        try {
            Files.createDirectories(parent);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the database folder " + parent, e);
        }
    }
}
