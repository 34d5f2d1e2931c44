/** Live sale events on the web: the JSON API with its Server-Sent Events, the viewers' pages and the producer's control room. */
package vn.ocop.storefront.web.live;
