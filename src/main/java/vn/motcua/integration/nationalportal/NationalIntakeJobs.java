package vn.motcua.integration.nationalportal;

import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

/**
 * The intake's rounds: a pull every {@code pull-interval}; waiting dossiers and unsent acknowledgements every
 * {@code retry-interval}. Several nodes may run them on one database: each row is leased by the node handling it and
 * every national dossier is recorded once, so nothing is applied twice. Nothing runs while the connection is off.
 */
@Component
class NationalIntakeJobs implements SchedulingConfigurer {

    private static final Logger log = LoggerFactory.getLogger(NationalIntakeJobs.class);

    private final NationalIntake intake;
    private final NationalIntakeProperties properties;

    NationalIntakeJobs(NationalIntake intake, NationalIntakeProperties properties,
                       NationalPortalProperties portal,
                       @Value("${" + NationalPortalSandbox.URL_PROPERTY + ":}") String sandboxUrl, Clock clock) {
        this.intake = intake;
        this.properties = properties;
        if (portal.url() != null && portal.url().toString().equals(sandboxUrl)) {
            NationalPortalSandbox.at(sandboxUrl).ifPresent(sandbox -> sandbox.useClock(clock));
            log.info("National portal sandbox (Cổng Dịch vụ công quốc gia – HỘP CÁT THỬ NGHIỆM) at {}/ : demo only",
                    sandboxUrl);
        }
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        if (!intake.available()) {
            return;
        }
        registrar.addFixedDelayTask(new FixedDelayTask(this::pull, properties.pullInterval(),
                properties.pullInterval()));
        registrar.addFixedDelayTask(new FixedDelayTask(this::retry, properties.retryInterval(),
                properties.retryInterval()));
    }

    private void pull() {
        try {
            intake.pull();
        } catch (RuntimeException e) {
            log.info("National portal pull failed, next round in {}: {}", properties.pullInterval(), e.getMessage());
        }
        retry();
    }

    private void retry() {
        try {
            intake.retryDue();
            intake.sendAcknowledgements();
        } catch (RuntimeException e) {
            log.warn("National portal intake round failed", e);
        }
    }
}
