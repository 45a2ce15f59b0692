package vn.motcua.reporting.internal;

/**
 * The indicators of the service index as the national portal scores them today (see service-index.md): group, default
 * points and the rate that earns them. Points and thresholds can be changed by configuration
 * ({@code motcua.reporting.index.*}), since the portal changes them.
 */
public enum Indicator {
    /** Procedures announced at least 5 working days before taking effect ÷ procedures with both dates. */
    CKMB1("CKMB", 6, 100, true),
    /** Procedures published here within 5 working days of their decision ÷ procedures with both dates. */
    CKMB2("CKMB", 4, 100, true),
    /** Procedures published with full content. */
    CKMB3("CKMB", 2, 100, true),
    /** Dossiers received whose every status message the national portal accepted ÷ dossiers received. */
    CKMB4("CKMB", 6, 100, true),
    /** Dossiers handled early or on time ÷ dossiers handled. */
    TDGQ1("TDGQ", 20, 100, true),
    /** Procedures offering online service. */
    CLGQ1("CLGQ", 2, 80, true),
    /** Online services that received at least one dossier. */
    CLGQ2("CLGQ", 4, 100, true),
    /** Dossiers submitted online ÷ dossiers received. */
    CLGQ3("CLGQ", 6, 50, true),
    /** Fee-bearing procedures offering online payment. */
    TTTT1("TTTT", 2, 80, true),
    /** Fee-bearing procedures with at least one online payment. */
    TTTT2("TTTT", 2, 100, true),
    /** Dossiers paid online ÷ fee-bearing dossiers (those whose fees were paid). */
    TTTT3("TTTT", 6, 100, true),
    /** Dossiers with an electronic result ÷ dossiers handled. */
    MDSH1("MDSH", 6, 100, true),
    /** Dossiers digitised at reception ÷ dossiers received. */
    MDSH2("MDSH", 4, 80, true),
    /** Electronic copies certified from originals ÷ all copies certified from originals (the communes' books). */
    MDSH3("MDSH", 2, 100, true),
    /** Dossiers that reused digitised data ÷ dossiers received. */
    MDSH4("MDSH", 2, 80, true),
    /** Electronic results synchronised to the applicant's data store ÷ electronic results. */
    MDSH5("MDSH", 4, 100, true),
    /** Dossiers received whose applicant matched the national population database ÷ dossiers received. */
    MDSH6("MDSH", 2, 100, true),
    /** Procedures with a document the state holds or a dossier checked against the population database ÷ procedures. */
    MDSH7("MDSH", 2, 100, true),
    /** Petitions closed on time ÷ petitions closed. */
    MDHL1("MDHL", 6, 100, true),
    /** Senders satisfied with the handling of their petition ÷ senders who said. */
    MDHL2("MDHL", 6, 100, true),
    /** 100% − (late rate + rate of dossiers with a petition or a "not satisfied" rating). */
    MDHL3("MDHL", 6, 90, true);

    /** The groups in the portal's order. */
    public static final java.util.List<String> GROUPS = java.util.List.of("CKMB", "TDGQ", "CLGQ", "TTTT", "MDSH", "MDHL");

    final String group;
    final double max;
    final double threshold;
    final boolean measured;

    Indicator(String group, double max, double threshold, boolean measured) {
        this.group = group;
        this.max = max;
        this.threshold = threshold;
        this.measured = measured;
    }
}
