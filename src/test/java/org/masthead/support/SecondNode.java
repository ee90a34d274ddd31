package org.masthead.support;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.masthead.MastheadApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;

/**
 * Another Masthead node on the database of the test's own context, with node-local files (search index, media,
 * node id) of its own. Its relay polls only once an hour, so whatever reaches it during a test came through the
 * database's messages between nodes.
 */
public final class SecondNode {

    private SecondNode() {
    }

    public static ConfigurableApplicationContext start(Environment environment, String... more) throws IOException {
        var arguments = new ArrayList<>(List.of(
                "--server.port=0",
                "--spring.datasource.url=" + environment.getRequiredProperty("spring.datasource.url"),
                "--spring.datasource.username=", "--spring.datasource.password=",
                "--masthead.outbox.poll-interval=1h",
                "--masthead.cache.enabled=true",
                "--masthead.data-dir=" + Files.createTempDirectory("masthead-second-node-"),
                "--" + TestDatabase.REUSE_PROPERTY + "=true"));
        arguments.addAll(List.of(more));
        return new SpringApplicationBuilder(MastheadApplication.class).run(arguments.toArray(String[]::new));
    }

    public static SiteClient site(ConfigurableApplicationContext node) {
        return new SiteClient(Integer.parseInt(node.getEnvironment().getProperty("local.server.port", "0")));
    }
}
