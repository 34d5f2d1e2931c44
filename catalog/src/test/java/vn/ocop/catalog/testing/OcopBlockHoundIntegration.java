package vn.ocop.catalog.testing;

import reactor.blockhound.BlockHound;
import reactor.blockhound.integration.BlockHoundIntegration;

/**
 * What BlockHound may let pass in every module's tests, and why. Two things: the JDK's NativePRNG reads
 * /dev/urandom through a FileInputStream (for UUID.randomUUID(), CSRF tokens, session ids), and /dev/urandom
 * never blocks once the kernel is seeded; and Netty 4.2's adaptive buffer allocator, when several event loops
 * grow its shared magazines at the same moment, takes a StampedLock held for a few instructions (Netty's own
 * BlockHound integration does not list this path yet; seen under the ledger property's concurrency).
 */
public class OcopBlockHoundIntegration implements BlockHoundIntegration {

    @Override
    public void applyTo(BlockHound.Builder builder) {
        builder.allowBlockingCallsInside("sun.security.provider.NativePRNG$RandomIO", "implNextBytes");
        builder.allowBlockingCallsInside("sun.security.provider.NativePRNG$RandomIO", "ensureBufferValid");
        builder.allowBlockingCallsInside("io.netty.buffer.AdaptivePoolingAllocator$MagazineGroup", "tryExpandMagazines");
    }
}
