/** Producers on board: the public application form and API, ADMIN's decisions on them, and suspending producers. */
package vn.ocop.storefront.web.onboarding;
