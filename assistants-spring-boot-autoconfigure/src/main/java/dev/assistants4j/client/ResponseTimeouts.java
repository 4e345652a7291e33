package dev.assistants4j.client;

import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.timeout.ReadTimeoutException;
import io.netty.util.AttributeKey;
import org.jspecify.annotations.Nullable;
import reactor.netty.Connection;
import reactor.netty.http.client.HttpClientRequest;

import org.springframework.http.client.reactive.ClientHttpRequest;

/**
 * How long a server may stay silent while answering: from the end of the request to the end of the answer,
 * no gap between two reads may be longer than the exchange's timeout.
 *
 * <p>Reactor Netty's own per-request response timeout adds a read-timeout handler to the connection's pipeline
 * and schedules its timer for every request, then removes both: a few microseconds of every call. On the
 * connections of the client's own pool one {@link Handler} is installed once instead, told each request's
 * timeout through a channel attribute, and its single timer is re-armed only when it fires. On a connector
 * supplied by the application, Reactor Netty's per-request timeout is used as before.
 */
final class ResponseTimeouts {

	/** The handler's name in the pipeline. */
	static final String HANDLER_NAME = "assistants4j.responseTimeout";

	/** The timeout of the exchange about to be sent on a connection, in nanoseconds. */
	static final AttributeKey<Long> TIMEOUT = AttributeKey.valueOf("assistants4j.responseTimeoutNanos");

	private ResponseTimeouts() {
	}

	/**
	 * Sets the timeout of one exchange, through the connection's handler when it has one.
	 * @param request the request about to be sent
	 * @param timeout the longest silence allowed while the server answers
	 */
	static void apply(ClientHttpRequest request, Duration timeout) {
		if (!(request.getNativeRequest() instanceof HttpClientRequest nettyRequest)) {
			return;
		}
		if (nettyRequest instanceof Connection connection && connection.channel().hasAttr(TIMEOUT)) {
			connection.channel().attr(TIMEOUT).set(timeout.toNanos());
		}
		else {
			nettyRequest.responseTimeout(timeout);
		}
	}

	/**
	 * Installs the handler on a new connection of the client's own pool.
	 */
	static void install(Connection connection) {
		connection.channel().attr(TIMEOUT).set(0L);
		connection.addHandlerLast(HANDLER_NAME, new Handler(System::nanoTime));
	}

	/**
	 * The per-connection timer. It sits after the HTTP codec: an exchange starts when the request's last
	 * content is written and ends when the answer's last content is read; every read in between moves the
	 * deadline. Only the event loop calls it.
	 */
	static final class Handler extends ChannelDuplexHandler {

		private final LongSupplier clock;

		private boolean answering;

		private long timeoutNanos;

		private long lastActivity;

		private @Nullable ScheduledFuture<?> timer;

		Handler(LongSupplier clock) {
			this.clock = clock;
		}

		@Override
		public void write(ChannelHandlerContext context, Object message, ChannelPromise promise) {
			if (message instanceof LastHttpContent) {
				Long timeout = context.channel().attr(TIMEOUT).get();
				if (timeout != null && timeout > 0) {
					this.timeoutNanos = timeout;
					this.answering = true;
					this.lastActivity = this.clock.getAsLong();
					ScheduledFuture<?> armed = this.timer;
					if (armed != null && armed.getDelay(TimeUnit.NANOSECONDS) > timeout) {
						// Left by an exchange with a longer timeout: this one must fire sooner.
						armed.cancel(false);
						this.timer = null;
					}
					arm(context, timeout);
				}
			}
			context.write(message, promise);
		}

		@Override
		public void channelRead(ChannelHandlerContext context, Object message) {
			if (this.answering) {
				this.lastActivity = this.clock.getAsLong();
				if (message instanceof LastHttpContent) {
					this.answering = false;
				}
			}
			context.fireChannelRead(message);
		}

		@Override
		public void channelInactive(ChannelHandlerContext context) {
			disarm();
			context.fireChannelInactive();
		}

		@Override
		public void handlerRemoved(ChannelHandlerContext context) {
			disarm();
		}

		private void arm(ChannelHandlerContext context, long delayNanos) {
			if (this.timer == null) {
				this.timer = context.executor().schedule(() -> expire(context), delayNanos, TimeUnit.NANOSECONDS);
			}
		}

		private void disarm() {
			this.answering = false;
			ScheduledFuture<?> armed = this.timer;
			this.timer = null;
			if (armed != null) {
				armed.cancel(false);
			}
		}

		private void expire(ChannelHandlerContext context) {
			this.timer = null;
			if (!this.answering || !context.channel().isOpen()) {
				return;
			}
			long silent = this.clock.getAsLong() - this.lastActivity;
			if (silent < this.timeoutNanos) {
				arm(context, this.timeoutNanos - silent);
				return;
			}
			this.answering = false;
			// As Netty's ReadTimeoutHandler does, which the exchange's error handling already knows.
			context.fireExceptionCaught(ReadTimeoutException.INSTANCE);
			context.close();
		}

	}

}
