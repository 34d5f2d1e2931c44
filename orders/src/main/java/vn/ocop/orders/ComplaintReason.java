package vn.ocop.orders;

/** Why a shopper complains about an order line. */
public enum ComplaintReason { WRONG_ITEM, DAMAGED, NOT_AS_DESCRIBED, NOT_RECEIVED }
