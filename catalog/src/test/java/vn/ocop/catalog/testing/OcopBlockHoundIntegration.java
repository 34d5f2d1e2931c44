package vn.ocop.catalog.testing;

import reactor.blockhound.BlockHound;
import reactor.blockhound.integration.BlockHoundIntegration;

/**
 * What BlockHound may let pass in every module's tests, and why. Four things: the JDK's NativePRNG reads
 * /dev/urandom through a FileInputStream (for UUID.randomUUID(), CSRF tokens, session ids), and /dev/urandom
 * never blocks once the kernel is seeded; Netty 4.2's adaptive buffer allocator, when several event loops
 * grow its shared magazines at the same moment, takes a StampedLock held for a few instructions (Netty's own
 * BlockHound integration does not list this path yet; seen under the ledger property's concurrency); and the
 * Elasticsearch client's HTTP connection pool (Apache HttpCore 5 {@code StrictConnPool.lease}) takes a lock
 * for its bookkeeping only: the lease itself answers a future, no I/O is waited for under the lock, and the
 * lock is contended only when several requests start at the same instant (seen once in CI while bulk
 * indexing ran beside searches). And Jackson's deserializer cache, which builds the reader of a request type
 * once under a lock: several first requests of one type decoded at the same instant contend for it, for the
 * microseconds it takes to build (no I/O; seen when eight tills sent their first batch together).
 */
public class OcopBlockHoundIntegration implements BlockHoundIntegration {

    @Override
    public void applyTo(BlockHound.Builder builder) {
        builder.allowBlockingCallsInside("sun.security.provider.NativePRNG$RandomIO", "implNextBytes");
        builder.allowBlockingCallsInside("sun.security.provider.NativePRNG$RandomIO", "ensureBufferValid");
        builder.allowBlockingCallsInside("io.netty.buffer.AdaptivePoolingAllocator$MagazineGroup", "tryExpandMagazines");
        builder.allowBlockingCallsInside("org.apache.hc.core5.pool.StrictConnPool", "lease");
        builder.allowBlockingCallsInside("tools.jackson.databind.deser.DeserializerCache", "_createAndCacheValueDeserializer");
    }
}
