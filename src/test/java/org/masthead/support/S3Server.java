package org.masthead.support;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStore;
import org.jclouds.blobstore.BlobStoreContext;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * A real S3-compatible server in the test's JVM (s3proxy over an in-memory blob store) on a port of 127.0.0.1,
 * with signed requests (AWS signature v2 or v4) and credentials of its own. It can be stopped and started
 * again on the same port with the same objects, as a bucket that was briefly unreachable.
 */
public final class S3Server implements AutoCloseable {

    public static final String ACCESS_KEY = "masthead-test";

    private final BlobStore blobs;
    private final String secretKey = "secret-" + UUID.randomUUID();
    private S3Proxy proxy;
    private int port;

    private S3Server() throws Exception {
        this.blobs = ContextBuilder.newBuilder("transient").credentials("identity", "credential")
                .build(BlobStoreContext.class).getBlobStore();
        this.proxy = started(0);
        this.port = proxy.getPort();
    }

    public static S3Server start() {
        try {
            return new S3Server();
        } catch (Exception e) {
            throw new IllegalStateException("Cannot start s3proxy", e);
        }
    }

    private S3Proxy started(int onPort) throws Exception {
        var server = S3Proxy.builder()
                .blobStore(blobs)
                .endpoint(URI.create("http://127.0.0.1:" + onPort))
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, secretKey)
                .build();
        server.start();
        while (!"STARTED".equals(server.getState())) {
            Thread.onSpinWait();
        }
        return server;
    }

    public String endpoint() {
        return "http://127.0.0.1:" + port;
    }

    public String secretKey() {
        return secretKey;
    }

    /** The bucket cannot be reached: connections to its port are refused. */
    public void stop() throws Exception {
        proxy.stop();
    }

    /** Back on the same port with every object it held. */
    public void restart() throws Exception {
        proxy = started(port);
    }

    public void createBucket(String bucket) {
        blobs.createContainerInLocation(null, bucket);
    }

    /** Keys of the objects in {@code bucket}. */
    public List<String> keys(String bucket) {
        var keys = new ArrayList<String>();
        for (var object : blobs.list(bucket, org.jclouds.blobstore.options.ListContainerOptions.Builder.recursive())) {
            if (object.getType() == org.jclouds.blobstore.domain.StorageType.BLOB) {
                keys.add(object.getName());
            }
        }
        return keys;
    }

    /** A client as Masthead's store builds it, for reading what a test's application stored. */
    public S3Client client() {
        return S3Client.builder().region(Region.US_EAST_1).endpointOverride(URI.create(endpoint())).forcePathStyle(true)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY, secretKey)))
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .httpClientBuilder(UrlConnectionHttpClient.builder()).build();
    }

    /** The settings that put a Masthead's images in {@code bucket} of this server, as command-line options. */
    public List<String> settings(String bucket) {
        return List.of("--masthead.media.store=s3", "--masthead.media.s3.endpoint=" + endpoint(),
                "--masthead.media.s3.bucket=" + bucket, "--masthead.media.s3.path-style=true",
                "--masthead.media.s3.access-key=" + ACCESS_KEY, "--masthead.media.s3.secret-key=" + secretKey,
                "--masthead.media.s3.create-bucket=true");
    }

    @Override
    public void close() throws Exception {
        proxy.stop();
    }
}
