package vn.ocop.storefront.security;

import java.util.List;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.ReactiveUserDetailsService;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;
import vn.ocop.storefront.account.Accounts;

/** Signs people in by e-mail; the role becomes the one authority ROLE_&lt;role&gt;. */
@Service
class AccountUserDetailsService implements ReactiveUserDetailsService {

    private final Accounts accounts;

    AccountUserDetailsService(Accounts accounts) {
        this.accounts = accounts;
    }

    @Override
    public Mono<UserDetails> findByUsername(String email) {
        return accounts.findByEmail(email)
                .map(a -> User.withUsername(a.email())
                        .password(a.passwordHash())
                        .authorities(List.of(new SimpleGrantedAuthority("ROLE_" + a.role().name())))
                        .disabled(!a.enabled())
                        .build());
    }
}
