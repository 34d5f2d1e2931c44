/** E-mail to producers: SMTP when {@code spring.mail.host} is set, else one log line per mail. */
package vn.ocop.storefront.mail;
