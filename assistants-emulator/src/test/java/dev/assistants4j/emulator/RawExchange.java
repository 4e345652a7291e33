package dev.assistants4j.emulator;

import java.time.Duration;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * A request made without the project's client, as a client in another language would make it, and its
 * answer read whole: status, headers and body.
 */
record RawExchange(int status, HttpHeaders headers, String body) {

	static final Duration TIMEOUT = Duration.ofSeconds(10);

	private static final JsonMapper MAPPER = JsonMapper.builder().build();

	/**
	 * A WebClient of the emulator's API that sends the token and the beta header, as the service expects.
	 */
	static WebClient client(AssistantsEmulator emulator) {
		return WebClient.builder()
			.baseUrl(emulator.baseUrl())
			.defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + emulator.token())
			.defaultHeader("OpenAI-Beta", "assistants=v2")
			.build();
	}

	static RawExchange of(WebClient.RequestHeadersSpec<?> request) {
		return request
			.exchangeToMono((response) -> response.bodyToMono(String.class)
				.defaultIfEmpty("")
				.map((body) -> new RawExchange(response.statusCode().value(), response.headers().asHttpHeaders(),
						body)))
			.block(TIMEOUT);
	}

	JsonNode json() {
		return MAPPER.readTree(this.body);
	}

	/**
	 * Returns the {@code error} object of an error envelope.
	 */
	JsonNode error() {
		return json().get("error");
	}

}
