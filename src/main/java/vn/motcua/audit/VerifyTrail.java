package vn.motcua.audit;

import java.io.PrintStream;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;

import vn.motcua.audit.internal.ChainVerifier;

/**
 * Checks the audit trail of a database (a copy, typically) from the command line, without starting the
 * application: {@code ./mvnw -q compile exec:exec
 * -Daudit.args="jdbc:postgresql://host/db user password [heads folder]"}. Prints OK or the first broken entry and
 * exits 0 when intact, 1 when broken, 2 on wrong arguments.
 */
public final class VerifyTrail {

    private VerifyTrail() {
    }

    public static void main(String[] args) throws Exception {
        System.exit(run(args, System.out));
    }

    /** Checks and prints the verdict; returns the exit status. */
    public static int run(String[] args, PrintStream out) throws Exception {
        if (args.length < 1 || args.length > 4) {
            out.println("usage: VerifyTrail <jdbc url> [user] [password] [folder of heads-YYYY-MM-DD.txt]");
            return 2;
        }
        Path heads = args.length == 4 ? Path.of(args[3]) : null;
        try (Connection connection = DriverManager.getConnection(args[0], args.length > 1 ? args[1] : null,
                args.length > 2 ? args[2] : null)) {
            Verification result = ChainVerifier.verify(connection, heads);
            out.println(result);
            long unchained = ChainVerifier.unchained(connection);
            if (unchained > 0) {
                // Recorded, not chained yet: the application's sealer chains them within a second of recording.
                out.println(unchained + " entries recorded but not yet chained (not checked)");
            }
            return result.intact() ? 0 : 1;
        }
    }
}
