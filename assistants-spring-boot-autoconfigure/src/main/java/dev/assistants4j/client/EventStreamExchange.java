package dev.assistants4j.client;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicIntegerFieldUpdater;
import java.util.concurrent.atomic.AtomicLongFieldUpdater;
import java.util.function.Function;
import java.util.function.Supplier;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import org.reactivestreams.Subscription;
import reactor.core.CoreSubscriber;
import reactor.core.Disposable;
import reactor.core.Disposables;
import reactor.core.Scannable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.FluxOperator;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Operators;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;
import reactor.util.context.Context;
import reactor.util.retry.Retry;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.ClientHttpRequest;
import org.springframework.util.Assert;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.WebClientRequestException;

import dev.assistants4j.model.run.RunStatus;
import dev.assistants4j.stream.AssistantStreamEvent;
import dev.assistants4j.stream.AssistantStreamEvent.RunEvent;
import dev.assistants4j.stream.AssistantStreamEventDecoder;
import dev.assistants4j.stream.ServerSentEventDecoder;
import dev.assistants4j.stream.ServerSentEventReader;
import dev.assistants4j.stream.SseEvent;

/**
 * What a streamed call adds around its HTTP exchange: {@code "stream": true} in the request, an error status
 * read into the same exception as a JSON call, the body decoded into events that end at {@code done} and
 * fail at {@code error}, the stream idle timeout on the connection and between events, retries that stop at
 * the first event, and, for a run, the events typed and a stream cut before the run finished failed.
 *
 * <p>Each event costs one pass through one operator per stage: the decoder hands the event's bytes to a
 * reader that tells {@code done} and {@code error} apart and types the event, and one timer per attempt,
 * re-armed only when it fires, watches for a stall.
 *
 * @param <T> what an event is emitted as
 */
final class EventStreamExchange<T> {

	// The category of every other request summary, so that one logger setting shows them all.
	private static final Log logger = LogFactory.getLog(ApiTransport.class);

	private static final String DONE_EVENT = "done";

	private static final byte[] DONE_DATA = "[DONE]".getBytes(StandardCharsets.US_ASCII);

	private static final String ERROR_EVENT = "error";

	private final String name;

	private final JsonMapper mapper;

	private final Duration idleTimeout;

	private final int maxEventSize;

	private final ServerSentEventDecoder decoder;

	private final Scheduler timer;

	private final Supplier<ServerSentEventReader<T>> readers;

	EventStreamExchange(String template, JsonMapper mapper, Duration idleTimeout, int maxEventSize, Scheduler timer,
			Function<EventStreamExchange<T>, ServerSentEventReader<T>> readers) {
		this.name = "POST " + template;
		this.mapper = mapper;
		this.idleTimeout = idleTimeout;
		this.maxEventSize = maxEventSize;
		this.decoder = new ServerSentEventDecoder(this.maxEventSize);
		this.timer = timer;
		this.readers = () -> readers.apply(this);
	}

	/**
	 * Returns the exchange of a stream whose events are emitted as they are, up to {@code done}; a body that
	 * ends without it completes the stream.
	 */
	static EventStreamExchange<SseEvent> events(String template, JsonMapper mapper, ClientSettings settings) {
		return new EventStreamExchange<>(template, mapper, settings.streamIdleTimeout(), settings.maxInMemorySize(),
				Schedulers.parallel(), (exchange) -> new SseEventReader(exchange.name, mapper));
	}

	/**
	 * Returns the exchange of a run's stream, whose events are typed and which tells a run stream that ended
	 * from one that was cut: a body that ends without {@code done} fails unless the last run event left the
	 * run ended or waiting for tool outputs, since the caller would otherwise take a run still in progress for
	 * a finished one.
	 */
	static EventStreamExchange<AssistantStreamEvent> runEvents(String template, JsonMapper mapper,
			ClientSettings settings) {
		AssistantStreamEventDecoder typed = new AssistantStreamEventDecoder(mapper);
		return new EventStreamExchange<>(template, mapper, settings.streamIdleTimeout(), settings.maxInMemorySize(),
				Schedulers.parallel(), (exchange) -> new RunEventReader(exchange.name, mapper, typed));
	}

	/**
	 * Serializes a request with {@code "stream": true} added, which the request records do not carry.
	 * @throws IllegalArgumentException if the request is not serialized as a JSON object
	 */
	byte[] requestBody(Object request) {
		Assert.notNull(request, "'request' must not be null");
		JsonNode tree = this.mapper.valueToTree(request);
		Assert.isInstanceOf(ObjectNode.class, tree, "'request' must be written as a JSON object");
		byte[] json = this.mapper.writeValueAsBytes(((ObjectNode) tree).put("stream", true));
		if (logger.isTraceEnabled()) {
			logger.trace(this.name + " request body: " + new String(json, StandardCharsets.UTF_8));
		}
		return json;
	}

