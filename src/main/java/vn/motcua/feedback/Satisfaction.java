package vn.motcua.feedback;

/** The answer to one criterion of the evaluation form (Rất hài lòng, Hài lòng, Không hài lòng). */
public enum Satisfaction {
    VERY_SATISFIED,
    SATISFIED,
    NOT_SATISFIED
}
