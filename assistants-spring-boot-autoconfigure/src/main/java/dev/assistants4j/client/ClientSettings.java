package dev.assistants4j.client;

import java.time.Duration;
import java.util.Map;

import io.micrometer.observation.ObservationRegistry;
import org.jspecify.annotations.Nullable;

import org.springframework.http.client.reactive.ClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;

import dev.assistants4j.client.observation.AssistantsObservationConvention;

/**
 * The immutable settings a client was built with. The token is kept only inside {@code credential}, the very
 * header value the client sends, so that the client holds no other copy of it for a heap dump to show.
 *
 * @param credential the value of the authentication header: {@code Bearer <token>} or the bare token
 */
record ClientSettings(String credential, String baseUrl, AuthHeaderStyle authHeader, @Nullable String betaHeader,
		@Nullable String organization, @Nullable String project, Map<String, String> headers,
		Map<String, String> queryParams, Duration connectTimeout, Duration responseTimeout,
		Duration streamIdleTimeout, int maxInMemorySize, int maxRetries, Duration initialBackoff,
		Duration maxBackoff, Duration maxRetryAfter, Duration pollInterval, Duration pollTimeout,
		WebClient.@Nullable Builder webClientBuilder, @Nullable ClientHttpConnector clientConnector,
		ObservationRegistry observationRegistry, @Nullable AssistantsObservationConvention observationConvention) {

	private static final String BEARER_PREFIX = "Bearer ";

	/**
	 * Returns the value of the authentication header for a token.
	 */
	static String credential(AuthHeaderStyle style, String token) {
		return (style == AuthHeaderStyle.BEARER) ? BEARER_PREFIX + token : token;
	}

	/**
	 * Returns the token, for a builder that {@code mutate()} starts; a new string each time.
	 */
	String token() {
		return (this.authHeader == AuthHeaderStyle.BEARER) ? this.credential.substring(BEARER_PREFIX.length())
				: this.credential;
	}

	@Override
	public String toString() {
		// Written by hand so that the token can never reach a log line.
		return "ClientSettings[baseUrl=" + this.baseUrl + ", authHeader=" + this.authHeader + ", token=(hidden)"
				+ ", betaHeader=" + this.betaHeader + ", maxRetries=" + this.maxRetries + "]";
	}

}
