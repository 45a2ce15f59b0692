package vn.motcua.catalog.transfer;

/** A cell of an imported workbook that cannot be read; the message is the explanation shown to the administrator. */
final class CellException extends Exception {

    CellException(String message) {
        super(message);
    }
}
