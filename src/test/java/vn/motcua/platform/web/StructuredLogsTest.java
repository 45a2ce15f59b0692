package vn.motcua.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import org.junit.jupiter.api.Test;
import org.springframework.boot.logging.logback.StructuredLogEncoder;
import org.springframework.core.env.Environment;
import org.springframework.mock.env.MockEnvironment;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON log lines that {@code MOTCUA_LOG_FORMAT} turns on: Spring Boot's own encoder as its logging system sets
 * it up, writing one JSON object a line that carries the request id; and the ids a request may bring.
 */
class StructuredLogsTest {

    @Test
    void eachFormatWritesOneJsonObjectALineWithTheRequestId() {
        for (String format : new String[] {"ecs", "logstash"}) {
            LoggerContext context = new LoggerContext();
            context.putObject(Environment.class.getName(), new MockEnvironment());
            StructuredLogEncoder encoder = new StructuredLogEncoder();
            encoder.setContext(context);
            encoder.setFormat(format);
            encoder.start();
            LoggingEvent event = new LoggingEvent(getClass().getName(), context.getLogger("vn.motcua.dossier"),
                    Level.INFO, "Hồ sơ đã tiếp nhận \"H57.1\"", null, null);
            event.setMDCPropertyMap(Map.of(RequestIds.MDC_KEY, "lb-7f3a-0042"));

            String line = new String(encoder.encode(event), StandardCharsets.UTF_8);
            assertThat(line).as(format).endsWith("\n").doesNotContain("\n{");
            JsonNode json = JsonMapper.builder().build().readTree(line);
            assertThat(json.toString()).as(format).contains("Hồ sơ đã tiếp nhận \\\"H57.1\\\"");
            assertThat(json.findValue(RequestIds.MDC_KEY).asString()).as(format).isEqualTo("lb-7f3a-0042");
        }
    }

    @Test
    void aPlainShortIdIsKeptAndAnythingElseReplaced() {
        assertThat(RequestIds.idOf("lb-7f3a-0042")).isEqualTo("lb-7f3a-0042");
        for (String bad : new String[] {null, "", "a b", "x\"y", "id\nforged line", "a".repeat(65), "ảnh"}) {
            assertThat(RequestIds.idOf(bad)).as(String.valueOf(bad)).matches("[0-9a-f-]{36}");
        }
    }
}
