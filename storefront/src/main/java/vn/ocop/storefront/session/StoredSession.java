package vn.ocop.storefront.session;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.session.Session;

/**
 * One session as {@link PostgresSessions} keeps it: the id it is stored under (none until first saved, the old
 * one after {@link #changeSessionId()} at sign-in), and whether its attributes changed since they were read, so
 * that most requests write only the last-access time. Like Spring Session's JDBC store (SaveMode
 * ON_SET_ATTRIBUTE), a change counts when an attribute is set or removed, not when an object in it is mutated.
 */
public final class StoredSession implements Session {

    private final Clock clock;
    private final Instant created;
    private final Map<String, Object> attributes;
    private String id;
    private String storedId;
    private Instant lastAccessed;
    private Duration maxIdle;
    private boolean attributesChanged;
    private Instant storedLastAccessed;
    private Duration storedMaxIdle;

    private StoredSession(Clock clock, String id, String storedId, Instant created, Instant lastAccessed, Duration maxIdle,
                          Map<String, Object> attributes) {
        this.clock = clock;
        this.id = id;
        this.storedId = storedId;
        this.created = created;
        this.lastAccessed = lastAccessed;
        this.maxIdle = maxIdle;
        this.attributes = attributes;
        this.storedLastAccessed = storedId == null ? null : lastAccessed;
        this.storedMaxIdle = storedId == null ? null : maxIdle;
    }

    static StoredSession create(Clock clock, Duration maxIdle) {
        Instant now = clock.instant();
        return new StoredSession(clock, newId(), null, now, now, maxIdle, new HashMap<>());
    }

    static StoredSession stored(Clock clock, String id, Instant created, Instant lastAccessed, Duration maxIdle,
                                Map<String, Object> attributes) {
        return new StoredSession(clock, id, id, created, lastAccessed, maxIdle, new HashMap<>(attributes));
    }

    /** 122 random bits (a random UUID from SecureRandom), like Spring Session's own ids. */
    private static String newId() {
        return UUID.randomUUID().toString();
    }

    @Override
    public String getId() {
        return id;
    }

    @Override
    public String changeSessionId() {
        id = newId();
        return id;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T getAttribute(String name) {
        return (T) attributes.get(name);
    }

    @Override
    public Set<String> getAttributeNames() {
        return new HashSet<>(attributes.keySet()); // a copy: callers remove attributes while they iterate
    }

    @Override
    public void setAttribute(String name, Object value) {
        if (value == null) {
            removeAttribute(name);
        } else {
            attributes.put(name, value);
            attributesChanged = true;
        }
    }

    @Override
    public void removeAttribute(String name) {
        attributesChanged |= attributes.remove(name) != null;
    }

    @Override
    public Instant getCreationTime() {
        return created;
    }

    @Override
    public void setLastAccessedTime(Instant lastAccessedTime) {
        lastAccessed = lastAccessedTime;
    }

    @Override
    public Instant getLastAccessedTime() {
        return lastAccessed;
    }

    @Override
    public void setMaxInactiveInterval(Duration interval) {
        maxIdle = interval;
    }

    @Override
    public Duration getMaxInactiveInterval() {
        return maxIdle;
    }

    @Override
    public boolean isExpired() {
        return !expiresAt().isAfter(clock.instant());
    }

    Instant expiresAt() {
        return lastAccessed.plus(maxIdle);
    }

    boolean isNew() {
        return storedId == null;
    }

    String storedId() {
        return storedId;
    }

    boolean attributesChanged() {
        return attributesChanged;
    }

    Map<String, Object> attributes() {
        return attributes;
    }

    void saved() {
        storedId = id;
        attributesChanged = false;
        storedLastAccessed = lastAccessed;
        storedMaxIdle = maxIdle;
    }

    /**
     * Whether the stored row already says all there is, but for a last access less than {@code touchEvery} old:
     * same id, same attributes, same timeout. Its stored expiry is then at most {@code touchEvery} earlier than this
     * session's, never later.
     */
    boolean storedWithin(Duration touchEvery) {
        return storedId != null && storedId.equals(id) && !attributesChanged && maxIdle.equals(storedMaxIdle)
                && !lastAccessed.isBefore(storedLastAccessed) && lastAccessed.isBefore(storedLastAccessed.plus(touchEvery));
    }
}
