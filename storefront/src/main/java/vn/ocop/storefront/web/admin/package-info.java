/** Administration APIs (role ADMIN): the search index. */
package vn.ocop.storefront.web.admin;
