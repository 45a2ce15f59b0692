package vn.motcua.platform.database;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Says in Spring Boot's short "APPLICATION FAILED TO START" summary, at the end of the output, why a second start on a
 * data folder in use stopped, instead of leaving the reason inside a long stack trace.
 */
class DataFolderInUseAnalyzer extends AbstractFailureAnalyzer<DataFolderInUseException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, DataFolderInUseException cause) {
        return new FailureAnalysis(
                "Another MộtCửa is running on the data folder " + cause.dataFolder()
                        + ": its embedded PostgreSQL is in use. Nothing was stopped.",
                "Stop the application that runs on it first (or wait until it has stopped), or start this one with "
                        + "its own data folder: MOTCUA_DATA_DIR=<another folder>.",
                cause);
    }
}
