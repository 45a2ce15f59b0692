package vn.motcua.bench;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

import vn.motcua.MotCuaApplication;
import vn.motcua.identity.Role;
import vn.motcua.organization.AdminScope;
import vn.motcua.organization.Agency;
import vn.motcua.organization.AgencyKind;
import vn.motcua.organization.transfer.OrganizationImports;
import vn.motcua.organization.transfer.OrganizationWorkbook;
import vn.motcua.organization.transfer.OrganizationWorkbook.StaffLine;

/**
 * A province's whole organisation loaded through the workbook import: a few hundred agencies (departments with units,
 * communes) and a few thousand officials with new accounts, under the demo province. Prints the time of the preview,
 * of the application, of an export and of the round trip's preview.
 *
 * <p>Run: {@code bench/organization-bench.sh [agencies] [staff]} (defaults 300 and 3,000).
 */
public final class OrganizationImportBench {

    public static void main(String[] args) throws Exception {
        int agencyCount = args.length > 0 ? Integer.parseInt(args[0]) : 300;
        int staffCount = args.length > 1 ? Integer.parseInt(args[1]) : 3000;
        System.setProperty("motcua.database.temporary", "true");
        System.setProperty("logging.level.root", "WARN");
        ConfigurableApplicationContext app = new SpringApplication(MotCuaApplication.class)
                .run("--spring.profiles.active=demo", "--server.port=0");
        try {
            OrganizationImports imports = app.getBean(OrganizationImports.class);
            AdminScope province = new AdminScope("admin", EnumSet.of(Role.PROVINCE_ADMIN), true, Set.of(), null);
            java.time.LocalDate from = java.time.LocalDate.of(2025, 7, 1);
            List<Agency> agencies = new ArrayList<>();
            for (int i = 0; i < agencyCount; i++) {
                boolean department = i % 10 == 0;
                String parent = department || i < 10 ? "000.00.00.H57" : "B" + (i / 10 * 10);
                AgencyKind kind = department ? AgencyKind.DEPARTMENT : i % 3 == 0 ? AgencyKind.UNIT : AgencyKind.COMMUNE;
                if (kind == AgencyKind.COMMUNE) {
                    parent = "000.00.00.H57";
                }
                agencies.add(new Agency("B" + i, "Cơ quan thử " + i, null, kind, parent, "Địa chỉ " + i, null,
                        "b" + i + "@example.vn", from, null, null));
            }
            List<StaffLine> staff = new ArrayList<>();
            for (int i = 0; i < staffCount; i++) {
                staff.add(new StaffLine("cb" + i, "Cán bộ " + i, "cb" + i + "@example.vn", null, "B" + (i % agencyCount),
                        i % 7 == 0 ? "Chủ tịch" : "Chuyên viên", null,
                        i % 7 == 0 ? EnumSet.of(Role.LEADER) : EnumSet.of(Role.SPECIALIST), null, null));
            }
            ByteArrayOutputStream file = new ByteArrayOutputStream();
            OrganizationWorkbook.write(agencies, staff, file);
            System.out.printf("workbook: %d agencies, %d officials, %,d bytes%n", agencyCount, staffCount, file.size());

            long start = System.nanoTime();
            OrganizationImports.Preview preview = imports.upload(province, "bench.xlsx", file.toByteArray(), Locale.ROOT);
            long previewed = System.nanoTime();
            if (!preview.rejections().isEmpty()) {
                throw new IllegalStateException("rejected: " + preview.rejections().subList(0, 1));
            }
            imports.apply(province, preview.id(), Locale.ROOT);
            long applied = System.nanoTime();
            System.out.printf("upload and preview: %d ms (%d new rows)%n", (previewed - start) / 1_000_000,
                    preview.count(OrganizationImports.Kind.NEW));
            System.out.printf("apply (accounts, staff, agencies, audit): %d ms%n", (applied - previewed) / 1_000_000);

            ByteArrayOutputStream export = new ByteArrayOutputStream();
            start = System.nanoTime();
            imports.export(province, export);
            long exported = System.nanoTime();
            OrganizationImports.Preview again = imports.upload(province, "xuat.xlsx", export.toByteArray(), Locale.ROOT);
            long roundTrip = System.nanoTime();
            System.out.printf("export: %d ms (%,d bytes); its preview: %d ms, %d changed, %d rejected%n",
                    (exported - start) / 1_000_000, export.size(), (roundTrip - exported) / 1_000_000,
                    again.shown().size(), again.rejections().size());
        } finally {
            app.close();
        }
    }
}
