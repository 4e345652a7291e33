package dev.assistants4j.emulator;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.List;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.HttpHandler;
import org.springframework.web.reactive.function.server.HandlerFilterFunction;
import org.springframework.web.reactive.function.server.HandlerStrategies;
import org.springframework.web.reactive.function.server.RequestPredicates;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.WebFilter;

/**
 * The emulator's HTTP face: every endpoint under {@code /v1}, and what applies to every request.
 * <ul>
 * <li>an {@code x-request-id} on every response, errors and unknown URLs included;</li>
 * <li>the token, as {@code Authorization: Bearer} or Azure's {@code api-key}, else 401;</li>
 * <li>{@code OpenAI-Beta: assistants=v2} on the assistants and threads endpoints, else 400;</li>
 * <li>every failure answered with the OpenAI error envelope, and {@code Invalid URL} for an unknown one.</li>
 * </ul>
 *
 * <p>Built from Spring WebFlux functional endpoints over Reactor Netty rather than from bare Reactor Netty
 * routes: the routes read as URI templates like the client's, multipart uploads are parsed part by part as
 * they stream in, request bodies and query parameters come decoded, and a response can be written and
 * flushed one stream event at a time; WebFlux is already on the client's classpath, and the handler still
 * starts in milliseconds.
 */
final class EmulatorRouter {

	static final String REQUEST_ID = "x-request-id";

	private static final Log logger = LogFactory.getLog(EmulatorRouter.class);

	private static final String BETA = "OpenAI-Beta";

	private static final String ASSISTANTS_V2 = "assistants=v2";

	private static final String API_KEY = "api-key";

	private static final String BEARER = "Bearer ";

	private static final int MAX_JSON_BODY = 32 * 1024 * 1024;

	private static final List<String> BETA_PATHS = List.of("/v1/assistants", "/v1/threads");

	private final EmulatorSettings settings;

	private final WireJson json;

	private EmulatorRouter(EmulatorSettings settings, WireJson json) {
		this.settings = settings;
		this.json = json;
	}

	static HttpHandler httpHandler(EmulatorSettings settings, EmulatorState state) {
		WireJson json = new WireJson();
		return new EmulatorRouter(settings, json).httpHandler(state, new RunEngine(settings, json));
	}

	private HttpHandler httpHandler(EmulatorState state, RunEngine engine) {
		ThreadEndpoints threads = new ThreadEndpoints(state, this.json, this.settings);
		VectorStoreEndpoints vectorStores = new VectorStoreEndpoints(state, this.json, this.settings);
		RouterFunction<ServerResponse> api = RouterFunctions.route()
			// Runs first: POST /threads/runs would otherwise be taken for POST /threads/{thread_id}.
			.add(new RunEndpoints(state, this.json, this.settings, engine, threads).routes())
			.add(threads.routes())
			.add(new MessageEndpoints(state, this.json, this.settings).routes())
			.add(new AssistantEndpoints(state, this.json, this.settings).routes())
			.add(new FileEndpoints(state, this.json, this.settings).routes())
			.add(vectorStores.routes())
			.add(new VectorStoreFileEndpoints(state, this.json, this.settings, vectorStores).routes())
			.build();
		RouterFunction<ServerResponse> router = RouterFunctions.route()
			.path("/v1", () -> api)
			.route(RequestPredicates.all(),
					(request) -> Mono.error(WireError.invalidUrl(request.method().name(), request.path())))
			.filter(errors())
			.filter(access())
			.build();
		HandlerStrategies strategies = HandlerStrategies.builder()
			.codecs((codecs) -> codecs.defaultCodecs().maxInMemorySize(MAX_JSON_BODY))
			.webFilter(requestIds())
			.build();
		return RouterFunctions.toHttpHandler(router, strategies);
	}

