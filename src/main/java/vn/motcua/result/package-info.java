/**
 * Electronic results (kết quả điện tử): each result document of a dossier is numbered, stamped with a QR code to its
 * public verification page, signed as PAdES with the issuing agency's key, and kept with its SHA-256. Anyone can
 * check a result file or number; a revoked result stays stored and verification says it was revoked.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Result",
        allowedDependencies = {"identity", "organization", "platform"})
package vn.motcua.result;
