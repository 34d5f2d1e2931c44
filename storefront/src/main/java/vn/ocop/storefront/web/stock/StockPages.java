package vn.ocop.storefront.web.stock;

import org.springframework.validation.BindingResult;
import reactor.core.publisher.Mono;
import vn.ocop.catalog.CatalogException;
import vn.ocop.storefront.web.stock.StockForms.MovementPageForm;

/** What the stock pages say when a form is wrong: on the form, never a bare error page. */
final class StockPages {

    private StockPages() {
    }

    /** Checks what Bean Validation cannot: a product chosen, the quantities the type needs. */
    static boolean check(MovementPageForm form, BindingResult errors) {
        if (form.product() == null) {
            errors.rejectValue("productId", "stock.error.product", "choose a product");
        }
        if (form.type() != null && !form.quantitiesFit()) {
            errors.rejectValue("quantity", "stock.error.quantity", "quantities");
        }
        String[] lot = form.lotProblem();
        if (lot != null) {
            errors.rejectValue(lot[0], lot[1], "lot");
        }
        return !errors.hasErrors();
    }

    /** Puts what the catalog refused on the form; anything else stays an error. */
    static Mono<Void> reject(CatalogException e, BindingResult errors) {
        String code = switch (e.code()) {
            case NOT_FOUND -> "stock.error.not-found";
            case INVALID_MOVEMENT -> "stock.error.quantity";
            case INSUFFICIENT_STOCK -> "stock.error.insufficient";
            default -> null;
        };
        if (code == null) {
            return Mono.error(e);
        }
        errors.reject(code, e.getMessage());
        return Mono.empty();
    }

}
