package dev.assistants4j.client;

import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Predicate;

import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.ClientHttpConnector;
import org.springframework.http.client.reactive.ClientHttpRequest;
import org.springframework.http.client.reactive.ClientHttpResponse;
import org.springframework.mock.http.client.reactive.MockClientHttpRequest;
import org.springframework.mock.http.client.reactive.MockClientHttpResponse;

/**
 * A server in memory, for tests under virtual time: it answers each request at once, or after a delay on the
 * parallel scheduler that virtual time replaces, and records every request with the time it arrived.
 */
final class InMemoryServer implements ClientHttpConnector {

	private final List<Exchange> exchanges = new CopyOnWriteArrayList<>();

	private final Function<Exchange, Mono<ClientHttpResponse>> handler;

	InMemoryServer(Function<Exchange, Mono<ClientHttpResponse>> handler) {
		this.handler = handler;
	}

	/**
	 * Returns a builder for a client of this server.
	 */
	AssistantsClient.Builder client() {
		return AssistantsClient.builder().token("sk-test").baseUrl("http://in-memory/v1").clientConnector(this);
	}

	@Override
	public Mono<ClientHttpResponse> connect(HttpMethod method, URI uri,
			Function<? super ClientHttpRequest, Mono<Void>> requestCallback) {
		MockClientHttpRequest request = new MockClientHttpRequest(method, uri);
		return requestCallback.apply(request)
			.then(Mono.defer(request::getBodyAsString))
			.defaultIfEmpty("")
			.flatMap((body) -> {
				Exchange exchange = new Exchange(method, uri.getRawPath(), body,
						Schedulers.parallel().now(TimeUnit.MILLISECONDS));
				this.exchanges.add(exchange);
				return this.handler.apply(exchange);
			});
	}

	List<Exchange> exchanges(Predicate<Exchange> filter) {
		return this.exchanges.stream().filter(filter).toList();
	}

	static Mono<ClientHttpResponse> json(String body, String... headerNamesAndValues) {
		MockClientHttpResponse response = new MockClientHttpResponse(HttpStatus.OK);
		response.getHeaders().setContentType(MediaType.APPLICATION_JSON);
		for (int i = 0; i < headerNamesAndValues.length; i += 2) {
			response.getHeaders().add(headerNamesAndValues[i], headerNamesAndValues[i + 1]);
		}
		response.setBody(body);
		return Mono.just(response);
	}

	/**
	 * A request as the server received it.
	 *
	 * @param method the method
	 * @param path the path, encoded
	 * @param body the body as text, empty if there was none
	 * @param at when it arrived, in milliseconds of (virtual) time
	 */
	record Exchange(HttpMethod method, String path, String body, long at) {

		boolean is(HttpMethod method, String path) {
			return this.method.equals(method) && this.path.equals(path);
		}

	}

}
