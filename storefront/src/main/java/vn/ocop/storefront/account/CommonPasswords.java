package vn.ocop.storefront.account;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * The 10,000 most common passwords (resource {@code passwords/common-passwords.txt}, from zxcvbn 4.4.2, MIT: its
 * README says where it comes from). Read once at start-up, off any event loop; a lookup is a set lookup.
 */
@Component
public class CommonPasswords {

    static final String RESOURCE = "passwords/common-passwords.txt";

    private final Set<String> passwords;

    CommonPasswords() {
        try (InputStream in = new ClassPathResource(RESOURCE).getInputStream()) {
            passwords = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(line -> !line.isEmpty())
                    .collect(Collectors.toUnmodifiableSet());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    /** Whether the password, in any mix of upper and lower case, is on the list. */
    public boolean contains(String password) {
        return password != null && passwords.contains(password.toLowerCase(Locale.ROOT));
    }

    int size() {
        return passwords.size();
    }
}
