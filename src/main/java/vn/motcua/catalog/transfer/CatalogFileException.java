package vn.motcua.catalog.transfer;

/** An import file that cannot be read at all (not a single procedure in it can be trusted). */
public class CatalogFileException extends Exception {

    private final String messageKey;
    private final transient Object[] arguments;

    public CatalogFileException(String messageKey, Object... arguments) {
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
