package vn.ocop.catalog;

/** What the catalog refuses, with a stable code; it knows nothing of HTTP. */
public class CatalogException extends RuntimeException {

    private final CatalogErrorCode code;

    public CatalogException(CatalogErrorCode code, String message) {
        super(message);
        this.code = code;
    }

    public CatalogErrorCode code() {
        return code;
    }

    public static CatalogException notFound(String what) {
        return new CatalogException(CatalogErrorCode.NOT_FOUND, what + " not found");
    }
}
