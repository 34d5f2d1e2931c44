package vn.ocop.catalog.producers;

import java.util.Locale;

/**
 * What a producer sends to sell on the marketplace, checked as it is made: who it is (kind, name, registration
 * number fitting its kind, tax code with its check digit, legal representative), where ({@link Place}), how to reach
 * it (a Vietnamese phone number and an e-mail address, which becomes its owner account's) and where its payouts go.
 * Any broken rule is an {@link InvalidProducerDetails} naming the field.
 */
public record ProducerApplication(
        ProducerKind kind,
        String name,
        RegistrationNumber registration,
        TaxCode taxCode,
        String representative,
        Place place,
        PhoneNumber phone,
        String email,
        PayoutAccount payout) {

    public ProducerApplication {
        if (kind == null || registration == null || registration.kind() != kind) {
            throw new InvalidProducerDetails("kind", "the kind is required and decides the registration number's form");
        }
        name = InvalidProducerDetails.check("name", strip(name), textProblem(name, 2, 200));
        representative = InvalidProducerDetails.check("representative", strip(representative), textProblem(representative, 2, 100));
        email = InvalidProducerDetails.check("email", strip(email).toLowerCase(Locale.ROOT), emailProblem(email));
        for (Object part : new Object[] {taxCode, place, phone, payout}) {
            if (part == null) {
                throw new InvalidProducerDetails("application", "every part of the application is required");
            }
        }
    }

    public static String emailProblem(String typed) {
        String e = strip(typed);
        return e.length() <= 254 && e.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+") ? null : "not an e-mail address";
    }

    private static String textProblem(String typed, int min, int max) {
        String t = strip(typed);
        return t.length() >= min && t.length() <= max ? null : "must be " + min + " to " + max + " characters";
    }

    private static String strip(String s) {
        return s == null ? "" : s.strip();
    }
}
