package vn.motcua.identity.internal;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import vn.motcua.identity.AdminCreateArguments;
import vn.motcua.platform.web.UserFacingException;

/**
 * {@code java -jar motcua.jar admin create --username=... --name=... --email=...}: creates a province administrator
 * and exits (0 created, 2 refused). The password is asked twice on the console, or read as two lines from standard
 * input when there is none (a script or a test pipes it); never from an argument or a file.
 */
@Component
public class AdminCreateCommand implements ApplicationRunner, ExitCodeGenerator {

    private static final Locale VI = Locale.of("vi");

    private final FirstStart firstStart;
    private final TransactionTemplate transactions;
    private final MessageSource messages;
    private int exitCode;

    AdminCreateCommand(FirstStart firstStart, TransactionTemplate transactions, MessageSource messages) {
        this.firstStart = firstStart;
        this.transactions = transactions;
        this.messages = messages;
    }

    /** Whether the command line asks for this command rather than for the portal. */
    public static boolean requested(String... args) {
        return AdminCreateArguments.requested(args);
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!requested(args.getSourceArgs())) {
            return;
        }
        String username = option(args, "username");
        String name = option(args, "name");
        String email = option(args, "email");
        if (username == null || name == null || email == null) {
            fail("admin create: give --username=..., --name=\"...\" and --email=... (the password is asked for)");
            return;
        }
        try {
            String[] typed = readPassword();
            transactions.executeWithoutResult(status -> {
                String stored = firstStart.checkNewAdministrator(username, name, email, typed[0], typed[1]);
                firstStart.createProvinceAdministrator(stored, name, email, typed[0], "admin create command");
            });
            System.out.println("admin create: province administrator " + username.strip().toLowerCase(Locale.ROOT)
                    + " created; sign in at /dang-nhap");
            exitCode = 0;
        } catch (UserFacingException e) {
            fail("admin create: " + messages.getMessage(e.messageKey(), e.arguments(), VI) + " / "
                    + messages.getMessage(e.messageKey(), e.arguments(), Locale.ENGLISH));
        } catch (IOException e) {
            fail("admin create: the password could not be read: " + e.getMessage());
        }
    }

    /** The password and its repetition, from the console without echo, or two lines of standard input. */
    private static String[] readPassword() throws IOException {
        Console console = System.console();
        String prompt = "Mật khẩu / Password: ";
        String again = "Nhập lại mật khẩu / Repeat the password: ";
        if (console != null && console.isTerminal()) {
            char[] first = console.readPassword(prompt);
            char[] second = console.readPassword(again);
            return new String[]{first == null ? null : new String(first), second == null ? null : new String(second)};
        }
        // Not closed: it is the process's standard input.
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        PrintStream out = System.out;
        out.print(prompt);
        String first = in.readLine();
        out.print(again);
        String second = in.readLine();
        out.println();
        return new String[]{first, second};
    }

    private static String option(ApplicationArguments args, String name) {
        List<String> values = args.containsOption(name) ? args.getOptionValues(name) : List.of();
        return values.isEmpty() || values.getFirst().isBlank() ? null : values.getFirst();
    }

    private void fail(String message) {
        System.err.println(message);
        exitCode = 2;
    }

    @Override
    public int getExitCode() {
        return exitCode;
    }
}
