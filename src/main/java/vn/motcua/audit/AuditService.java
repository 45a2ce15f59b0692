package vn.motcua.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.function.Consumer;

import javax.sql.DataSource;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.motcua.audit.internal.AuditEntryRepository;
import vn.motcua.audit.internal.ChainVerifier;
import vn.motcua.audit.internal.HeadExport;
import vn.motcua.audit.internal.Sealer;
import vn.motcua.platform.audit.AuditAction;

/** The way into the trail for reading: search, a data subject's reads, the integrity check. */
@Service
public class AuditService {

    public static final RowMapper<AuditEntry> ENTRY = AuditEntryRepository.ENTRY;

    private static final String[] READS = Arrays.stream(AuditAction.values())
            .filter(a -> a.kind() == AuditAction.Kind.READ).map(Enum::name).toArray(String[]::new);

    private final AuditEntryRepository entries;
    private final DataSource dataSource;
    private final HeadExport heads;
    private final ObjectProvider<Sealer> sealer;

    AuditService(AuditEntryRepository entries, DataSource dataSource, HeadExport heads, ObjectProvider<Sealer> sealer) {
        this.entries = entries;
        this.dataSource = dataSource;
        this.heads = heads;
        this.sealer = sealer;
    }

    /** Entries wait a moment before they are chained: whatever reads the trail chains them first, to see them all. */
    private void sealed() {
        sealer.ifAvailable(Sealer::sealNow);
    }

    /** The newest entries matching the query, at most {@code limit}. */
    public List<AuditEntry> search(AuditQuery query, int limit) {
        List<AuditEntry> found = new ArrayList<>();
        each(query, limit, found::add);
        return found;
    }

    /** Every entry matching the query, oldest first, for an export. */
    @Transactional(readOnly = true)
    public void export(AuditQuery query, int limit, Consumer<AuditEntry> sink) {
        each(query, limit, sink);
    }

    private void each(AuditQuery q, int limit, Consumer<AuditEntry> sink) {
        sealed();
        entries.each(q, limit, sink);
    }

    /**
     * The reads of a person's data by anyone else: entries whose data subject is one of {@code dataSubjects}, or
     * whose subject is one of their dossiers (a tracking look-up knows only the code), newest first.
     */
    public List<AuditEntry> readsOf(Collection<String> dataSubjects, Collection<String> dossierCodes, String self,
                                    int limit) {
        sealed();
        return entries.readsOf(dataSubjects, dossierCodes, self, READS, limit);
    }

    /** Checks every chain against itself, its head and the heads exported so far. */
    public Verification verify() {
        sealed();
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            return ChainVerifier.verify(connection, heads.folder());
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }

    /** Where the daily heads files are written. */
    public java.nio.file.Path headsFolder() {
        return heads.folder();
    }

    /** Writes the heads of the day's streams to the export folder now (the daily job does it for past days). */
    public void exportHeads(LocalDate day) {
        sealed();
        heads.export(day);
    }
}
