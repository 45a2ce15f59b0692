package vn.motcua.platform.files.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where files are kept ({@code motcua.files.*}).
 *
 * @param store {@code database} (the default: the {@code stored_file} table) or {@code s3}
 * @param s3    the S3-compatible object store, used when {@code store} is {@code s3} and by {@code files move}
 */
@ConfigurationProperties("motcua.files")
public record FileStoreSettings(@DefaultValue("database") Kind store, @DefaultValue S3 s3) {

    public enum Kind { DATABASE, S3 }

    /**
     * @param endpoint  the store's address, e.g. {@code http://minio:9000}; empty for AWS itself
     * @param region    the region the bucket is in (any value for most S3-compatible servers)
     * @param bucket    the bucket, which must exist
     * @param pathStyle address the bucket in the path ({@code host/bucket/key}) instead of the host name, as MinIO
     *                  and most S3-compatible servers need
     * @param accessKey the access key; empty: the AWS default chain (AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY,
     *                  profile, instance role)
     * @param secretKey the secret key that goes with {@code accessKey}
     */
    public record S3(String endpoint, @DefaultValue("us-east-1") String region, String bucket,
                     @DefaultValue("false") boolean pathStyle, String accessKey, String secretKey) {

        public boolean configured() {
            return bucket != null && !bucket.isBlank();
        }
    }
}
