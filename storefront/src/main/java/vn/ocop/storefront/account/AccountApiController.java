package vn.ocop.storefront.account;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** Shopper registration for API clients. */
@RestController
@RequestMapping("/api/v1/accounts")
@Tag(name = "Accounts")
class AccountApiController {

    private final Registration registration;

    AccountApiController(Registration registration) {
        this.registration = registration;
    }

    record Registered(UUID id, String email, String displayName, String phone, Role role) {
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Register a shopper account", description = "400 with field errors when invalid: the password needs 10 to 128 "
            + "characters, must not be among the 10,000 most common passwords nor contain the e-mail's part before the @; a phone, when given, "
            + "is a Vietnamese mobile (10 digits from 03, 05, 07, 08, 09, or +84) or landline (11 digits from 02), spaces and dots "
            + "allowed, and is stored as digits. 409 when the e-mail is taken. Sign in with HTTP Basic afterwards: after 5 failures within 15 minutes for an account or a client "
            + "address, sign-in answers 429 too-many-attempts with Retry-After, even for the right password.")
    Mono<Registered> register(@Valid @RequestBody RegistrationForm form) {
        return registration.registerShopper(form.email(), form.displayName(), form.phone(), form.password())
                .map(a -> new Registered(a.id(), a.email(), a.displayName(), a.phone(), a.role()));
    }
}
