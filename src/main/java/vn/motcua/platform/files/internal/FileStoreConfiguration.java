package vn.motcua.platform.files.internal;

import java.net.URI;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;

import vn.motcua.platform.files.FileStore;

/**
 * The {@link FileStore} every module uses, chosen by {@code motcua.files.store}, and the S3 client when a bucket is
 * configured.
 */
@Configuration(proxyBeanMethods = false)
class FileStoreConfiguration {

    @Bean
    FileStores fileStores(FileStoreSettings settings, JdbcClient jdbc) {
        FileSweepGuard guard = new FileSweepGuard(jdbc);
        S3FileStore s3 = settings.s3().configured()
                ? new S3FileStore(s3Client(settings.s3()), settings.s3().bucket(), guard) : null;
        return new FileStores(settings.store(), new DatabaseFileStore(jdbc, guard), s3);
    }

    @Bean
    FileStore fileStore(FileStores stores) {
        return stores.active();
    }

    static S3Client s3Client(FileStoreSettings.S3 settings) {
        S3ClientBuilder builder = S3Client.builder()
                .region(Region.of(settings.region()))
                .forcePathStyle(settings.pathStyle())
                // The SHA-256 of each file is checked on read; the SDK's own CRC trailers are only sent where the
                // operation requires them, which S3-compatible servers that lag behind AWS also accept.
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED);
        if (settings.endpoint() != null && !settings.endpoint().isBlank()) {
            builder.endpointOverride(URI.create(settings.endpoint()));
        }
        if (settings.accessKey() != null && !settings.accessKey().isBlank()) {
            builder.credentialsProvider(StaticCredentialsProvider.create(
                    AwsBasicCredentials.create(settings.accessKey(), settings.secretKey())));
        } else {
            builder.credentialsProvider(DefaultCredentialsProvider.builder().build());
        }
        return builder.build();
    }
}
