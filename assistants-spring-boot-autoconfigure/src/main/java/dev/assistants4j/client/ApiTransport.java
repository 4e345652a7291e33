package dev.assistants4j.client;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.ClientHttpRequest;
import org.springframework.util.Assert;
import org.springframework.util.CollectionUtils;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.reactive.function.BodyInserters;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientRequestException;

import dev.assistants4j.client.OperationObservations.ObservedCall;
import dev.assistants4j.model.ListParams;
import dev.assistants4j.model.Page;
import dev.assistants4j.stream.AssistantStreamEvent;
import dev.assistants4j.stream.SseEvent;

/**
 * The one HTTP path every operation takes: expands a URI template with encoded variables, sends JSON, maps
 * error statuses to exceptions, decodes with the client's own mapper, logs a summary, applies the response
 * timeout and the retry policy, and pages through lists. Resources describe endpoints; this class carries
 * them out.
 */
final class ApiTransport {

	private static final Log logger = LogFactory.getLog(ApiTransport.class);

	private static final byte[] EMPTY = new byte[0];

	private static final MultiValueMap<String, String> NO_QUERY = CollectionUtils
		.unmodifiableMultiValueMap(new LinkedMultiValueMap<>());

	private final WebClient webClient;

	private final JsonMapper mapper;

	private final ClientSettings settings;

	private final RetryPolicy retryPolicy;

	private final OperationObservations observations;

	// Jackson's type cache takes a lock now and then to keep its LRU order; the client needs a few dozen types.
	private final Map<Class<?>, JavaType> types = new ConcurrentHashMap<>();

	private final Map<Class<?>, JavaType> pageTypes = new ConcurrentHashMap<>();

	ApiTransport(WebClient webClient, JsonMapper mapper, ClientSettings settings, RetryPolicy retryPolicy,
			OperationObservations observations) {
		this.webClient = webClient;
		this.mapper = mapper;
		this.settings = settings;
		this.retryPolicy = retryPolicy;
		this.observations = observations;
	}

	/**
	 * Checks a path variable eagerly, so that a bad id fails before any I/O.
	 * @param value the id the caller passed
	 * @param name the argument's name, quoted in the error
	 * @return the id
	 * @throws IllegalArgumentException if the id is blank or a dot segment
	 */
	static String id(@Nullable String value, String name) {
		Assert.hasText(value, () -> "'" + name + "' must not be blank");
		// Encoding keeps '/' and '?' inside the segment, but "." and ".." are segments of their own meaning.
		Assert.isTrue(!".".equals(value) && !"..".equals(value),
				() -> "'" + name + "' must not be '" + value + "'");
		return value;
	}

	/**
	 * Returns the query of a list request.
	 */
	static MultiValueMap<String, String> listQuery(ListParams params) {
		Assert.notNull(params, "'params' must not be null");
		MultiValueMap<String, String> query = new LinkedMultiValueMap<>();
		if (params.limit() != null) {
			query.add("limit", params.limit().toString());
		}
		if (params.order() != null) {
			query.add("order", params.order().value());
		}
		if (params.after() != null) {
			query.add("after", params.after());
		}
		if (params.before() != null) {
			query.add("before", params.before());
		}
		return query;
	}

	<T> Mono<T> get(String template, Class<T> type, String... pathVariables) {
		return get(template, NO_QUERY, type, pathVariables);
	}

	<T> Mono<T> get(String template, MultiValueMap<String, String> query, Class<T> type, String... pathVariables) {
		return exchange(HttpMethod.GET, template, query, null, javaType(type), pathVariables);
	}


	<T> Mono<T> post(String template, @Nullable Object body, Class<T> type, String... pathVariables) {
		return exchange(HttpMethod.POST, template, NO_QUERY, body, javaType(type),
				pathVariables);
	}

	<T> Mono<T> delete(String template, Class<T> type, String... pathVariables) {
		return exchange(HttpMethod.DELETE, template, NO_QUERY, null, javaType(type),
				pathVariables);
	}

	/**
	 * Fetches one page of a list.
	 */
	<T> Mono<Page<T>> page(String template, MultiValueMap<String, String> query, Class<T> itemType,
			String... pathVariables) {
		JavaType pageType = this.pageTypes.computeIfAbsent(itemType,
				(type) -> this.mapper.getTypeFactory().constructParametricType(Page.class, type));
		return exchange(HttpMethod.GET, template, query, null, pageType, pathVariables);
	}

