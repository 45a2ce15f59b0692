package vn.motcua.identity;

import java.util.List;

/**
 * Whether a command line asks for the jar's {@code admin create} command rather than for the portal: the application's
 * main method asks, to start it as a command (no public web server, exits when done).
 */
public final class AdminCreateArguments {

    private AdminCreateArguments() {
    }

    public static boolean requested(String... args) {
        List<String> words = List.of(args).stream().filter(a -> !a.startsWith("--")).toList();
        return words.size() >= 2 && words.get(0).equals("admin") && words.get(1).equals("create");
    }
}
