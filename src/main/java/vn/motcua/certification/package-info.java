/**
 * Electronic certified copies from originals (chứng thực bản sao điện tử từ bản chính, Nghị định 23/2015/NĐ-CP as
 * amended, Nghị định 45/2020/NĐ-CP): at a commune's counter an official checks a scan against the original, and the
 * commune issues a PAdES-signed copy numbered in its certification book of the year, verifiable on {@code /xac-thuc};
 * the fee follows Thông tư 226/2016/TT-BTC. A paper copy certified at the same counter is recorded in the same book.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Certification",
        allowedDependencies = {"identity", "organization", "platform", "result"})
package vn.motcua.certification;
