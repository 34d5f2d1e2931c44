package vn.ocop.storefront.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.io.InvalidClassException;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.core.userdetails.User;

class SessionAttributesTests {

    @Test
    void aSignedInSecurityContextRoundTrips() throws Exception {
        User user = (User) User.withUsername("shopper@demo.ocop.vn").password("").authorities("ROLE_SHOPPER").build();
        var token = UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities());
        token.eraseCredentials();
        var context = new SecurityContextImpl(token);

        Map<String, Object> read = SessionAttributes.read(SessionAttributes.write(Map.of("SPRING_SECURITY_CONTEXT", context, "note", "xin chào")));

        SecurityContext back = (SecurityContext) read.get("SPRING_SECURITY_CONTEXT");
        assertThat(back.getAuthentication().getName()).isEqualTo("shopper@demo.ocop.vn");
        assertThat(back.getAuthentication().isAuthenticated()).isTrue();
        assertThat(back.getAuthentication().getAuthorities()).extracting(Object::toString).containsExactly("ROLE_SHOPPER");
        assertThat(read.get("note")).isEqualTo("xin chào");
    }

    @Test
    void aClassOutsideTheAllowListIsNotRead() {
        byte[] bytes = SessionAttributes.write(Map.of("file", new File("/etc/passwd")));

        assertThatThrownBy(() -> SessionAttributes.read(bytes)).isInstanceOf(InvalidClassException.class)
                .hasMessageContaining("REJECTED");
    }

    @Test
    void bytesThatAreNotAttributesAreNotRead() {
        assertThatThrownBy(() -> SessionAttributes.read(new byte[] {1, 2, 3})).isInstanceOf(java.io.IOException.class);
    }
}