	/**
	 * Sets the idle timeout as the request's response timeout, so that a server that stops sending bytes is
	 * caught by the connection itself.
	 */
	void applyIdleTimeout(ClientHttpRequest request) {
		ResponseTimeouts.apply(request, this.idleTimeout);
	}

	/**
	 * Turns a response into its events, or into the exception of its error status.
	 */
	Flux<T> events(ClientResponse response, long start) {
		HttpHeaders headers = response.headers().asHttpHeaders();
		int status = response.statusCode().value();
		if (logger.isDebugEnabled()) {
			long millis = (System.nanoTime() - start) / 1_000_000;
			logger.debug(this.name + " -> " + status + " (request id "
					+ headers.getFirst(AssistantsHttpHeaders.REQUEST_ID) + ", " + millis + " ms), streaming");
		}
		if (!response.statusCode().is2xxSuccessful()) {
			return response.bodyToMono(byte[].class)
				.defaultIfEmpty(new byte[0])
				.flatMapMany((body) -> Flux.error(ApiExceptions.create(status, headers, body, this.mapper)));
		}
		if (MediaType.APPLICATION_JSON.equalsTypeAndSubtype(headers.getContentType())) {
			// A server that cannot stream answers with the run itself: decoded as events, it would end in silence.
			return response.releaseBody()
				.thenMany(Flux.error(new AssistantsStreamException(this.name + " answered " + status
						+ " with JSON instead of text/event-stream; does the server support streaming?", null, null)));
		}
		return this.decoder.decode(response.bodyToFlux(DataBuffer.class), this.readers);
	}

	/**
	 * Applies the idle timeout between events and maps failures; an attempt that fails before its first event
	 * is retried as the policy says, one that fails after is not.
	 * @param attempt one exchange, subscribed again for each attempt
	 */
	Flux<T> withRetries(Flux<T> attempt, RetryPolicy retryPolicy) {
		return Flux.defer(() -> {
			AtomicBoolean emitted = new AtomicBoolean();
			return new IdleTimeout<>(attempt, this, emitted)
				.retryWhen(Retry.from((signals) -> signals.concatMap((signal) -> {
					// Once an event is out, a retry would repeat it: the subscriber has seen part of a run.
					if (emitted.get()) {
						return Mono.error(signal.failure());
					}
					return retryPolicy.generateCompanion(Flux.just(signal.copy()));
				})));
		});
	}

	private Throwable failure(Throwable ex) {
		Throwable cause = (ex instanceof WebClientRequestException && ex.getCause() != null) ? ex.getCause() : ex;
		if (cause instanceof TimeoutException || cause instanceof io.netty.handler.timeout.TimeoutException) {
			return stalled(ex);
		}
		if (ApiTransport.isTransportFailure(ex)) {
			return new AssistantsTransportException(this.name + " failed: " + ApiTransport.describe(ex), ex);
		}
		if (ex instanceof DataBufferLimitException) {
			return new AssistantsStreamException(this.name + " sent a line or event larger than max-in-memory-size ("
					+ this.maxEventSize + " bytes); raise openai.assistants.max-in-memory-size", null, ex);
		}
		return ex;
	}

	private AssistantsTransportException stalled(Throwable cause) {
		return new AssistantsTransportException(this.name + " stalled: no event within stream-idle-timeout ("
				+ this.idleTimeout.toMillis() + " ms)", cause);
	}

	/**
	 * What every stream does with an event before its own reading: log it, end at {@code done}, fail at
	 * {@code error}.
	 */
	private abstract static class EventReader<R> implements ServerSentEventReader<R> {

		final String name;

		private final JsonMapper mapper;

		EventReader(String name, JsonMapper mapper) {
			this.name = name;
			this.mapper = mapper;
		}

		@Override
		public final @Nullable R read(String event, byte[] data, int offset, int length, @Nullable String id) {
			if (logger.isTraceEnabled()) {
				logger.trace(this.name + " event " + event + ": "
						+ new String(data, offset, length, StandardCharsets.UTF_8));
			}
			if (DONE_EVENT.equals(event) || isDoneData(data, offset, length)) {
				return null;
			}
			if (ERROR_EVENT.equals(event)) {
				throw streamError(new String(data, offset, length, StandardCharsets.UTF_8));
			}
			return event(event, data, offset, length, id);
		}

