package vn.motcua.platform.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * Every way to run the portal gets the same JVM options: {@code ./mvnw spring-boot:run}, the container image (Jib)
 * and {@code deploy/motcua.sh} for {@code java -jar}. The option lives once in pom.xml ({@code motcua.jvm.flags});
 * the launcher, a shell script, repeats it and this test holds them together.
 */
class PackagingTest {

    @Test
    void theLauncherTheImageAndSpringBootRunShareTheJvmFlags() throws Exception {
        String pom = Files.readString(Path.of("pom.xml"));
        Matcher flags = Pattern.compile("<motcua\\.jvm\\.flags>([^<]+)</motcua\\.jvm\\.flags>").matcher(pom);
        assertThat(flags.find()).as("pom.xml defines motcua.jvm.flags").isTrue();
        assertThat(flags.group(1)).doesNotContain(" "); // Jib passes the property as one argument
        assertThat(pom).contains("<jvmArguments>${motcua.jvm.flags}</jvmArguments>")
                .contains("<jvmFlag>${motcua.jvm.flags}</jvmFlag>");

        String launcher = Files.readString(Path.of("deploy/motcua.sh"));
        assertThat(launcher).contains("jvm_flags=\"" + flags.group(1) + "\"").contains("-jar \"$jar\"");
    }

    @Test
    void theImageIsBuiltOnlyInItsProfileFromAConfigurableBase() throws Exception {
        String pom = Files.readString(Path.of("pom.xml"));
        int profiles = pom.indexOf("<profiles>");
        assertThat(pom.indexOf("jib-maven-plugin")).as("Jib only inside a profile").isGreaterThan(profiles).isPositive();
        assertThat(pom).contains("<jib.from.image>eclipse-temurin:25-jre</jib.from.image>")
                .contains("<image>${jib.from.image}</image>");
    }
}
