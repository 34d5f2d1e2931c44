package vn.ocop.catalog.demo;

import java.util.UUID;

/**
 * What a demo load found or wrote; the ids are the same on every load.
 *
 * @param memberProvince the province of the producer the demo PRODUCER account acts for, as producers name it
 */
public record LoadedDemo(boolean alreadyPresent, int producers, int products, int locations, UUID memberProducerId, UUID showroomId,
                         String memberProvince) {
}
