package org.masthead.imports;

import java.nio.file.Path;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * @param directory where an export uploaded on the newsroom's import page is kept on this node's disk while it is
 *     imported (deleted when the run ends)
 * @param maxUploadSize the largest export the import page takes; the upload is written to disk as it arrives, so
 *     this bounds the disk it takes, never the memory
 * @param mediaRoots the folders of this server under which the import page may take images from a local copy of
 *     the old site's uploads (none by default: then only the command line can)
 */
@ConfigurationProperties("masthead.imports")
public record ImportsProperties(
        @DefaultValue("./data/imports") Path directory,
        @DefaultValue("2GB") DataSize maxUploadSize,
        @DefaultValue List<Path> mediaRoots) {
}
