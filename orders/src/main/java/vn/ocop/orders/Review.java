package vn.ocop.orders;

import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Collectors;
import vn.ocop.catalog.ProducerId;
import vn.ocop.catalog.ProductId;
import vn.ocop.catalog.Stars;

/**
 * A shopper's review of one order line and its rules: written once, only on a line of the shopper's own order whose
 * parcel was delivered or collected (COMPLETED), with 1 to 5 stars, an optional plain-text comment of at most
 * {@value #MAX_TEXT} characters and at most {@value #MAX_PHOTOS} photos; the product's producer replies once; ADMIN
 * hides it with a reason (then it counts in no rating and shows on no public page; its author sees why). A wrong
 * move is an {@link OrdersException} and changes nothing.
 *
 * @param author how the public sees who wrote it: the order contact's initials and given name ("N. T. Mai"), never the e-mail
 */
public record Review(ReviewId id, OrderId order, int line, UUID account, ProducerId producer, ProductId product, String productName,
                     Stars stars, String comment, String author, int photos, OffsetDateTime createdAt, Reply reply, Hidden hidden) {

    public static final int MAX_TEXT = 2000;
    public static final int MAX_PHOTOS = 3;

    /** The producer's one reply. */
    public record Reply(String text, OffsetDateTime at, String by) {
    }

    /** Why and when ADMIN hid it. */
    public record Hidden(String reason, OffsetDateTime at, String by) {
    }

    public Review {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(stars, "stars");
    }

    /**
     * Writes a review of the order's line {@code lineNo} (the caller checked the order is the shopper's): NOT_FOUND for
     * no such line, LINE_NOT_COMPLETED before its parcel was delivered or collected, INVALID_REQUEST for stars outside
     * 1..5, a comment too long or with control characters, or more than {@value #MAX_PHOTOS} photos.
     */
    public static Review write(ReviewId id, Order order, int lineNo, Integer stars, String comment, int photos, OffsetDateTime now) {
        Order.Line line = order.lines().stream().filter(l -> l.number() == lineNo).findFirst()
                .orElseThrow(() -> new OrdersException(OrdersErrorCode.NOT_FOUND, "line " + lineNo + " of this order not found"));
        Fulfilment parcel = order.fulfilments().stream().filter(f -> f.lines().contains(line)).findFirst().orElseThrow();
        if (parcel.status() != FulfilmentStatus.COMPLETED || !line.open()) {
            throw new OrdersException(OrdersErrorCode.LINE_NOT_COMPLETED,
                    "this line has not been delivered or collected yet: it can be reviewed once it has");
        }
        if (stars == null || stars < 1 || stars > 5) {
            throw invalid("rate the product with 1 to 5 stars");
        }
        if (photos > MAX_PHOTOS) {
            throw invalid("at most " + MAX_PHOTOS + " photos");
        }
        return new Review(id, order.id(), lineNo, order.account(), parcel.producer(), line.product(), line.name(), new Stars(stars),
                optionalText(comment, "a comment"), author(order.contact().name()), photos, now, null, null);
    }

    /** Whether a retry asks for this same review (so it answers this one rather than a conflict). */
    public boolean sameAs(Review other) {
        return stars.equals(other.stars) && Objects.equals(comment, other.comment) && photos == other.photos;
    }

    public boolean visible() {
        return hidden == null;
    }

    /** The producer's reply: ALREADY_REPLIED the second time, INVALID_REQUEST for an empty or too long text. */
    public Review replied(String text, String by, OffsetDateTime at) {
        if (reply != null) {
            throw new OrdersException(OrdersErrorCode.ALREADY_REPLIED, "this review already has your reply");
        }
        String said = optionalText(text, "a reply");
        if (said == null) {
            throw invalid("write the reply");
        }
        return new Review(id, order, line, account, producer, product, productName, stars, comment, author, photos, createdAt,
                new Reply(said, at, by), hidden);
    }

    /** ADMIN hides it: INVALID_STATE when hidden already, INVALID_REQUEST for a reason outside 5..500 characters. */
    public Review hide(String reason, String by, OffsetDateTime at) {
        if (hidden != null) {
            throw new OrdersException(OrdersErrorCode.INVALID_STATE, "this review is hidden already");
        }
        String why = reason == null ? "" : reason.strip();
        if (why.length() < 5 || why.length() > 500 || !plain(why)) {
            throw invalid("say why the review is hidden (5 to 500 characters)");
        }
        return new Review(id, order, line, account, producer, product, productName, stars, comment, author, photos, createdAt,
                reply, new Hidden(why, at, by));
    }

    /** "Nguyễn Thị Mai" → "N. T. Mai": the given name (last in Vietnamese) and the other names' initials. */
    static String author(String contactName) {
        String[] words = contactName == null ? new String[0] : contactName.strip().split("\\s+");
        if (words.length == 0 || words[0].isEmpty()) {
            return "?";
        }
        String initials = Arrays.stream(words, 0, words.length - 1).map(w -> w.substring(0, w.offsetByCodePoints(0, 1)) + ".")
                .collect(Collectors.joining(" "));
        return initials.isEmpty() ? words[words.length - 1] : initials + " " + words[words.length - 1];
    }

    private static String optionalText(String text, String what) {
        String t = text == null ? "" : text.strip();
        if (t.isEmpty()) {
            return null;
        }
        if (t.length() > MAX_TEXT || !plain(t)) {
            throw invalid(what + " is plain text of at most " + MAX_TEXT + " characters");
        }
        return t;
    }

    private static boolean plain(String s) {
        return s.chars().noneMatch(c -> c < 0x20 ? c != '\t' && c != '\n' && c != '\r' : c >= 0x7f && c <= 0x9f);
    }

    private static OrdersException invalid(String message) {
        return new OrdersException(OrdersErrorCode.INVALID_REQUEST, message);
    }
}
