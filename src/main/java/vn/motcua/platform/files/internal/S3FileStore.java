package vn.motcua.platform.files.internal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

import vn.motcua.platform.security.Hashes;

/**
 * Files as objects of one bucket of an S3-compatible store (AWS S3, MinIO, Ceph, a cloud provider's), keyed
 * {@code sha256/ab/cd/<hash>} so that no prefix grows too large. Objects are written once and never changed; what
 * comes back is checked against its hash, since the store is outside the database's guarantees.
 */
public class S3FileStore implements FileStorage {

    static final String PREFIX = "sha256/";

    private final S3Client s3;
    private final String bucket;
    private final FileSweepGuard guard;

    public S3FileStore(S3Client s3, String bucket, FileSweepGuard guard) {
        this.s3 = s3;
        this.bucket = bucket;
        this.guard = guard;
    }

    static String objectKey(String sha256) {
        FileStorage.checked(sha256);
        return PREFIX + sha256.substring(0, 2) + "/" + sha256.substring(2, 4) + "/" + sha256;
    }

    @Override
    public String put(byte[] content) {
        String sha256 = Hashes.sha256Hex(content);
        guard.holdForPut();
        if (!exists(sha256)) {
            // Two nodes putting the same bytes at once write the same object: harmless.
            s3.putObject(b -> b.bucket(bucket).key(objectKey(sha256)).contentType("application/octet-stream")
                    .contentLength((long) content.length), RequestBody.fromBytes(content));
        }
        return sha256;
    }

    @Override
    public Optional<byte[]> get(String sha256) {
        try {
            byte[] content = s3.getObjectAsBytes(b -> b.bucket(bucket).key(objectKey(sha256))).asByteArray();
            return Optional.of(FileStorage.verified(sha256, content));
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        }
    }

    @Override
    public boolean exists(String sha256) {
        try {
            s3.headObject(b -> b.bucket(bucket).key(objectKey(sha256)));
            return true;
        } catch (NoSuchKeyException e) {
            return false;
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return false;
            }
            throw e;
        }
    }

    @Override
    public List<String> keysAfter(String after, int limit) {
        String startAfter = after.isEmpty() ? null : objectKey(after);
        return s3.listObjectsV2(b -> b.bucket(bucket).prefix(PREFIX).startAfter(startAfter).maxKeys(limit))
                .contents().stream().map(S3Object::key)
                .map(key -> key.substring(key.lastIndexOf('/') + 1))
                .filter(key -> key.matches("[0-9a-f]{64}"))
                .toList();
    }

    @Override
    public void delete(String sha256) {
        s3.deleteObject(b -> b.bucket(bucket).key(objectKey(sha256)));
    }

    /**
     * The keys under {@code sha256/}, one listing page (up to 1,000) at a time, of the objects last modified before
     * {@code cutoff}: the candidates of the clean-up.
     */
    Stream<List<String>> pagesModifiedBefore(Instant cutoff) {
        return s3.listObjectsV2Paginator(b -> b.bucket(bucket).prefix(PREFIX)).stream()
                .map(page -> modifiedBefore(page.contents(), cutoff));
    }

    static List<String> modifiedBefore(List<S3Object> objects, Instant cutoff) {
        return objects.stream()
                .filter(o -> o.lastModified() != null && o.lastModified().isBefore(cutoff))
                .map(S3Object::key)
                .map(key -> key.substring(key.lastIndexOf('/') + 1))
                .filter(key -> key.matches("[0-9a-f]{64}"))
                .toList();
    }

    /** Deletes up to 1,000 files in one request. */
    void deleteAll(List<String> keys) {
        if (keys.isEmpty()) {
            return;
        }
        List<ObjectIdentifier> objects = keys.stream()
                .map(k -> ObjectIdentifier.builder().key(objectKey(k)).build()).toList();
        var response = s3.deleteObjects(b -> b.bucket(bucket).delete(d -> d.objects(objects).quiet(true)));
        if (response.hasErrors() && !response.errors().isEmpty()) {
            throw new IllegalStateException("S3 refused to delete " + response.errors().size() + " object(s), first: "
                    + response.errors().getFirst().key() + " " + response.errors().getFirst().message());
        }
    }

    @Override
    public String describe() {
        return "s3 (bucket " + bucket + ")";
    }

    /** Not named close: the bean that hands this store out must not close it; {@link FileStores} does. */
    void closeClient() {
        s3.close();
    }
}
