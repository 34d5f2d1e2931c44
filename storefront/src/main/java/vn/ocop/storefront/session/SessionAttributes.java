package vn.ocop.storefront.session;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;

/**
 * A session's attributes as bytes: Java serialization, as Spring Session's JDBC store does, because Spring
 * Security's SecurityContext is Serializable and round-trips whole (authorities, principal) with no mapping to
 * keep in step. Deserializing bytes can run code of any class on the class path, so reading goes through an
 * allow-list: java.lang, java.util, java.time and Spring Security's core and authentication types, bounded in
 * depth, references and size; anything else fails the read and the session is dropped (its owner signs in
 * again). The bytes come only from this application's own table, so an attacker would first need to write there.
 * A Spring Security upgrade that changes its serial version likewise drops the sessions stored before it.
 */
final class SessionAttributes {

    static final ObjectInputFilter ALLOWED = ObjectInputFilter.Config.createFilter(
            "maxdepth=20;maxrefs=1000;maxarray=1000;maxbytes=65536;"
                    + "java.lang.*;java.util.*;java.time.*;"
                    + "org.springframework.security.core.**;org.springframework.security.authentication.*;"
                    + "!*");

    private SessionAttributes() {
    }

    static byte[] write(Map<String, Object> attributes) {
        var bytes = new ByteArrayOutputStream(512);
        try (var out = new ObjectOutputStream(bytes)) {
            out.writeObject(new HashMap<>(attributes));
        } catch (IOException e) {
            throw new UncheckedIOException("a session attribute is not serializable", e);
        }
        return bytes.toByteArray();
    }

    /** The attributes; fails (IOException, ClassNotFoundException, ClassCastException) for anything not written by {@link #write}. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> read(byte[] bytes) throws IOException, ClassNotFoundException {
        try (var in = new ObjectInputStream(new ByteArrayInputStream(bytes))) {
            in.setObjectInputFilter(ALLOWED);
            return (Map<String, Object>) in.readObject();
        }
    }
}
