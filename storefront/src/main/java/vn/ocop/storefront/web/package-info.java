/** Pages and JSON APIs, one sub-package per feature, plus what every page shares (layout model, locale, formats). */
package vn.ocop.storefront.web;
