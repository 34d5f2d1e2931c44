package vn.ocop.storefront.web.shop;

import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.springframework.web.server.ServerWebExchange;
import vn.ocop.catalog.listings.ProductDetails;
import vn.ocop.storefront.account.PublicAddress;
import vn.ocop.storefront.web.Formats;

/**
 * What a product page tells search engines and the apps a link is shared in (Zalo, Facebook): its description, its
 * canonical address and the Open Graph / Twitter card (name, price in đồng and producer, a picture). The layout writes
 * them into the page's head from the model attributes set here.
 */
@Component
class ProductSharing {

    /** Shown when a product has no picture of its own: a PNG, since Facebook and Zalo show no SVG. */
    static final String DEFAULT_IMAGE = "/images/og-default.png";

    private final PublicAddress address;
    private final MessageSource messages;
    private final Formats formats;

    ProductSharing(PublicAddress address, MessageSource messages, Formats formats) {
        this.address = address;
        this.messages = messages;
        this.formats = formats;
    }

    void describe(ProductDetails product, ServerWebExchange exchange, Locale locale, Model model) {
        String site = address.of(exchange.getRequest());
        model.addAttribute("metaDescription", messages.getMessage("web.meta.product", new Object[] {
                product.name(), formats.vnd(product.price()), product.salesUnit(), product.producer().name(),
                product.producer().province(), product.ranking().stars().value()}, locale));
        model.addAttribute("ogTitle", product.name());
        model.addAttribute("ogImage", site + image(product));
        model.addAttribute("canonicalUrl", site + "/products/" + product.id().value());
    }

    /** The product's first picture, else the shop's own. */
    private static String image(ProductDetails product) {
        return product.imageFiles().isEmpty() ? DEFAULT_IMAGE : "/images/products/" + product.imageFiles().get(0);
    }
}
