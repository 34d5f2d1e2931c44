package vn.ocop.orders;

/** Who receives a parcel, as the people who hand it over see them: a name and a phone number, no e-mail. */
public record Recipient(String name, String phone) {

    static Recipient of(Contact contact) {
        return new Recipient(contact.name(), contact.phone());
    }
}
