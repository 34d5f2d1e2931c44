package vn.ocop.bench;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.http2.DefaultHttp2Headers;
import io.netty.handler.codec.http2.Http2ConnectionHandler;
import io.netty.handler.codec.http2.Http2ConnectionHandlerBuilder;
import io.netty.handler.codec.http2.Http2FrameAdapter;
import io.netty.handler.codec.http2.Http2Headers;
import io.netty.handler.codec.http2.Http2Settings;
import io.netty.util.ByteProcessor;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Histogram;

/**
 * Viewers over HTTP/2 without TLS (h2c, prior knowledge): each viewer its own request and its own stream, so the
 * app serves each as one Server-Sent Events subscription, as it would a browser's; but {@code perConnection}
 * viewers share one TCP connection, as a proxy in front of the app multiplexes its clients. 20,000 viewers on one
 * connection each would need more open files than this machine allows one process (20,000), on either side.
 *
 * <p>Lean on purpose, as the client shares the machine's two cores with the app: plain Netty frames, no
 * per-stream channel or pipeline, each DATA frame scanned once for the {@code event:} and {@code data:} lines.
 */
final class H2Viewers implements PinWatchers {

    /** Receive windows large enough that flow control never holds a push back (the client reads as fast as it can). */
    private static final int STREAM_WINDOW = 1 << 20;
    private static final int CONNECTION_WINDOW = 64 << 20;

    private final Viewer[] viewers;
    private final int perConnection;
    private final AtomicInteger connected = new AtomicInteger();
    private final LongAdder failed = new LongAdder();
    private final EventLoopGroup group;
    private final List<Channel> channels = Collections.synchronizedList(new ArrayList<>());
    private volatile boolean closing;

    H2Viewers(int n, int pins, int perConnection, int threads) {
        this.viewers = new Viewer[n];
        for (int i = 0; i < n; i++) {
            viewers[i] = new Viewer(pins);
        }
        this.perConnection = perConnection;
        // daemon threads: a bench that fails half-way still ends (and says why)
        this.group = new MultiThreadIoEventLoopGroup(threads, new DefaultThreadFactory("viewers", true), NioIoHandler.newFactory());
    }

