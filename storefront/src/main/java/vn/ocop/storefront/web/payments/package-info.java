/** ADMIN's view of card refunds: the failed ones (with Stripe's reason), an order's refunds, and trying a failed refund again. */
package vn.ocop.storefront.web.payments;
