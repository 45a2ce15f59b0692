package vn.motcua;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/** MộtCửa: one application, one module per capability (see package-info.java of each module). */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class MotCuaApplication {

    public static void main(String[] args) {
        SpringApplication.run(MotCuaApplication.class, args);
    }
}
