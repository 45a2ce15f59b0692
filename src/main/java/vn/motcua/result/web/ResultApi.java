package vn.motcua.result.web;

import java.io.IOException;
import java.time.Instant;

import io.swagger.v3.oas.annotations.Operation;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import vn.motcua.identity.CurrentUser;
import vn.motcua.platform.web.UserFacingException;
import vn.motcua.result.IssuedResult;
import vn.motcua.result.ResultCheck;
import vn.motcua.result.ResultService;

/** Verification of electronic results for other systems, and their revocation by the issuing agency's leaders. */
@RestController
@RequestMapping("/api/v1/results")
class ResultApi {

    private final ResultService results;

    ResultApi(ResultService results) {
        this.results = results;
    }

    /** A result's public status: never who it was issued to. */
    record Status(String number, String agencyCode, String signer, Instant signedAt, String sha256, boolean demo,
                  boolean revoked, Instant revokedAt, String revokeReason) {

        static Status of(IssuedResult r) {
            return new Status(r.number(), r.agencyCode(), r.signer(), r.signedAt(), r.sha256(), r.demo(), r.revoked(),
                    r.revokedAt(), r.revokeReason());
        }
    }

    record Verification(String status, boolean authentic, String signer, String organization, Instant signedAt,
                        Status result) {
    }

    record Revocation(String reason) {
    }

    @Operation(summary = "A result's status by its number (<dossier code>-KQ<n>)")
    @GetMapping("/{number}")
    Status status(@PathVariable String number) {
        return Status.of(results.find(number).orElseThrow(() -> UserFacingException.notFound("result.notFound", number)));
    }

    @Operation(summary = "Check a PDF: signature (VALID, ALTERED, UNTRUSTED, NOT_SIGNED, UNREADABLE) and whether it is "
            + "a result this system issued, byte for byte, and not revoked")
    @PostMapping("/verify")
    Verification verify(@RequestParam(name = "file", required = false) MultipartFile file) throws IOException {
        if (file == null || file.isEmpty()) {
            throw UserFacingException.badRequest("result.fileRequired");
        }
        ResultCheck check = results.check(file.getBytes());
        return new Verification(check.status().name(), check.authentic(), check.signer(), check.organization(),
                check.signedAt(), check.result() == null ? null : Status.of(check.result()));
    }

    @Operation(summary = "Revoke a result (leaders of the issuing agency); it stays stored and verification says so")
    @PostMapping("/{number}/revoke")
    Status revoke(@PathVariable String number, @RequestBody Revocation revocation,
                  @AuthenticationPrincipal CurrentUser user) {
        return Status.of(results.revoke(number, revocation.reason(), user));
    }
}
