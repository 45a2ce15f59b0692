package vn.motcua.catalog;

/** The kind of input an online form field takes. */
public enum FieldType {
    TEXT, TEXTAREA, DATE, NUMBER, SELECT, ID_NUMBER, PHONE, EMAIL, ADDRESS, TAX_CODE
}
