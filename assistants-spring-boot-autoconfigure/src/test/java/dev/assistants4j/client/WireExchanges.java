package dev.assistants4j.client;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the resource tests share: a client of the WireMock server, and assertions on the requests it received.
 */
final class WireExchanges {

	static final String TOKEN = "sk-test";

	private WireExchanges() {
	}

	static AssistantsClient client(WireMockExtension server) {
		return AssistantsClient.builder().token(TOKEN).baseUrl(server.baseUrl() + "/v1").build();
	}

	/**
	 * Asserts that the server received exactly one request, that it matches, and that it carried the
	 * authentication and beta headers.
	 */
	static void assertOnlyRequest(WireMockExtension server, RequestPatternBuilder expected) {
		assertThat(server.getAllServeEvents()).hasSize(1);
		server.verify(1, expected.withHeader("Authorization", equalTo("Bearer " + TOKEN))
			.withHeader("OpenAI-Beta", equalTo("assistants=v2")));
	}

	/**
	 * Returns the URL, path and query as sent, of the one request the server received.
	 */
	static String onlyRequestUrl(WireMockExtension server) {
		assertThat(server.getAllServeEvents()).hasSize(1);
		ServeEvent event = server.getAllServeEvents().get(0);
		return event.getRequest().getUrl();
	}

}
