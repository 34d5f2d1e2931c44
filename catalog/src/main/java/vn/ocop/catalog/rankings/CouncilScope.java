package vn.ocop.catalog.rankings;

import vn.ocop.catalog.CatalogErrorCode;
import vn.ocop.catalog.CatalogException;
import java.util.Objects;

/**
 * For whom a COUNCIL account ranks (Decision 148/QĐ-TTg, with the two-level local government since 2025-07-01):
 * <ul>
 * <li>a provincial council, for the producers of its province only (named as producers carry it, "Hà Nội"): it
 * records PROVINCIAL rankings (3 and 4 stars) and revokes provincial ones, and those the former district
 * councils granted there;</li>
 * <li>the NATIONAL council, for every producer: the only one to grant (and revoke) 5 stars; it may also record the
 * other levels, keeping the national register complete.</li>
 * </ul>
 * Products of producers outside the scope do not exist for the council (NOT_FOUND); a level it may not grant is
 * OUTSIDE_MANDATE.
 *
 * @param province the province; null for the national council
 */
public record CouncilScope(String province) {

    public static final CouncilScope NATIONAL = new CouncilScope(null);

    public CouncilScope {
        if (province != null && province.isBlank()) {
            throw new IllegalArgumentException("a provincial council names its province");
        }
    }

    public static CouncilScope of(String province) {
        return new CouncilScope(Objects.requireNonNull(province, "province"));
    }

    public boolean national() {
        return province == null;
    }

    /** Whether a producer of that province is within the council's scope. */
    public boolean covers(String producerProvince) {
        return national() || province.equals(producerProvince);
    }

    /** The levels this council may record: every level nationally; PROVINCIAL for a province. */
    public boolean mayRecord(RankingLevel level) {
        return national() || level == RankingLevel.PROVINCIAL;
    }

    /** The rankings this council may revoke: every one nationally; all but NATIONAL ones for a province. */
    public boolean mayRevoke(RankingLevel level) {
        return national() || level != RankingLevel.NATIONAL;
    }

    /** Fails with OUTSIDE_MANDATE when this council may not record the decision's level. */
    public void checkRecording(RankingDecision decision) {
        if (!mayRecord(decision.level())) {
            throw new CatalogException(CatalogErrorCode.OUTSIDE_MANDATE, decision.stars().value() == 5
                    ? "5 stars are granted by the NATIONAL council only; a provincial council records PROVINCIAL rankings (3 or 4 stars)"
                    : "a provincial council records PROVINCIAL rankings (3 or 4 stars) only, not " + decision.level());
        }
    }
}