	/**
	 * Gives every response its request id, before anything else can answer, and logs a summary of the
	 * exchange at DEBUG.
	 */
	private static WebFilter requestIds() {
		return (exchange, chain) -> {
			String id = Ids.requestId();
			exchange.getResponse().getHeaders().set(REQUEST_ID, id);
			long start = System.nanoTime();
			return chain.filter(exchange).doFinally((signal) -> {
				if (logger.isDebugEnabled()) {
					logger.debug(exchange.getRequest().getMethod() + " " + exchange.getRequest().getPath() + " -> "
							+ exchange.getResponse().getStatusCode() + " (request id " + id + ", "
							+ (System.nanoTime() - start) / 1_000_000 + " ms)");
				}
			});
		};
	}

	/**
	 * Answers every failure with the error envelope, thrown or signalled, a refusal or a fault.
	 */
	private HandlerFilterFunction<ServerResponse, ServerResponse> errors() {
		return (request, next) -> Mono.defer(() -> next.handle(request))
			.onErrorResume((ex) -> this.json.error(wireError(request, ex)));
	}

	private static WireError wireError(ServerRequest request, Throwable ex) {
		if (ex instanceof WireError error) {
			return error;
		}
		if (ex instanceof DataBufferLimitException) {
			return new WireError(HttpStatus.PAYLOAD_TOO_LARGE, WireError.INVALID_REQUEST,
					"The request body is too large.", null, null);
		}
		if (ex instanceof ResponseStatusException status && status.getStatusCode().is4xxClientError()) {
			return new WireError(HttpStatus.BAD_REQUEST, WireError.INVALID_REQUEST,
					(status.getReason() != null) ? status.getReason() : "Invalid request.", null, null);
		}
		logger.warn("The emulator failed on " + request.method() + " " + request.path(), ex);
		return WireError.serverError();
	}

	/**
	 * Checks the token, then the beta header, as the service does before it looks at anything else.
	 */
	private HandlerFilterFunction<ServerResponse, ServerResponse> access() {
		byte[] expected = this.settings.token().getBytes(StandardCharsets.UTF_8);
		return (request, next) -> {
			String token = token(request.headers().asHttpHeaders());
			if (token == null) {
				throw WireError.unauthorized("You didn't provide an API key. You need to provide your API key in an "
						+ "Authorization header using Bearer auth (i.e. Authorization: Bearer YOUR_KEY).", null);
			}
			// Never echoed back, not even in part: the emulator's messages must not leak what a client sent.
			if (!MessageDigest.isEqual(expected, token.getBytes(StandardCharsets.UTF_8))) {
				throw WireError.unauthorized("Incorrect API key provided. You can find your API key at "
						+ "https://platform.openai.com/account/api-keys.", "invalid_api_key");
			}
			if (this.settings.requireBetaHeader() && BETA_PATHS.stream().anyMatch(request.path()::startsWith)) {
				checkBeta(request.headers().header(BETA));
			}
			return next.handle(request);
		};
	}

	private static @Nullable String token(HttpHeaders headers) {
		String authorization = headers.getFirst(HttpHeaders.AUTHORIZATION);
		if (authorization != null && authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
			return authorization.substring(BEARER.length()).strip();
		}
		return headers.getFirst(API_KEY);
	}

	private static void checkBeta(List<String> headers) {
		List<String> values = headers.stream()
			.flatMap((header) -> Arrays.stream(header.split(",")))
			.map(String::strip)
			.toList();
		if (values.contains(ASSISTANTS_V2)) {
			return;
		}
		if (values.contains("assistants=v1")) {
			throw WireError.invalid("The v1 Assistants API has been deprecated. Please try again by setting the "
					+ "header 'OpenAI-Beta: assistants=v2'.", null, "invalid_beta");
		}
		throw WireError.invalid("You must provide the 'OpenAI-Beta' header to access the Assistants API. Please try "
				+ "again by setting the header 'OpenAI-Beta: assistants=v2'.", null, "invalid_beta");
	}

}