		/**
		 * Reads an event that is neither {@code done} nor {@code error}.
		 */
		abstract R event(String event, byte[] data, int offset, int length, @Nullable String id);

		private static boolean isDoneData(byte[] data, int offset, int length) {
			return length == DONE_DATA.length && Arrays.equals(DONE_DATA, 0, length, data, offset,
					offset + length);
		}

		private AssistantsStreamException streamError(String data) {
			ApiError error = ApiExceptions
				.parseError(ApiTransport.readTree(this.mapper, data.getBytes(StandardCharsets.UTF_8)));
			String message = (error != null && error.message() != null) ? ": " + error.message() : "";
			String code = (error != null && error.code() != null) ? " (" + error.code() + ")" : "";
			return new AssistantsStreamException(this.name + " sent an error event" + message + code, error, null);
		}

	}

	/**
	 * Emits the events as they are; a body that ends without {@code done} just ends the stream.
	 */
	private static final class SseEventReader extends EventReader<SseEvent> {

		SseEventReader(String name, JsonMapper mapper) {
			super(name, mapper);
		}

		@Override
		SseEvent event(String event, byte[] data, int offset, int length, @Nullable String id) {
			return new SseEvent(event, new String(data, offset, length, StandardCharsets.UTF_8), id);
		}

	}

	/**
	 * Types the events of a run, straight from their bytes, and remembers the last run event, which tells
	 * whether a body that ends without {@code done} finished the run.
	 */
	private static final class RunEventReader extends EventReader<AssistantStreamEvent> {

		private final AssistantStreamEventDecoder decoder;

		private @Nullable RunEvent lastRun;

		RunEventReader(String name, JsonMapper mapper, AssistantStreamEventDecoder decoder) {
			super(name, mapper);
			this.decoder = decoder;
		}

		@Override
		AssistantStreamEvent event(String event, byte[] data, int offset, int length, @Nullable String id) {
			AssistantStreamEvent typed = this.decoder.decode(event, data, offset, length);
			if (typed instanceof RunEvent run) {
				this.lastRun = run;
			}
			return typed;
		}

		@Override
		public @Nullable Throwable end() {
			RunEvent lastRun = this.lastRun;
			RunStatus status = (lastRun != null) ? lastRun.run().status() : null;
			if (status != null && (status.isTerminal() || status.requiresAction())) {
				return null;
			}
			String last = (lastRun != null) ? lastRun.event() : "none";
			return new AssistantsStreamException(this.name + " ended before the run finished (last run event: "
					+ last + ")", null, new EndedWithoutDone(this.name));
		}

	}

	/**
	 * The body of a stream ended without {@code done}: the cause of the failure of a run stream cut short.
	 */
	static final class EndedWithoutDone extends AssistantsStreamException {

		private static final long serialVersionUID = 1L;

		EndedWithoutDone(String name) {
			super(name + " ended without a done event", null, null);
		}

	}

	/**
	 * One attempt of a stream with its idle timeout, failures mapped and its first event noted. Instead of a
	 * timer per event, as {@code Flux.timeout} schedules and cancels, each subscription arms one timer, which
	 * when it fires either re-arms itself for what remains since the last event or fails the stream; an event
	 * only records the time.
	 */
	static final class IdleTimeout<T> extends FluxOperator<T, T> {

		private final EventStreamExchange<?> exchange;

		private final AtomicBoolean emitted;

		IdleTimeout(Flux<? extends T> source, EventStreamExchange<?> exchange, AtomicBoolean emitted) {
			super(source);
			this.exchange = exchange;
			this.emitted = emitted;
		}

		@Override
		public void subscribe(CoreSubscriber<? super T> actual) {
			this.source.subscribe(new IdleTimeoutSubscriber<>(actual, this.exchange, this.emitted));
		}

	}

	static final class IdleTimeoutSubscriber<T> implements CoreSubscriber<T>, Subscription, Runnable, Scannable {

		private static final AtomicLongFieldUpdater<IdleTimeoutSubscriber> LAST_EVENT = AtomicLongFieldUpdater
			.newUpdater(IdleTimeoutSubscriber.class, "lastEvent");

		private static final AtomicIntegerFieldUpdater<IdleTimeoutSubscriber> ENDED = AtomicIntegerFieldUpdater
			.newUpdater(IdleTimeoutSubscriber.class, "ended");

		private static final AtomicIntegerFieldUpdater<IdleTimeoutSubscriber> WIP = AtomicIntegerFieldUpdater
			.newUpdater(IdleTimeoutSubscriber.class, "wip");

		private final CoreSubscriber<? super T> actual;

		private final EventStreamExchange<?> exchange;

