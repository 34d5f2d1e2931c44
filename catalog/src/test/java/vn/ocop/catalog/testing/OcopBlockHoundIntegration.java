package vn.ocop.catalog.testing;

import reactor.blockhound.BlockHound;
import reactor.blockhound.integration.BlockHoundIntegration;

/**
 * What BlockHound may let pass in every module's tests, and why. Three things: the JDK's NativePRNG reads
 * /dev/urandom through a FileInputStream (for UUID.randomUUID(), CSRF tokens, session ids), and /dev/urandom
 * never blocks once the kernel is seeded; Netty 4.2's adaptive buffer allocator, when several event loops
 * grow its shared magazines at the same moment, takes a StampedLock held for a few instructions (Netty's own
 * BlockHound integration does not list this path yet; seen under the ledger property's concurrency); and the
 * Elasticsearch client's HTTP connection pool (Apache HttpCore 5 {@code StrictConnPool.lease}) takes a lock
 * for its bookkeeping only: the lease itself answers a future, no I/O is waited for under the lock, and the
 * lock is contended only when several requests start at the same instant (seen once in CI while bulk
 * indexing ran beside searches).
 */
public class OcopBlockHoundIntegration implements BlockHoundIntegration {

    @Override
    public void applyTo(BlockHound.Builder builder) {
        builder.allowBlockingCallsInside("sun.security.provider.NativePRNG$RandomIO", "implNextBytes");
        builder.allowBlockingCallsInside("sun.security.provider.NativePRNG$RandomIO", "ensureBufferValid");
        builder.allowBlockingCallsInside("io.netty.buffer.AdaptivePoolingAllocator$MagazineGroup", "tryExpandMagazines");
        builder.allowBlockingCallsInside("org.apache.hc.core5.pool.StrictConnPool", "lease");
    }
}
