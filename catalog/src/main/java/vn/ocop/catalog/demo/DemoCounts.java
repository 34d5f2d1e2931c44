package vn.ocop.catalog.demo;

/** How many demo rows there are (or are about to be). */
record DemoCounts(int producers, int products, int locations) {

    boolean any() {
        return producers > 0;
    }
}
