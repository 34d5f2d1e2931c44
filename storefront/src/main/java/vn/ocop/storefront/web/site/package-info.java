/** What crawlers read: robots.txt and sitemap.xml. */
package vn.ocop.storefront.web.site;