	/**
	 * Lists every object lazily: the next page is requested only when the subscriber has asked for every
	 * object of the current one, with {@code after} set to the last id, until the server says there are no
	 * more.
	 */
	<T> Flux<T> list(String template, MultiValueMap<String, String> query, Class<T> itemType,
			Function<T, @Nullable String> idOf, String... pathVariables) {
		// A flat loop, not recursion: each page concatenated onto the previous one nested one more operator
		// per page, and a list of a few thousand pages overflowed the stack.
		return Flux.defer(() -> {
			AtomicReference<@Nullable MultiValueMap<String, String>> nextQuery = new AtomicReference<>(query);
			// Every cursor used so far: a server that hands back an earlier cursor would otherwise loop forever.
			Set<String> cursors = ConcurrentHashMap.newKeySet();
			String firstCursor = query.getFirst("after");
			if (firstCursor != null) {
				cursors.add(firstCursor);
			}
			return Flux.<MultiValueMap<String, String>>generate((sink) -> {
				MultiValueMap<String, String> pageQuery = nextQuery.getAndSet(null);
				if (pageQuery != null) {
					sink.next(pageQuery);
				}
				else {
					sink.complete();
				}
			})
				// No prefetch: the next query is taken only once this page's objects were all requested.
				.concatMap((pageQuery) -> this.<T>page(template, pageQuery, itemType, pathVariables)
					.doOnNext((page) -> nextQuery.set(nextQuery(pageQuery, nextCursor(page, idOf), cursors)))
					.flatMapMany((page) -> Flux.fromIterable(page.data())), 0);
		});
	}

	private static @Nullable MultiValueMap<String, String> nextQuery(MultiValueMap<String, String> query,
			@Nullable String after, Set<String> cursors) {
		if (after == null || !cursors.add(after)) {
			return null;
		}
		MultiValueMap<String, String> next = new LinkedMultiValueMap<>(query);
		next.set("after", after);
		return next;
	}

	private static <T> @Nullable String nextCursor(Page<T> page, Function<T, @Nullable String> idOf) {
		if (!page.hasMore() || page.data().isEmpty()) {
			return null;
		}
		return (page.lastId() != null) ? page.lastId() : idOf.apply(page.data().get(page.data().size() - 1));
	}

	/**
	 * Posts a request with {@code "stream": true} and emits the server-sent events of the answer as they
	 * arrive, until {@code done} or the end of the body; see {@link EventStreamExchange} for errors, timeouts
	 * and retries.
	 */
	Flux<SseEvent> stream(String template, Object body, String... pathVariables) {
		return eventStream(EventStreamExchange.events(template, this.mapper, this.settings), template, body,
				pathVariables);
	}

	/**
	 * Streams a run as {@link #stream} does, its events typed; a body that ends without {@code done} before
	 * the run ended or came to require action fails with {@link AssistantsStreamException}.
	 */
	Flux<AssistantStreamEvent> runStream(String template, Object body, String... pathVariables) {
		return eventStream(EventStreamExchange.runEvents(template, this.mapper, this.settings), template, body,
				pathVariables);
	}

	private <T> Flux<T> eventStream(EventStreamExchange<T> stream, String template, Object body,
			String... pathVariables) {
		byte[] json = stream.requestBody(body);
		List<Object> variables = new ArrayList<>(List.of((Object[]) pathVariables));
		String uriTemplate = withQuery(template, new LinkedMultiValueMap<>(), variables);
		return this.observations.flux(HttpMethod.POST, template, true, (call) -> stream.withRetries(Flux.defer(() -> {
			call.attempt();
			long start = System.nanoTime();
			return this.webClient.post()
				.uri(uriTemplate, variables.toArray())
				.accept(MediaType.TEXT_EVENT_STREAM)
				.contentType(MediaType.APPLICATION_JSON)
				.httpRequest(stream::applyIdleTimeout)
				.bodyValue(json)
				.exchangeToFlux((response) -> {
					call.status(response.statusCode().value());
					return stream.events(response, start);
				});
		}), this.retryPolicy));
	}

	// Files and polling: the answer's headers, multipart uploads and raw downloads, over the same path.

	/**
	 * Fetches an object together with the response headers, for a poll that honours the server's
	 * {@code openai-poll-after-ms}.
	 */
	<T> Mono<ApiResponse<T>> getResponse(String template, Class<T> type, String... pathVariables) {
		return send(HttpMethod.GET, template, NO_QUERY, ApiTransport::noBody, this.retryPolicy,
				javaType(type), pathVariables);
	}

	private static void noBody(WebClient.RequestBodySpec request) {
	}

	/**
	 * Posts a multipart form. Its parts are streamed as they are written; a form that cannot be sent again is
	 * never retried, because the first attempt consumed it.
	 */
	<T> Mono<T> postMultipart(String template, MultiValueMap<String, HttpEntity<?>> parts, boolean replayable,
			Class<T> type, String... pathVariables) {
		return this.<T>send(HttpMethod.POST, template, NO_QUERY,
				(request) -> request.body(BodyInserters.fromMultipartData(parts)),
				this.retryPolicy.onlyWhile(() -> replayable), javaType(type), pathVariables)
			.map(ApiResponse::body);
	}