		private final AtomicBoolean emitted;

		private final Scheduler scheduler;

		private final long timeoutNanos;

		private final Disposable.Swap timer = Disposables.swap();

		private @Nullable Subscription upstream;

		/** When the last event, or the subscription, came, on the scheduler's clock. */
		private volatile long lastEvent;

		/** 1 once a terminal signal won: the upstream's, the timer's or a cancellation. */
		private volatile int ended;

		/** Held by an event on its way to the subscriber; the timer's error waits for it to be 0. */
		private volatile int wip;

		private @Nullable Throwable timeout;

		private boolean firstEventSeen;

		IdleTimeoutSubscriber(CoreSubscriber<? super T> actual, EventStreamExchange<?> exchange,
				AtomicBoolean emitted) {
			this.actual = actual;
			this.exchange = exchange;
			this.emitted = emitted;
			this.scheduler = exchange.timer;
			this.timeoutNanos = exchange.idleTimeout.toNanos();
		}

		@Override
		public Context currentContext() {
			return this.actual.currentContext();
		}

		@Override
		public void onSubscribe(Subscription subscription) {
			if (Operators.validate(this.upstream, subscription)) {
				this.upstream = subscription;
				LAST_EVENT.lazySet(this, now());
				this.actual.onSubscribe(this);
				// Armed from the subscription on: the first event must come within the timeout as well.
				arm(this.timeoutNanos);
			}
		}

		@Override
		public void onNext(T event) {
			if (this.ended != 0) {
				Operators.onDiscard(event, currentContext());
				return;
			}
			LAST_EVENT.lazySet(this, now());
			if (!this.firstEventSeen) {
				this.firstEventSeen = true;
				this.emitted.set(true);
			}
			if (WIP.getAndIncrement(this) != 0) {
				// The timer is failing the stream.
				Operators.onDiscard(event, currentContext());
				return;
			}
			this.actual.onNext(event);
			if (WIP.decrementAndGet(this) != 0) {
				// The timer fired during the event and left its error to be signalled after it.
				this.actual.onError(this.timeout);
			}
		}

		@Override
		public void onError(Throwable ex) {
			if (!ENDED.compareAndSet(this, 0, 1)) {
				// Ended by the timer or the subscriber, whose cancellation this may follow.
				return;
			}
			this.timer.dispose();
			this.actual.onError(this.exchange.failure(ex));
		}

		@Override
		public void onComplete() {
			if (!ENDED.compareAndSet(this, 0, 1)) {
				return;
			}
			this.timer.dispose();
			this.actual.onComplete();
		}

		@Override
		public void request(long n) {
			this.upstream.request(n);
		}

		@Override
		public void cancel() {
			ENDED.set(this, 1);
			this.timer.dispose();
			this.upstream.cancel();
		}

		/**
		 * The timer fired: fails the stream if no event came within the timeout, else re-arms for the rest.
		 */
		@Override
		public void run() {
			if (this.ended != 0) {
				return;
			}
			long idle = now() - this.lastEvent;
			if (idle < this.timeoutNanos) {
				arm(this.timeoutNanos - idle);
				return;
			}
			if (!ENDED.compareAndSet(this, 0, 1)) {
				return;
			}
			this.upstream.cancel();
			this.timeout = this.exchange.stalled(new TimeoutException(
					"No event within " + this.exchange.idleTimeout.toMillis() + " ms"));
			if (WIP.getAndIncrement(this) == 0) {
				this.actual.onError(this.timeout);
			}
		}

		private void arm(long delayNanos) {
			try {
				this.timer.replace(this.scheduler.schedule(this, delayNanos, TimeUnit.NANOSECONDS));
			}
			catch (RejectedExecutionException ex) {
				if (ENDED.compareAndSet(this, 0, 1)) {
					this.upstream.cancel();
					this.timeout = Operators.onRejectedExecution(ex, currentContext());
					if (WIP.getAndIncrement(this) == 0) {
						this.actual.onError(this.timeout);
					}
				}
			}
		}

		private long now() {
			return this.scheduler.now(TimeUnit.NANOSECONDS);
		}

		@Override
		public @Nullable Object scanUnsafe(Attr key) {
			if (key == Attr.PARENT) {
				return this.upstream;
			}
			if (key == Attr.ACTUAL) {
				return this.actual;
			}
			if (key == Attr.TERMINATED || key == Attr.CANCELLED) {
				return this.ended != 0;
			}
			if (key == Attr.RUN_ON) {
				return this.scheduler;
			}
			if (key == Attr.RUN_STYLE) {
				return Attr.RunStyle.SYNC;
			}
			return null;
		}

	}

}
