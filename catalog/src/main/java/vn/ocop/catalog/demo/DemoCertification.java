package vn.ocop.catalog.demo;

import java.time.LocalDate;
import java.util.UUID;

/** The OCOP ranking behind a demo product, as its source published it (or with a demo date when it gave none). */
record DemoCertification(
        UUID id,
        UUID productId,
        int stars,
        String level,
        String decisionNo,
        String issuingBody,
        String decisionProvince,
        IssueDate issued) {

    // the day the agriculture and environment ministries merged; national rankings after it bear the new name
    private static final LocalDate MINISTRY_MERGED = LocalDate.of(2025, 3, 1);

    static DemoCertification of(OcopRow row, UUID productId, LocalDate today) {
        IssueDate issued = row.issuedOn(today);
        boolean national = row.stars() == 5;
        return new DemoCertification(
                DemoIds.uuid("certification", row.productKey()),
                productId,
                row.stars(),
                national ? "NATIONAL" : "PROVINCIAL",
                row.decisionNoOrNull(),
                national ? ministryOn(issued.date()) : "UBND " + ProvinceMap.administrativeName(row.province()),
                row.province(),
                issued);
    }

    private static String ministryOn(LocalDate day) {
        return day.isBefore(MINISTRY_MERGED) ? "Bộ Nông nghiệp và Phát triển nông thôn" : "Bộ Nông nghiệp và Môi trường";
    }
}
