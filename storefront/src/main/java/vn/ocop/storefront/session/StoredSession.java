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
import vn.ocop.storefront.account.Account;

/**
 * One session as {@link PostgresSessions} keeps it: the id it is stored under (none until first saved, the old
 * one after {@link #changeSessionId()} at sign-in), and whether its attributes changed since they were read, so
 * that most requests write only the last-access time. Like Spring Session's JDBC store (SaveMode
 * ON_SET_ATTRIBUTE), a change counts when an attribute is set or removed, not when an object in it is mutated.
 * A session read from the table also offers the account it signs in, read in the same statement, under
 * {@link #ACCOUNT_READ_WITH_IT}: not an attribute (never stored, never listed), and gone once the attributes change.
 */
public final class StoredSession implements Session {

    /** {@code getAttribute} of this name: the account this session signed in as it was read with it, or null. */
    public static final String ACCOUNT_READ_WITH_IT = StoredSession.class.getName() + ".accountReadWithIt";

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
    private Account accountReadWithIt;

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
        return stored(clock, id, created, lastAccessed, maxIdle, attributes, null);
    }

    /** As read from the table with the account it signs in ({@code account} null: none, or not read with it). */
    static StoredSession stored(Clock clock, String id, Instant created, Instant lastAccessed, Duration maxIdle,
                                Map<String, Object> attributes, Account account) {
        StoredSession session = new StoredSession(clock, id, id, created, lastAccessed, maxIdle, new HashMap<>(attributes));
        session.accountReadWithIt = account;
        return session;
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
        return ACCOUNT_READ_WITH_IT.equals(name) ? (T) accountReadWithIt : (T) attributes.get(name);
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
            accountReadWithIt = null;
        }
    }

    @Override
    public void removeAttribute(String name) {
        if (attributes.remove(name) != null) {
            attributesChanged = true;
            accountReadWithIt = null;
        }
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
