package vn.motcua.audit.internal;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

import vn.motcua.platform.audit.AuditAction;
import vn.motcua.platform.audit.AuditOutcome;
import vn.motcua.platform.audit.AuditTrail;

/**
 * The trail switched off ({@code motcua.audit.enabled=false}): records nothing. It exists so that {@code bench/} can
 * measure what the trail costs; the administrators' page says the trail is off.
 */
@Component
@ConditionalOnProperty(name = "motcua.audit.enabled", havingValue = "false")
class TrailOff implements AuditTrail {

    @Override
    public void record(AuditAction action, String subject, String dataSubject, AuditOutcome outcome, String detail) {
        // off on purpose
    }
}
