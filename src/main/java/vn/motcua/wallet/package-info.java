/**
 * The citizen data store (kho dữ liệu điện tử): the documents an officer accepted from an applicant and the electronic
 * results issued to them, each with its type, offered again when a new submission asks for a document of that type so
 * that nobody hands in the same paper twice. The applicant sees, downloads and deletes their own; officials see a
 * stored document only as a file of a dossier that uses it.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Wallet",
        allowedDependencies = {"catalog", "certification", "dossier", "identity", "platform"})
package vn.motcua.wallet;
