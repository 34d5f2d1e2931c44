/**
 * What a request may carry before any feature reads it: a well-formed Content-Type, text without control
 * characters, JSON without duplicate keys; anything else is a 400 problem naming the field, and nothing is written.
 */
package vn.ocop.storefront.input;
