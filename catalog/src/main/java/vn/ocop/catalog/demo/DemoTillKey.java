package vn.ocop.catalog.demo;

import java.util.UUID;

/** A till's key as the store keeps it: only its SHA-256. */
record DemoTillKey(UUID id, UUID locationId, String label, String keyHash) {
}
