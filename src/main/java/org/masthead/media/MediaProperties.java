package org.masthead.media;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * @param directory where image files live on this node's disk
 * @param variantWidths the widths, in pixels, of the resized copies made for srcset
 * @param jpegQuality JPEG quality of the variants, 0 to 1
 * @param maxUploadBytes the largest upload accepted, in bytes
 * @param maxSide the largest width or height of an upload, in pixels
 * @param maxPixels the largest width times height of an upload (bounds the memory a decode takes)
 * @param decodeMemory memory all image decodes together may take at once; 0 takes 40% of the heap
 * @param decodeWait how long an upload waits for its share of that memory before it is refused as busy
 */
@ConfigurationProperties("masthead.media")
public record MediaProperties(
        @DefaultValue("./data/media") Path directory,
        @DefaultValue({"400", "800", "1200", "1600"}) List<Integer> variantWidths,
        @DefaultValue("0.82") float jpegQuality,
        @DefaultValue("15000000") long maxUploadBytes,
        @DefaultValue("10000") int maxSide,
        @DefaultValue("40000000") long maxPixels,
        @DefaultValue("0") DataSize decodeMemory,
        @DefaultValue("30s") Duration decodeWait) {
}
