package dev.assistants4j.client;

import java.time.Duration;
import java.util.Map;

import io.micrometer.observation.ObservationRegistry;
import org.jspecify.annotations.Nullable;

import org.springframework.http.client.reactive.ClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;

import dev.assistants4j.client.observation.AssistantsObservationConvention;

/**
 * The immutable settings a client was built with.
 */
record ClientSettings(String token, String baseUrl, AuthHeaderStyle authHeader, @Nullable String betaHeader,
		@Nullable String organization, @Nullable String project, Map<String, String> headers,
		Map<String, String> queryParams, Duration connectTimeout, Duration responseTimeout,
		Duration streamIdleTimeout, int maxInMemorySize, int maxRetries, Duration initialBackoff,
		Duration maxBackoff, Duration maxRetryAfter, Duration pollInterval, Duration pollTimeout,
		WebClient.@Nullable Builder webClientBuilder, @Nullable ClientHttpConnector clientConnector,
		ObservationRegistry observationRegistry, @Nullable AssistantsObservationConvention observationConvention) {

	@Override
	public String toString() {
		// Written by hand so that the token can never reach a log line.
		return "ClientSettings[baseUrl=" + this.baseUrl + ", authHeader=" + this.authHeader + ", token=(hidden)"
				+ ", betaHeader=" + this.betaHeader + ", maxRetries=" + this.maxRetries + "]";
	}

}
