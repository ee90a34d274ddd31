package org.masthead.media;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.Delete;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Images in an S3-compatible bucket (AWS S3, MinIO, Ceph, Garage, s3proxy …) that every node of a cluster reads
 * and writes: an image uploaded through one node is served by all. Objects never change once written, so what a
 * node has read is kept: the length and entity tag of every object it has seen, and the bytes of recently served
 * ones up to {@code masthead.media.s3.cache-size}. Those keep being served while the bucket cannot be reached;
 * anything else answers {@link MediaStoreUnavailable}, and the next request after the bucket is back succeeds
 * (the client reconnects by itself).
 */
final class S3MediaStore implements MediaStore, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(S3MediaStore.class);
    /** DeleteObjects takes at most this many keys a request. */
    private static final int DELETE_BATCH = 1000;

    private record Meta(long length, String etag) {
    }

    private final S3Client s3;
    private final String bucket;
    private final String endpoint;
    private final long largestCached;
    private final Cache<String, Meta> metas = Caffeine.newBuilder().maximumSize(200_000).build();
    private final Cache<String, byte[]> bytes;

    S3MediaStore(MediaProperties.S3 settings) {
        if (settings.bucket().isBlank()) {
            throw new IllegalStateException("masthead.media.store=s3 needs masthead.media.s3.bucket");
        }
        this.bucket = settings.bucket();
        this.endpoint = settings.endpoint().isBlank() ? "AWS S3 (" + settings.region() + ")" : settings.endpoint();
        var builder = S3Client.builder()
                .region(Region.of(settings.region()))
                .credentialsProvider(credentials(settings))
                .forcePathStyle(settings.pathStyle())
                // many S3-compatible servers take neither the newer default checksums nor their trailers
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .httpClientBuilder(UrlConnectionHttpClient.builder()
                        .connectionTimeout(settings.connectTimeout())
                        .socketTimeout(settings.timeout()))
                .overrideConfiguration(configuration -> configuration.apiCallTimeout(settings.timeout().multipliedBy(2)));
        if (!settings.endpoint().isBlank()) {
            builder.endpointOverride(URI.create(settings.endpoint()));
        }
        this.s3 = builder.build();
        long cacheBytes = settings.cacheSize().toBytes();
        this.largestCached = cacheBytes / 16;
        this.bytes = Caffeine.newBuilder()
                .maximumWeight(cacheBytes)
                .<String, byte[]>weigher((key, value) -> value.length + key.length() + 64)
                .build();
        check(settings.createBucket());
    }

    private static AwsCredentialsProvider credentials(MediaProperties.S3 settings) {
        if (settings.accessKey().isBlank()) {
            // the SDK's usual places: environment, system properties, profile files, container or instance roles
            return DefaultCredentialsProvider.builder().build();
        }
        return StaticCredentialsProvider.create(AwsBasicCredentials.create(settings.accessKey(), settings.secretKey()));
    }

    /** Says at start-up whether the bucket answers; a bucket that does not yet answer stops nothing. */
    private void check(boolean create) {
        try {
            s3.headBucket(request -> request.bucket(bucket));
            log.info("Images are stored in {}", location());
        } catch (S3Exception e) {
            if (e.statusCode() == 404 && create) {
                s3.createBucket(request -> request.bucket(bucket));
                log.info("Images are stored in {}, created now", location());
            } else {
                log.error("Images cannot be stored in {}: the server answered {} ({}); uploads fail until it is fixed",
                        location(), e.statusCode(), reason(e));
            }
        } catch (SdkException e) {
            log.warn("Images are to be stored in {}, which cannot be reached yet ({}): uploads fail until it answers",
                    location(), reason(e));
        }
    }

    @Override
    public void put(String key, byte[] content) {
        try {
            var response = s3.putObject(request -> request.bucket(bucket).key(key).contentType("image/jpeg")
                    .contentLength((long) content.length).contentMD5(md5(content)), RequestBody.fromBytes(content));
            metas.put(key, new Meta(content.length, response.eTag()));
            if (content.length <= largestCached) {
                bytes.put(key, content);
            }
        } catch (SdkException e) {
            throw unavailable("store " + key, e);
        }
    }

    @Override
    public Optional<StoredImage> find(String key) {
        var meta = metas.getIfPresent(key);
        if (meta == null) {
            var found = head(key);
            if (found.isEmpty()) {
                return Optional.empty();
            }
            meta = found.get();
            metas.put(key, meta);
        }
        var known = meta;
        return Optional.of(new StoredImage(known.length(), known.etag(), () -> new ByteArrayInputStream(read(key, known))));
    }

    /** The length and entity tag of an object as the bucket has it now, read past what this node keeps. */
    private Optional<Meta> head(String key) {
        try {
            var response = s3.headObject(request -> request.bucket(bucket).key(key));
            return Optional.of(new Meta(response.contentLength(), response.eTag()));
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return Optional.empty();
            }
            throw unavailable("find " + key, e);
        } catch (SdkException e) {
            throw unavailable("find " + key, e);
        }
    }

    /** The entity tag of the object under {@code key} as the bucket has it now (S3's is the MD5 of the bytes). */
    Optional<String> etagNow(String key) {
        return head(key).map(Meta::etag);
    }

    private byte[] read(String key, Meta meta) {
        var kept = bytes.getIfPresent(key);
        if (kept != null) {
            return kept;
        }
        byte[] content;
        try {
            content = s3.getObjectAsBytes(request -> request.bucket(bucket).key(key)).asByteArray();
        } catch (SdkException e) {
            throw unavailable("read " + key, e);
        }
        if (meta.length() <= largestCached) {
            bytes.put(key, content);
        }
        return content;
    }

    @Override
    public void deleteAll(long mediaId) {
        var prefix = mediaId + "/";
        metas.asMap().keySet().removeIf(key -> key.startsWith(prefix));
        bytes.asMap().keySet().removeIf(key -> key.startsWith(prefix));
        try {
            var keys = new ArrayList<ObjectIdentifier>();
            s3.listObjectsV2Paginator(request -> request.bucket(bucket).prefix(prefix)).contents()
                    .forEach(object -> keys.add(ObjectIdentifier.builder().key(object.key()).build()));
            for (int from = 0; from < keys.size(); from += DELETE_BATCH) {
                var batch = keys.subList(from, Math.min(keys.size(), from + DELETE_BATCH));
                s3.deleteObjects(request -> request.bucket(bucket).delete(Delete.builder().objects(batch).quiet(true).build()));
            }
        } catch (SdkException e) {
            // the rows that would point at these objects roll back; a later image with this id overwrites them
            log.warn("Objects of image {} may be left in {} ({}); no page links to them", mediaId, location(), reason(e));
        }
    }

    @Override
    public String location() {
        return "the bucket " + bucket + " at " + endpoint;
    }

    private MediaStoreUnavailable unavailable(String what, SdkException e) {
        var message = "Cannot " + what + " in " + location() + ": " + reason(e);
        log.warn(message);
        return new MediaStoreUnavailable(message, e);
    }

    private static String reason(SdkException e) {
        var cause = e.getCause();
        var message = e.getMessage();
        if (message == null || message.isBlank()) {
            message = e.getClass().getSimpleName();
        }
        return cause == null || cause == e ? message : message + " (" + cause.getClass().getSimpleName() + ")";
    }

    private static String md5(byte[] content) {
        return Base64.getEncoder().encodeToString(MediaCommand.md5(content));
    }

    @Override
    public void close() {
        s3.close();
    }
}