	/**
	 * Streams the raw bytes of a response as the server sends them, never holding the whole body. The
	 * subscriber owns each buffer and must release it. A failure is retried only until the first byte
	 * arrives, since a retry after that would repeat what the subscriber already has.
	 */
	Flux<DataBuffer> download(String template, String... pathVariables) {
		List<Object> variables = new ArrayList<>(List.of((Object[]) pathVariables));
		String uriTemplate = withQuery(template, NO_QUERY, variables);
		return this.observations.flux(HttpMethod.GET, template, false, (call) -> {
			AtomicBoolean received = new AtomicBoolean();
			return Flux.defer(() -> {
				call.attempt();
				long start = System.nanoTime();
				return request(HttpMethod.GET, uriTemplate, variables, MediaType.ALL)
					.exchangeToFlux((response) -> download(template, response, start, call))
					.onErrorMap((ex) -> translate(HttpMethod.GET, template, ex));
			})
				.doOnNext((buffer) -> received.set(true))
				.retryWhen(this.retryPolicy.onlyWhile(() -> !received.get()));
		});
	}

	private Flux<DataBuffer> download(String template, ClientResponse response, long start, ObservedCall call) {
		call.status(response.statusCode().value());
		if (response.statusCode().is2xxSuccessful()) {
			logExchange(HttpMethod.GET, template, response, start);
			return response.bodyToFlux(DataBuffer.class);
		}
		// An error body is small JSON: read it whole and let the JSON path map it to its exception.
		return response.bodyToMono(byte[].class)
			.defaultIfEmpty(EMPTY)
			.map((bytes) -> handle(HttpMethod.GET, template, response, bytes, javaType(Object.class), start, call))
			.thenMany(Flux.empty());
	}


	private JavaType javaType(Class<?> type) {
		return this.types.computeIfAbsent(type, this.mapper::constructType);
	}

	private <T> Mono<T> exchange(HttpMethod method, String template, MultiValueMap<String, String> query,
			@Nullable Object body, JavaType responseType, String... pathVariables) {
		byte[] json = (body != null) ? this.mapper.writeValueAsBytes(body) : null;
		Consumer<WebClient.RequestBodySpec> writeJson = (request) -> {
			if (json != null) {
				request.contentType(MediaType.APPLICATION_JSON).bodyValue(json);
				if (logger.isTraceEnabled()) {
					logger.trace(method + " " + template + " request body: " + new String(json, StandardCharsets.UTF_8));
				}
			}
		};
		return this.<T>send(method, template, query, writeJson, this.retryPolicy, responseType, pathVariables)
			.map(ApiResponse::body);
	}

	private <T> Mono<ApiResponse<T>> send(HttpMethod method, String template, MultiValueMap<String, String> query,
			Consumer<WebClient.RequestBodySpec> body, RetryPolicy retry, JavaType responseType,
			String... pathVariables) {
		List<Object> variables = new ArrayList<>(List.of((Object[]) pathVariables));
		String uriTemplate = withQuery(template, query, variables);
		return this.observations.mono(method, template, (call) -> retry.retry(Mono.defer(() -> {
			call.attempt();
			long start = System.nanoTime();
			WebClient.RequestBodySpec request = request(method, uriTemplate, variables, MediaType.APPLICATION_JSON);
			body.accept(request);
			return request.exchangeToMono((response) -> response.bodyToMono(DataBuffer.class)
				.map((buffer) -> this.<T>handle(method, template, response, buffer, responseType, start, call))
				.switchIfEmpty(Mono.fromSupplier(
						() -> this.<T>handle(method, template, response, EMPTY, responseType, start, call))))
				.onErrorMap((ex) -> translate(method, template, ex));
		})));
	}

	private WebClient.RequestBodySpec request(HttpMethod method, String uriTemplate, List<Object> variables,
			MediaType accept) {
		return this.webClient.method(method)
			.uri(uriTemplate, variables.toArray())
			.accept(accept)
			.httpRequest(this::applyResponseTimeout);
	}

	private Throwable translate(HttpMethod method, String template, Throwable ex) {
		if (isTransportFailure(ex)) {
			return new AssistantsTransportException(method + " " + template + " failed: " + describe(ex), ex);
		}
		if (ex instanceof DataBufferLimitException) {
			return new AssistantsDecodingException(method + " " + template
					+ " answered more than max-in-memory-size (" + this.settings.maxInMemorySize()
					+ " bytes); raise openai.assistants.max-in-memory-size", ex);
		}
		return ex;
	}

