package vn.motcua.catalog.national;

/** A fetch from the national procedure database that failed; {@code messageKey} words it for the administrator. */
public class NationalCatalogException extends Exception {

    private final String messageKey;
    private final transient Object[] arguments;

    public NationalCatalogException(String messageKey, Object... arguments) {
        super(messageKey);
        this.messageKey = messageKey;
        this.arguments = arguments;
    }

    public String messageKey() {
        return messageKey;
    }

    public Object[] arguments() {
        return arguments;
    }
}
