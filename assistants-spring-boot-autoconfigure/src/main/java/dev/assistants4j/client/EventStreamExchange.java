package dev.assistants4j.client;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.SynchronousSink;
import reactor.netty.http.client.HttpClientRequest;
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
import dev.assistants4j.stream.SseEvent;

/**
 * What a streamed call adds around its HTTP exchange: {@code "stream": true} in the request, an error status
 * read into the same exception as a JSON call, the body decoded into events that end at {@code done} and
 * fail at {@code error}, the stream idle timeout on the connection and between events, retries that stop at
 * the first event, and, for a run, the events typed and a stream cut before the run finished failed.
 */
final class EventStreamExchange {

	// The category of every other request summary, so that one logger setting shows them all.
	private static final Log logger = LogFactory.getLog(ApiTransport.class);

	private static final String DONE_EVENT = "done";

	private static final String DONE_DATA = "[DONE]";

	private static final String ERROR_EVENT = "error";

	private final String name;

	private final JsonMapper mapper;

	private final Duration idleTimeout;

	private final int maxEventSize;

	private final ServerSentEventDecoder decoder;

	EventStreamExchange(String template, JsonMapper mapper, ClientSettings settings) {
		this.name = "POST " + template;
		this.mapper = mapper;
		this.idleTimeout = settings.streamIdleTimeout();
		this.maxEventSize = settings.maxInMemorySize();
		this.decoder = new ServerSentEventDecoder(this.maxEventSize);
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
		if (request.getNativeRequest() instanceof HttpClientRequest nettyRequest) {
			nettyRequest.responseTimeout(this.idleTimeout);
		}
	}

	/**
	 * Turns a response into its events, or into the exception of its error status; a body that ends without
	 * {@code done} ends in {@link EndedWithoutDone}, for the caller to judge.
	 */
	Flux<SseEvent> events(ClientResponse response, long start) {
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
		AtomicBoolean done = new AtomicBoolean();
		return this.decoder.decode(response.bodyToFlux(DataBuffer.class))
			.<SseEvent>handle((event, sink) -> dispatch(event, sink, done))
			.concatWith(Mono.defer(() -> done.get() ? Mono.empty() : Mono.error(new EndedWithoutDone(this.name))));
	}

	private void dispatch(SseEvent event, SynchronousSink<SseEvent> sink, AtomicBoolean done) {
		if (logger.isTraceEnabled()) {
			logger.trace(this.name + " event " + event.event() + ": " + event.data());
		}
		if (DONE_EVENT.equals(event.event()) || DONE_DATA.equals(event.data())) {
			done.set(true);
			sink.complete();
		}
		else if (ERROR_EVENT.equals(event.event())) {
			sink.error(streamError(event));
		}
		else {
			sink.next(event);
		}
	}

	private AssistantsStreamException streamError(SseEvent event) {
		ApiError error = ApiExceptions
			.parseError(ApiTransport.readTree(this.mapper, event.data().getBytes(StandardCharsets.UTF_8)));
		String message = (error != null && error.message() != null) ? ": " + error.message() : "";
		String code = (error != null && error.code() != null) ? " (" + error.code() + ")" : "";
		return new AssistantsStreamException(this.name + " sent an error event" + message + code, error, null);
	}

	/**
	 * Types the events of a run and tells a run stream that ended from one that was cut: a body that ends
	 * without {@code done} fails unless the last run event left the run ended or waiting for tool outputs, since
	 * the caller would otherwise take a run still in progress for a finished one.
	 * @param events the events of {@link #events}, ending in {@link EndedWithoutDone} where the body did
	 */
	Flux<AssistantStreamEvent> runEvents(Flux<SseEvent> events) {
		AssistantStreamEventDecoder decoder = new AssistantStreamEventDecoder(this.mapper);
		return Flux.defer(() -> {
			AtomicReference<@Nullable RunEvent> lastRun = new AtomicReference<>();
			return events.map(decoder::decode)
				.doOnNext((event) -> {
					if (event instanceof RunEvent run) {
						lastRun.set(run);
					}
				})
				.onErrorResume(EndedWithoutDone.class, (ex) -> endedEarly(lastRun.get(), ex));
		});
	}

	private Mono<AssistantStreamEvent> endedEarly(@Nullable RunEvent lastRun, EndedWithoutDone ended) {
		RunStatus status = (lastRun != null) ? lastRun.run().status() : null;
		if (status != null && (status.isTerminal() || status.requiresAction())) {
			return Mono.empty();
		}
		String last = (lastRun != null) ? lastRun.event() : "none";
		return Mono.error(new AssistantsStreamException(
				this.name + " ended before the run finished (last run event: " + last + ")", null, ended));
	}

	/**
	 * Applies the idle timeout between events and maps failures; an attempt that fails before its first event
	 * is retried as the policy says, one that fails after is not.
	 * @param attempt one exchange, subscribed again for each attempt
	 */
	Flux<SseEvent> withRetries(Flux<SseEvent> attempt, RetryPolicy retryPolicy) {
		return Flux.defer(() -> {
			AtomicBoolean emitted = new AtomicBoolean();
			return attempt.timeout(this.idleTimeout)
				.onErrorMap(this::failure)
				.doOnNext((event) -> emitted.set(true))
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
			return new AssistantsTransportException(this.name + " stalled: no event within stream-idle-timeout ("
					+ this.idleTimeout.toMillis() + " ms)", ex);
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

	/**
	 * The body of a stream ended without {@code done}: the end of raw events, a cut for a run stream.
	 */
	static final class EndedWithoutDone extends AssistantsStreamException {

		private static final long serialVersionUID = 1L;

		EndedWithoutDone(String name) {
			super(name + " ended without a done event", null, null);
		}

	}

}
