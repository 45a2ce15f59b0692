package vn.motcua.platform.files.internal;

import java.util.Optional;

import vn.motcua.platform.files.FileStore;

/**
 * Both stores as configured: the database one always (the move command reads and writes it whatever is chosen), the
 * S3 one when a bucket is set; and which of them is {@link #active() the one modules use}.
 */
public class FileStores implements AutoCloseable {

    private final FileStoreSettings.Kind chosen;
    private final DatabaseFileStore database;
    private final S3FileStore s3;

    FileStores(FileStoreSettings.Kind chosen, DatabaseFileStore database, S3FileStore s3) {
        if (chosen == FileStoreSettings.Kind.S3 && s3 == null) {
            throw new IllegalStateException(
                    "motcua.files.store=s3 needs motcua.files.s3.bucket (and the endpoint and keys of the store)");
        }
        this.chosen = chosen;
        this.database = database;
        this.s3 = s3;
    }

    public FileStore active() {
        return chosen == FileStoreSettings.Kind.S3 ? s3 : database;
    }

    public DatabaseFileStore database() {
        return database;
    }

    public Optional<S3FileStore> s3() {
        return Optional.ofNullable(s3);
    }

    @Override
    public void close() {
        if (s3 != null) {
            s3.closeClient();
        }
    }
}
