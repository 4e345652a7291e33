package dev.assistants4j.client;

import reactor.netty.http.client.HttpClient;

import org.springframework.util.Assert;

/**
 * Reactor Netty settings for connectors built outside the client, such as the one the starter takes from Spring
 * Boot's {@code ClientHttpConnectorBuilder}. A client built without a connector has them already.
 */
public final class AssistantsHttpClients {

	private AssistantsHttpClients() {
	}

	/**
	 * Installs the client's response timer on every connection the given {@code HttpClient} opens: one timer per
	 * connection, which each request of an {@link AssistantsClient} sets to its own timeout
	 * ({@code response-timeout}, or {@code stream-idle-timeout} for a stream), instead of Reactor Netty adding and
	 * removing a read-timeout handler for every request. Requests of other clients sharing the connections are
	 * not timed by it. An {@code HttpClient}-wide response timeout is then unneeded for the assistants client.
	 * @param httpClient the client to configure
	 * @return a copy of it that installs the timer on each new connection
	 */
	public static HttpClient withResponseTimer(HttpClient httpClient) {
		Assert.notNull(httpClient, "'httpClient' must not be null");
		return httpClient.doOnConnected(ResponseTimeouts::install);
	}

}