    /** Opens the connections, each with its share of the viewers' streams. */
    void connect(URI events) {
        String authority = events.getHost() + ":" + events.getPort();
        for (int first = 0; first < viewers.length; first += perConnection) {
            int from = first;
            int to = Math.min(viewers.length, first + perConnection);
            Bootstrap b = new Bootstrap().group(group).channel(NioSocketChannel.class)
                    .option(ChannelOption.TCP_NODELAY, true).option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 60_000)
                    .handler(new ChannelInitializer<SocketChannel>() {
                        @Override
                        protected void initChannel(SocketChannel ch) {
                            new Connection(from, to, authority, events.getRawPath()).install(ch);
                        }
                    });
            b.connect(events.getHost(), events.getPort()).addListener(f -> {
                if (f.isSuccess()) {
                    channels.add(((io.netty.channel.ChannelFuture) f).channel());
                } else {
                    failed.add(to - from);
                }
            });
        }
    }

    @Override
    public int connected() {
        return connected.get();
    }

    @Override
    public long failed() {
        return failed.sum();
    }

    @Override
    public String transport() {
        int connections = (viewers.length + perConnection - 1) / perConnection;
        return String.format("HTTP/2 (h2c), %d viewers' streams on each of %d connections", perConnection, connections);
    }

    @Override
    public void awaitPins(int pins, Duration atMost) throws InterruptedException {
        long deadline = System.nanoTime() + atMost.toNanos();
        while (System.nanoTime() < deadline && java.util.Arrays.stream(viewers).anyMatch(v -> v.seen < pins)) {
            Thread.sleep(100);
        }
    }

    @Override
    public Histogram latencies(long[] sent) {
        Histogram h = new Histogram(120_000_000L, 3);
        for (Viewer v : viewers) {
            int seen = Math.min(v.seen, sent.length);
            for (int p = 0; p < seen; p++) {
                h.recordValue(Math.max(1, (v.arrivals[p] - sent[p]) / 1000));
            }
        }
        return h;
    }

    @Override
    public void close() {
        closing = true;
        synchronized (channels) {
            channels.forEach(Channel::close);
        }
        group.shutdownGracefully(0, 5, TimeUnit.SECONDS).awaitUninterruptibly();
    }

    /** One TCP connection and the viewers whose streams it carries. */
    private final class Connection extends Http2FrameAdapter {
        private final int from;
        private final int to;
        private final String authority;
        private final String path;
        private final Map<Integer, Viewer> streams = new HashMap<>();
        private Http2ConnectionHandler http2;

        Connection(int from, int to, String authority, String path) {
            this.from = from;
            this.to = to;
            this.authority = authority;
            this.path = path;
        }

        void install(SocketChannel ch) {
            http2 = new Http2ConnectionHandlerBuilder().server(false).frameListener(this)
                    .initialSettings(Http2Settings.defaultSettings().initialWindowSize(STREAM_WINDOW)).build();
            ch.pipeline().addLast(http2, new ChannelInboundHandlerAdapter() {
                @Override
                public void channelActive(ChannelHandlerContext ctx) throws Exception {
                    open(ctx.pipeline().context(http2));
                    super.channelActive(ctx);
                }

                @Override
                public void channelInactive(ChannelHandlerContext ctx) throws Exception {
                    if (!closing) {
                        failed.add(streams.values().stream().filter(v -> !v.ended).count());
                    }
                    super.channelInactive(ctx);
                }

                @Override
                public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
                    ctx.close();
                }
            });
        }

        private void open(ChannelHandlerContext ctx) throws Exception {
            var connection = http2.connection();
            connection.local().flowController().incrementWindowSize(connection.connectionStream(), CONNECTION_WINDOW);
            for (int v = from; v < to; v++) {
                int id = connection.local().incrementAndGetNextStreamId();
                streams.put(id, viewers[v]);
                Http2Headers headers = new DefaultHttp2Headers().method("GET").scheme("http").authority(authority).path(path)
                        .add("accept", "text/event-stream");
                http2.encoder().writeHeaders(ctx, id, headers, 0, false, ctx.newPromise());
            }
            ctx.flush();
        }

        @Override
        public void onHeadersRead(ChannelHandlerContext ctx, int streamId, Http2Headers headers, int padding, boolean endOfStream) {
            if (headers.status() != null && !"200".contentEquals(headers.status())) {
                fail(streamId);
            } else if (endOfStream) {
                end(streamId);
            }
        }

        @Override
        public void onHeadersRead(ChannelHandlerContext ctx, int streamId, Http2Headers headers, int streamDependency, short weight,
                boolean exclusive, int padding, boolean endOfStream) {
            onHeadersRead(ctx, streamId, headers, padding, endOfStream);
        }

        @Override
        public int onDataRead(ChannelHandlerContext ctx, int streamId, ByteBuf data, int padding, boolean endOfStream) {
            Viewer v = streams.get(streamId);
            if (v != null) {
                v.now = System.nanoTime();
                data.forEachByte(v);
                if (endOfStream) {
                    end(streamId);
                }
            }
            return data.readableBytes() + padding;
        }

        @Override
        public void onRstStreamRead(ChannelHandlerContext ctx, int streamId, long errorCode) {
            fail(streamId);
        }

        private void fail(int streamId) {
            Viewer v = streams.get(streamId);
            if (v != null && !v.ended) {
                v.ended = true;
                failed.increment();
            }
        }

        private void end(int streamId) {
            Viewer v = streams.get(streamId);
            if (v != null) {
                v.ended = true;
            }
        }
    }

    /** One viewer's stream: scans the bytes for lines, keeping only each line's first bytes. */
    private final class Viewer implements ByteProcessor {
        private static final byte[] EVENT = "event:".getBytes(StandardCharsets.US_ASCII);
        private static final byte[] DATA = "data:".getBytes(StandardCharsets.US_ASCII);
        private static final byte[] STATE = "state".getBytes(StandardCharsets.US_ASCII);
        private static final byte[] PINNED = "pinned".getBytes(StandardCharsets.US_ASCII);
        private static final int NONE = 0;
        private static final int STATE_EVENT = 1;
        private static final int PINNED_EVENT = 2;
        private static final int OTHER = 3;

        final long[] arrivals;
        volatile int seen;
        boolean ended;
        long now;
        private boolean stated;
        private final byte[] head = new byte[16];
        private int length;
        private int event;

        Viewer(int pins) {
            arrivals = new long[pins];
        }

        @Override
        public boolean process(byte b) {
            if (b == '\n') {
                line();
                length = 0;
            } else {
                if (length < head.length) {
                    head[length] = b;
                }
                length++;
            }
            return true;
        }

        private void line() {
            if (length == 0) {
                event = NONE;
            } else if (starts(EVENT, 0)) {
                int at = EVENT.length;
                if (length > at && head[at] == ' ') {
                    at++;
                }
                event = is(STATE, at) ? STATE_EVENT : is(PINNED, at) ? PINNED_EVENT : OTHER;
            } else if (event != NONE && starts(DATA, 0)) {
                if (event == STATE_EVENT && !stated) {
                    stated = true;
                    connected.incrementAndGet();
                } else if (event == PINNED_EVENT) {
                    int k = seen;
                    if (k < arrivals.length) {
                        arrivals[k] = now;
                    }
                    seen = k + 1;
                }
            }
        }

        private boolean is(byte[] word, int at) {
            return length - at == word.length && starts(word, at);
        }

        private boolean starts(byte[] prefix, int at) {
            if (Math.min(length, head.length) < at + prefix.length) {
                return false;
            }
            for (int i = 0; i < prefix.length; i++) {
                if (head[at + i] != prefix[i]) {
                    return false;
                }
            }
            return true;
        }
    }
}
