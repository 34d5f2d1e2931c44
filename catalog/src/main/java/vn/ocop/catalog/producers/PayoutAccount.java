package vn.ocop.catalog.producers;

/**
 * Where a producer's payouts go: a bank from {@link Banks}, an account number of 6 to 19 digits (spaces and dots as
 * printed on a card are dropped) and the account holder's name as the bank has it (2 to 100 characters).
 */
public record PayoutAccount(String bank, String number, String holder) {

    public PayoutAccount {
        InvalidProducerDetails.check("bank", bank, bankProblem(bank));
        number = InvalidProducerDetails.check("accountNumber", compact(number), numberProblem(number));
        holder = InvalidProducerDetails.check("accountHolder", holder == null ? null : holder.strip(), holderProblem(holder));
    }

    public static String bankProblem(String code) {
        return Banks.vietnam().find(code).isPresent() ? null : "not one of the banks listed (GET /api/v1/producer-applications/banks)";
    }

    public static String numberProblem(String typed) {
        return compact(typed).matches("[0-9]{6,19}") ? null : "an account number is 6 to 19 digits";
    }

    public static String holderProblem(String typed) {
        String h = typed == null ? "" : typed.strip();
        return h.length() >= 2 && h.length() <= 100 && h.codePoints().anyMatch(Character::isLetter) ? null
                : "the account holder's name is 2 to 100 characters";
    }

    /** The bank's brand and the account's last four digits, for pages that must not show the whole number. */
    public String masked() {
        return Banks.vietnam().find(bank).map(Bank::shortName).orElse(bank) + " ••••" + number.substring(number.length() - 4);
    }

    private static String compact(String typed) {
        return typed == null ? "" : typed.replaceAll("[\\s.-]", "");
    }
}
