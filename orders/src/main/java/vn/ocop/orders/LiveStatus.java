package vn.ocop.orders;

/** DESIGN.md §2: SCHEDULED → LIVE → ENDED, or SCHEDULED → CANCELLED. */
public enum LiveStatus { SCHEDULED, LIVE, ENDED, CANCELLED }
