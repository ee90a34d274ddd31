package org.masthead.media;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * @param directory where image files live on this node's disk (the disk store)
 * @param variantWidths the widths, in pixels, of the resized copies made for srcset
 * @param jpegQuality JPEG quality of the variants, 0 to 1
 * @param maxUploadBytes the largest upload accepted, in bytes
 * @param maxSide the largest width or height of an upload, in pixels
 * @param maxPixels the largest width times height of an upload (bounds the memory a decode takes)
 * @param decodeMemory memory all image decodes together may take at once; 0 takes 40% of the heap
 * @param decodeWait how long an upload waits for its share of that memory before it is refused as busy
 * @param store where image files are kept: {@code disk} (the folder above, one node) or {@code s3} (a bucket every
 *              node shares)
 * @param s3 the bucket of the {@code s3} store
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
        @DefaultValue("30s") Duration decodeWait,
        @DefaultValue("disk") Store store,
        @DefaultValue S3 s3) {

    public enum Store { DISK, S3 }

    /**
     * @param endpoint the server's address ({@code http://127.0.0.1:9000}); empty: AWS S3 in {@code region}
     * @param bucket the bucket's name
     * @param region the region to sign requests for (most S3-compatible servers take any)
     * @param accessKey the access key; empty: the AWS SDK's usual places (environment, profile, instance role)
     * @param secretKey the secret key that goes with it; never logged or shown
     * @param pathStyle address the bucket as {@code endpoint/bucket/key} instead of {@code bucket.endpoint/key} (most
     *                  S3-compatible servers want it)
     * @param createBucket create the bucket at start-up when it does not exist
     * @param connectTimeout how long connecting to the server may take
     * @param timeout how long one request may wait for an answer
     * @param cacheSize memory each node keeps recently served image bytes in: those are served even while the bucket
     *                  cannot be reached
     */
    public record S3(
            @DefaultValue("") String endpoint,
            @DefaultValue("") String bucket,
            @DefaultValue("us-east-1") String region,
            @DefaultValue("") String accessKey,
            @DefaultValue("") String secretKey,
            @DefaultValue("false") boolean pathStyle,
            @DefaultValue("false") boolean createBucket,
            @DefaultValue("2s") Duration connectTimeout,
            @DefaultValue("10s") Duration timeout,
            @DefaultValue("64MB") DataSize cacheSize) {

        /** Without the secret key, which nothing may print. */
        @Override
        public String toString() {
            return "S3[endpoint=" + endpoint + ", bucket=" + bucket + ", region=" + region + ", accessKey=" + accessKey
                    + ", secretKey=" + (secretKey.isEmpty() ? "" : "***") + ", pathStyle=" + pathStyle + "]";
        }
    }
}
