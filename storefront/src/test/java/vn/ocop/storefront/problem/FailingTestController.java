package vn.ocop.storefront.problem;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** Test-only endpoint that fails the way a bad query would, to prove nothing of it leaks. */
@RestController
class FailingTestController {

    @GetMapping("/api/v1/test-failure")
    Mono<String> fail() {
        return Mono.error(new IllegalStateException("bad SQL grammar: select * from secret_table"));
    }
}
