package vn.ocop.catalog.producers;

import vn.ocop.catalog.ProducerId;

/**
 * A producer as shoppers see it.
 *
 * @param province       the province today (34 provinces since 2025-07-01)
 * @param formerProvince the province's name before the 2025 merger, when it differs
 */
public record ProducerSummary(ProducerId id, String name, String kind, String province, String formerProvince, String commune) {
}
