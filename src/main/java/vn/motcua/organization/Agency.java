package vn.motcua.organization;

import java.time.LocalDate;

/**
 * An agency of the province.
 *
 * @param code          electronic identity code (Decision 20/2020/QĐ-TTg), e.g. {@code 000.00.11.H57}
 * @param parentCode    the agency above it, null for the root
 * @param effectiveTo   last day it existed, null while it exists
 * @param successorCode the agency that took over its work after a merger
 */
public record Agency(
        String code,
        String name,
        String shortName,
        AgencyKind kind,
        String parentCode,
        String address,
        String phone,
        String email,
        LocalDate effectiveFrom,
        LocalDate effectiveTo,
        String successorCode) {

    public boolean activeOn(LocalDate day) {
        return !day.isBefore(effectiveFrom) && (effectiveTo == null || !day.isAfter(effectiveTo));
    }

    public String displayName() {
        return shortName != null && !shortName.isBlank() ? shortName : name;
    }
}
