package vn.motcua.dossier.internal;

import java.time.Instant;
import java.util.Map;

import vn.motcua.dossier.Applicant;
import vn.motcua.dossier.Channel;
import vn.motcua.dossier.DossierStatus;

/** The dossier aggregate's root row. Changed only by {@code DossierService} through the lifecycle graph. */
public class Dossier {
    public Long id;
    public String code;
    public DossierStatus status;
    public Channel channel;
    public String procedureCode;
    public String procedureName;
    public int processingDays;
    public long processId;
    public int step;
    public Instant stepStartedAt;
    public String receivingAgency;
    public String competentAgency;
    public String currentAgency;
    public Long parentId;
    public String owner;
    public String createdBy;
    public Applicant applicant;
    public Map<String, String> formData = Map.of();
    public int sets = 1;
    public Instant submittedAt;
    public Instant receivedAt;
    public String receivedBy;
    public Long counterId;
    public Integer logEntry;
    public Instant dueAt;
    public Instant legalDueAt;
    public Instant resultAt;
    public Instant finishedAt;
    public String timeliness;
    public String returnMethod;
    public String idempotencyKey;
    public int version;
    public Instant createdAt;
}