	/**
	 * Appends the default and the given query parameters to the template as variables, so that their values
	 * are encoded and never become part of the template a metric is tagged with.
	 */
	private String withQuery(String template, MultiValueMap<String, String> query, List<Object> variables) {
		if (query.isEmpty() && this.settings.queryParams().isEmpty()) {
			return template;
		}
		MultiValueMap<String, String> all = new LinkedMultiValueMap<>();
		this.settings.queryParams().forEach(all::add);
		// A parameter of the request replaces a default one of the same name rather than being sent twice.
		all.putAll(query);
		if (all.isEmpty()) {
			return template;
		}
		StringBuilder uri = new StringBuilder(template);
		char separator = '?';
		for (Map.Entry<String, List<String>> entry : all.entrySet()) {
			for (String value : entry.getValue()) {
				uri.append(separator).append(entry.getKey()).append("={q").append(variables.size()).append('}');
				variables.add(value);
				separator = '&';
			}
		}
		return uri.toString();
	}

	private void applyResponseTimeout(ClientHttpRequest request) {
		ResponseTimeouts.apply(request, this.settings.responseTimeout());
	}

	/**
	 * Decodes a success body straight from the buffer the codec joined, which this method releases; an error
	 * body, or any body while TRACE logging is on, is read into bytes first.
	 */
	private <T> ApiResponse<T> handle(HttpMethod method, String template, ClientResponse response, DataBuffer body,
			JavaType responseType, long start, ObservedCall call) {
		if (!response.statusCode().is2xxSuccessful() || logger.isTraceEnabled()) {
			byte[] bytes = new byte[body.readableByteCount()];
			body.read(bytes);
			DataBufferUtils.release(body);
			return handle(method, template, response, bytes, responseType, start, call);
		}
		try (InputStream json = body.asInputStream(true)) {
			return decode(method, template, response, json, responseType, start, call);
		}
		catch (IOException ex) {
			// Closing a buffer's stream only releases the buffer.
			throw new IllegalStateException(ex);
		}
	}

	private <T> ApiResponse<T> decode(HttpMethod method, String template, ClientResponse response,
			InputStream body, JavaType responseType, long start, ObservedCall call) {
		HttpHeaders headers = response.headers().asHttpHeaders();
		int status = response.statusCode().value();
		call.status(status);
		logExchange(method, template, response, start);
		return new ApiResponse<>(read(method, template, status, () -> this.mapper.readValue(body, responseType)),
				headers);
	}

	private <T> ApiResponse<T> handle(HttpMethod method, String template, ClientResponse response, byte[] body,
			JavaType responseType, long start, ObservedCall call) {
		HttpHeaders headers = response.headers().asHttpHeaders();
		int status = response.statusCode().value();
		call.status(status);
		logExchange(method, template, response, start);
		if (logger.isTraceEnabled()) {
			logger.trace(method + " " + template + " response body: " + new String(body, StandardCharsets.UTF_8));
		}
		if (!response.statusCode().is2xxSuccessful()) {
			throw ApiExceptions.create(status, headers, body, this.mapper);
		}
		return new ApiResponse<>(read(method, template, status, () -> this.mapper.readValue(body, responseType)),
				headers);
	}

	private static <T> T read(HttpMethod method, String template, int status, Supplier<@Nullable T> reader) {
		T value;
		try {
			value = reader.get();
		}
		catch (JacksonException ex) {
			throw new AssistantsDecodingException(method + " " + template + " answered " + status
					+ " with a body that is not the expected JSON: " + ex.getOriginalMessage(), ex);
		}
		if (value == null) {
			// A JSON null would otherwise surface as Reactor's NullPointerException from map().
			throw new AssistantsDecodingException(method + " " + template + " answered " + status
					+ " with a JSON null instead of an object", null);
		}
		return value;
	}

	private static void logExchange(HttpMethod method, String template, ClientResponse response, long start) {
		if (logger.isDebugEnabled()) {
			logger.debug(method + " " + template + " -> " + response.statusCode().value() + " (request id "
					+ response.headers().asHttpHeaders().getFirst(AssistantsHttpHeaders.REQUEST_ID) + ", "
					+ (System.nanoTime() - start) / 1_000_000 + " ms)");
		}
	}

	static boolean isTransportFailure(Throwable ex) {
		return ex instanceof WebClientRequestException || ex instanceof IOException
				|| ex instanceof TimeoutException || ex instanceof io.netty.handler.timeout.TimeoutException;
	}

	static String describe(Throwable ex) {
		Throwable cause = (ex instanceof WebClientRequestException && ex.getCause() != null) ? ex.getCause() : ex;
		String message = cause.getMessage();
		return cause.getClass().getSimpleName() + ((message != null) ? ": " + message : "");
	}

	/**
	 * Reads a JSON tree, for error bodies whose shape varies between servers.
	 */
	static @Nullable JsonNode readTree(JsonMapper mapper, byte[] body) {
		try {
			return (body.length > 0) ? mapper.readTree(body) : null;
		}
		catch (JacksonException ex) {
			return null;
		}
	}

}
