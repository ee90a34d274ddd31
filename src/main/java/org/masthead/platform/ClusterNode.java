package org.masthead.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * This node's name among the nodes sharing one database: {@code masthead.node-id} when set, otherwise one made
 * on the first start and kept in the data folder beside the node's own files (its search index). State a node
 * keeps for itself is tracked under this name (its outbox cursors), so a node given a fresh data folder is a
 * new node and catches up from the first event.
 */
@Component
public class ClusterNode {

    private final String id;

    ClusterNode(@Value("${masthead.node-id:}") String configured, @Value("${masthead.data-dir}") Path dataDir) {
        this.id = configured.isBlank() ? kept(dataDir.resolve("node-id")) : configured.strip();
        if (id.length() > 100) {
            throw new IllegalArgumentException("masthead.node-id is longer than 100 characters");
        }
    }

    public String id() {
        return id;
    }

    private static synchronized String kept(Path file) {
        try {
            if (Files.exists(file)) {
                var kept = Files.readString(file, StandardCharsets.UTF_8).strip();
                if (!kept.isEmpty()) {
                    return kept;
                }
            }
            Files.createDirectories(file.toAbsolutePath().getParent());
            var made = UUID.randomUUID().toString();
            var written = Files.writeString(file.resolveSibling("node-id.tmp"), made + "\n", StandardCharsets.UTF_8);
            Files.move(written, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            return made;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot keep this node's id in " + file, e);
        }
    }
}
