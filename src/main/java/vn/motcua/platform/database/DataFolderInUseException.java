package vn.motcua.platform.database;

import java.nio.file.Path;

/** A start on a data folder whose embedded PostgreSQL a running application still uses: nothing was stopped. */
public class DataFolderInUseException extends IllegalStateException {

    private final transient Path dataFolder;

    DataFolderInUseException(Path dataFolder) {
        super("Another application is running on the data folder " + dataFolder
                + " (its embedded PostgreSQL is in use): stop it first, or give this one its own MOTCUA_DATA_DIR."
                + " Nothing was stopped.");
        this.dataFolder = dataFolder;
    }

    Path dataFolder() {
        return dataFolder;
    }
}
