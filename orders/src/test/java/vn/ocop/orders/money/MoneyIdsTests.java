package vn.ocop.orders.money;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A ledger id is the MD5 of its source read as a UUID, as PostgreSQL's md5(source)::uuid reads it. */
class MoneyIdsTests {

    @Test
    void anIdIsTheMd5OfItsSourceAsPostgresqlReadsIt() {
        // select md5('abc')::uuid  →  90015098-3cd2-4fb0-d696-3f7d28e17f72
        assertThat(MoneyIds.of("abc")).isEqualTo(UUID.fromString("90015098-3cd2-4fb0-d696-3f7d28e17f72"));
        assertThat(MoneyIds.of("CARD_PAID:x")).isEqualTo(MoneyIds.of("CARD_PAID:x")).isNotEqualTo(MoneyIds.of("CARD_PAID:y"));
    }
}
