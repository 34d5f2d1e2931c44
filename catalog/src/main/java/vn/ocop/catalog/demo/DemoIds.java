package vn.ocop.catalog.demo;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.UUID;

/** Deterministic ids, codes and hashes, so every load of the demo data names the same rows the same way. */
final class DemoIds {

    // no 0/O or 1/I: the code is read off a label and typed in by hand
    private static final String CODE_ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";
    private static final int CODE_LENGTH = 10;

    private DemoIds() {
    }

    static UUID uuid(String kind, String naturalKey) {
        return UUID.nameUUIDFromBytes(("ocop-demo:" + kind + ":" + naturalKey).getBytes(UTF_8));
    }

    /** Ten characters of a 32-letter alphabet: 50 bits of the id's hash. */
    static String verificationCode(UUID productId) {
        long bits = ByteBuffer.wrap(sha256(productId.toString())).getLong();
        StringBuilder code = new StringBuilder(CODE_LENGTH);
        for (int i = 0; i < CODE_LENGTH; i++) {
            code.append(CODE_ALPHABET.charAt((int) (bits & 31)));
            bits >>>= 5;
        }
        return code.toString();
    }

    /** A hash that, unlike {@code hashCode()} of arbitrary objects, is the same on every JVM and every run. */
    static int stableHash(String text) {
        return ByteBuffer.wrap(sha256(text)).getInt();
    }

    static String sha256Hex(String text) {
        return HexFormat.of().formatHex(sha256(text));
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
