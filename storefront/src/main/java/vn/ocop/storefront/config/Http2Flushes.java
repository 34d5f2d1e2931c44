package vn.ocop.storefront.config;

import io.netty.channel.ChannelOption;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.handler.flush.FlushConsolidationHandler;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.stereotype.Component;
import reactor.netty.http.server.HttpServer;

/**
 * With HTTP/2 on (OCOP_HTTP2=true) many answers share one connection: a live push to the hundred viewers whose
 * streams a proxy carries on one connection is a hundred writes, each flushed on its own. Netty's
 * FlushConsolidationHandler, nearest the socket, turns the flushes that come in one turn of the connection's event
 * loop into one (at most 256 writes wait for it), so the push goes out in a few system calls, not one per viewer.
 * Meanwhile the writes wait in the connection's outbound buffer: a push of 2 KB to a hundred streams is 200 KB, past
 * Netty's default high-water mark (64 KB), which would make the connection unwritable and back again, each time
 * telling every stream on it; the mark is 1 MB (low 512 KB) instead.
 */
@Component
@ConditionalOnProperty(name = "server.http2.enabled", havingValue = "true")
class Http2Flushes implements NettyServerCustomizer {

    @Override
    public HttpServer apply(HttpServer server) {
        return server.childOption(ChannelOption.WRITE_BUFFER_WATER_MARK, new WriteBufferWaterMark(512 * 1024, 1024 * 1024)).doOnChannelInit((observer, channel, address) ->
                channel.pipeline().addFirst("ocop.flushConsolidation", new FlushConsolidationHandler(256, true)));
    }
}
