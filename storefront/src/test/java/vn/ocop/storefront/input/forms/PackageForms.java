package vn.ocop.storefront.input.forms;

import java.util.List;

/** Forms as most pages declare them: records visible only in their own package, here one outside the binding's. */
public final class PackageForms {

    record ShippingForm(String name, String street, List<String> notes, Integer quantity) {
    }

    private PackageForms() {
    }

    public static Object shipping(String name, String street, List<String> notes) {
        return new ShippingForm(name, street, notes, 2);
    }
}
