package vn.ocop.storefront.account;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import vn.ocop.catalog.producers.PhoneNumber;

/** Creates shopper accounts. Hashing a password is slow on purpose, so it runs off the event loop. */
@Service
public class Registration {

    private final Accounts accounts;
    private final PasswordEncoder encoder;

    Registration(Accounts accounts, PasswordEncoder encoder) {
        this.accounts = accounts;
        this.encoder = encoder;
    }

    /**
     * Registers a shopper, with the phone number as {@link PhoneNumber} normalises it (none when blank; one that is not
     * a Vietnamese number was refused by the form's {@link VietnamesePhone}); fails with {@link EmailAlreadyRegistered}
     * and writes nothing if the e-mail is taken.
     */
    public Mono<Account> registerShopper(String email, String displayName, String phone, String rawPassword) {
        String normalised = phone == null || phone.isBlank() ? null : new PhoneNumber(phone).value();
        return hash(rawPassword)
                .map(hash -> Account.shopper(email, hash, displayName.trim(), normalised))
                .flatMap(account -> accounts.insertIfNew(account, false)
                        .flatMap(inserted -> inserted ? Mono.just(account) : Mono.error(new EmailAlreadyRegistered(account.email()))));
    }

    /** Creates the given account unless its e-mail exists (demo accounts); emits whether it was created. */
    public Mono<Boolean> createIfAbsent(Account withRawPassword, boolean demo) {
        return hash(withRawPassword.passwordHash())
                .map(hash -> new Account(withRawPassword.id(), withRawPassword.email(), hash, withRawPassword.displayName(),
                        withRawPassword.role(), withRawPassword.producerId(), withRawPassword.locationId(), true,
                        withRawPassword.producerOwner(), withRawPassword.councilScope(), withRawPassword.phone()))
                .flatMap(a -> accounts.insertIfNew(a, demo));
    }

    private Mono<String> hash(String raw) {
        return Mono.fromCallable(() -> encoder.encode(raw)).subscribeOn(Schedulers.boundedElastic());
    }
}
