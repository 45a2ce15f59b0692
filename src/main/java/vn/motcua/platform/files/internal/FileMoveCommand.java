package vn.motcua.platform.files.internal;

import java.util.List;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.stereotype.Component;

/**
 * {@code java -jar motcua.jar files move --to=s3} (or {@code --to=database}), optionally {@code --keep-source}: moves
 * every stored file to the named store and exits with 0 if all moved, 1 if some failed, 2 if the command was wrong.
 * It runs with the installation's own settings, so the S3 store must be configured either way.
 */
@Component
public class FileMoveCommand implements ApplicationRunner, ExitCodeGenerator {

    private final FileStores stores;
    private final FileMove move;
    private int exitCode;
    private FileMove.Report report;

    FileMoveCommand(FileStores stores, FileMove move) {
        this.stores = stores;
        this.move = move;
    }

    /** Whether the command line asks for this command rather than for the portal. */
    public static boolean requested(String... args) {
        List<String> words = List.of(args).stream().filter(a -> !a.startsWith("--")).toList();
        return words.size() >= 2 && words.get(0).equals("files") && words.get(1).equals("move");
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!requested(args.getSourceArgs())) {
            return;
        }
        String to = target(args);
        boolean keep = args.containsOption("keep-source");
        if ("s3".equals(to) || "database".equals(to)) {
            if (stores.s3().isEmpty()) {
                fail("files move: the S3 store is not configured (motcua.files.s3.bucket, endpoint, keys)");
                return;
            }
            S3FileStore s3 = stores.s3().get();
            report = "s3".equals(to) ? move.move(stores.database(), s3, keep) : move.move(s3, stores.database(), keep);
            System.out.println(report);
            exitCode = report.failed() == 0 ? 0 : 1;
        } else {
            fail("files move: say where to, --to=s3 or --to=database (given: " + to + ")");
        }
    }

    /** {@code --to=s3}, or {@code --to s3} (which Spring reads as an empty option and a word). */
    private static String target(ApplicationArguments args) {
        List<String> values = args.containsOption("to") ? args.getOptionValues("to") : List.of();
        if (!values.isEmpty() && !values.getFirst().isBlank()) {
            return values.getFirst();
        }
        List<String> words = args.getNonOptionArgs();
        return words.size() > 2 ? words.get(2) : null;
    }

    private void fail(String message) {
        System.err.println(message);
        exitCode = 2;
    }

    public FileMove.Report report() {
        return report;
    }

    @Override
    public int getExitCode() {
        return exitCode;
    }
}
