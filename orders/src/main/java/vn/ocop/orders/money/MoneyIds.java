package vn.ocop.orders.money;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.UUID;

/**
 * Ledger ids derived from their source ("CARD_PAID:&lt;order&gt;:&lt;parcel&gt;:&lt;group&gt;", "TILL_SALE:&lt;movement&gt;"),
 * so a replayed webhook, handover, delivery or sync derives the same id and adds nothing. The id is the MD5 of the
 * source's UTF-8 bytes read as a UUID, exactly PostgreSQL's {@code md5(source)::uuid}, so the statement that mirrors
 * a refund derives its ids in SQL the same way.
 */
final class MoneyIds {

    private MoneyIds() {
    }

    static UUID of(String source) {
        try {
            ByteBuffer md5 = ByteBuffer.wrap(MessageDigest.getInstance("MD5").digest(source.getBytes(StandardCharsets.UTF_8)));
            return new UUID(md5.getLong(), md5.getLong());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has MD5", e);
        }
    }
}
