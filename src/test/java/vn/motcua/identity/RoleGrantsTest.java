package vn.motcua.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;

import org.junit.jupiter.api.Test;

class RoleGrantsTest {

    @Test
    void aProvinceAdministratorGrantsEveryOfficialRoleButNoApplicantRole() {
        assertThat(RoleGrants.grantableBy(Set.of(Role.PROVINCE_ADMIN))).contains(Role.PROVINCE_ADMIN, Role.LEADER)
                .doesNotContain(Role.CITIZEN, Role.BUSINESS);
    }

    @Test
    void anAgencyAdministratorNeverGrantsOrTakesAwayTheProvincesRole() {
        Set<Role> agencyAdmin = Set.of(Role.AGENCY_ADMIN);
        assertThat(RoleGrants.allows(agencyAdmin, Set.of(Role.SPECIALIST), Set.of(Role.SPECIALIST, Role.LEADER))).isTrue();
        assertThat(RoleGrants.allows(agencyAdmin, Set.of(Role.SPECIALIST), Set.of(Role.PROVINCE_ADMIN))).isFalse();
        assertThat(RoleGrants.allows(agencyAdmin, Set.of(Role.PROVINCE_ADMIN), Set.of())).isFalse();
        assertThat(RoleGrants.allows(agencyAdmin, Set.of(Role.PROVINCE_ADMIN, Role.LEADER), Set.of(Role.PROVINCE_ADMIN)))
                .isTrue();
    }

    @Test
    void officialsGrantNothing() {
        assertThat(RoleGrants.grantableBy(Set.of(Role.LEADER, Role.RECEPTION))).isEmpty();
        assertThat(RoleGrants.allows(Set.of(Role.LEADER), Set.of(), Set.of(Role.SPECIALIST))).isFalse();
    }
}
