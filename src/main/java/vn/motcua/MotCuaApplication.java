package vn.motcua;

import java.util.Arrays;
import java.util.stream.Stream;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

import vn.motcua.identity.AdminCreateArguments;
import vn.motcua.platform.files.internal.FileMoveCommand;

/** MộtCửa: one application, one module per capability (see package-info.java of each module). */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class MotCuaApplication {

    public static void main(String[] args) {
        if (FileMoveCommand.requested(args) || AdminCreateArguments.requested(args)) {
            // A command, not the portal: its web server listens on a free loopback port only, and it exits when done.
            String[] command = Stream.concat(Arrays.stream(args),
                    Stream.of("--server.port=0", "--server.address=127.0.0.1")).toArray(String[]::new);
            System.exit(SpringApplication.exit(SpringApplication.run(MotCuaApplication.class, command)));
        }
        SpringApplication.run(MotCuaApplication.class, args);
    }
}
