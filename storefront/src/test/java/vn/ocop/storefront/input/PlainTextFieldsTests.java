package vn.ocop.storefront.input;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.Errors;
import vn.ocop.storefront.input.forms.PackageForms;

/**
 * The form check reads every text field of a form, including a record declared inside its controller's package
 * (as most of the site's forms are), which the binding's own package may not call into without being let in.
 */
class PlainTextFieldsTests {

    private final PlainTextBinding.PlainTextFields check = new PlainTextBinding.PlainTextFields();

    @Test
    void aControlCharacterInAFormRecordOfAnotherPackageIsRejectedOnItsField() {
        Object form = PackageForms.shipping("Lan\u001b[2J", "12 Hàng Bạc", List.of("giao giờ hành chính", "gọi trước\u0000"));
        Errors errors = new BeanPropertyBindingResult(form, "form");

        check.validate(form, errors);

        assertThat(errors.getFieldErrors()).extracting(e -> e.getField(), e -> e.getCode())
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("name", "plainText"),
                        org.assertj.core.groups.Tuple.tuple("notes", "plainText"));
    }

    @Test
    void plainVietnameseTextPasses() {
        Object form = PackageForms.shipping("Nguyễn Thị Lan", "12 Hàng Bạc, Hoàn Kiếm", List.of("giao giờ hành chính"));
        Errors errors = new BeanPropertyBindingResult(form, "form");

        check.validate(form, errors);

        assertThat(errors.hasErrors()).isFalse();
    }
}
