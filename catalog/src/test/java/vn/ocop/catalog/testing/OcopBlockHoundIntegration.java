package vn.ocop.catalog.testing;

import reactor.blockhound.BlockHound;
import reactor.blockhound.integration.BlockHoundIntegration;

/**
 * What BlockHound may let pass in every module's tests, and why. Only one thing: the JDK's NativePRNG
 * reads /dev/urandom through a FileInputStream (for UUID.randomUUID(), CSRF tokens, session ids), and
 * /dev/urandom never blocks once the kernel is seeded.
 */
public class OcopBlockHoundIntegration implements BlockHoundIntegration {

    @Override
    public void applyTo(BlockHound.Builder builder) {
        builder.allowBlockingCallsInside("sun.security.provider.NativePRNG$RandomIO", "implNextBytes");
        builder.allowBlockingCallsInside("sun.security.provider.NativePRNG$RandomIO", "ensureBufferValid");
    }
}
