package vn.ocop.orders;

import java.util.List;

/**
 * What a recall did to orders, counted, naming none: how many it reached, and of those how many had received units
 * of the lot, had their reservation moved to another lot, had a line cancelled. What a council, and a recall's page,
 * are shown.
 */
public record RecallReach(int orders, long received, long swapped, long cancelled) {

    public static RecallReach of(List<RecallNotice> notices) {
        return new RecallReach(notices.size(), notices.stream().filter(RecallNotice::received).count(),
                notices.stream().filter(RecallNotice::swapped).count(), notices.stream().filter(RecallNotice::cancelled).count());
    }
}
