/**
 * PAdES signing and verification of PDFs (PDFBox and BouncyCastle, nothing else), and the demo certification
 * authority. Other modules may use the verdict of a signature check; the rest is the result module's own.
 */
@org.springframework.modulith.NamedInterface("signing")
package vn.motcua.result.signing;
