package dev.assistants4j.client;

import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.test.StepVerifier;

import dev.assistants4j.model.ListParams;
import dev.assistants4j.model.SortOrder;
import dev.assistants4j.model.run.Run;
import dev.assistants4j.model.run.RunStatus;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static dev.assistants4j.client.AssistantOperationsTests.fixture;
import static dev.assistants4j.client.WireExchanges.assertOnlyRequest;
import static org.assertj.core.api.Assertions.assertThat;

class RunListingTests {

	private static final String RUNS = "/v1/threads/thread_abc123/runs";

	@RegisterExtension
	static WireMockExtension server = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	private final RunOperations runs = WireExchanges.client(server).runs();

	@Test
	void listPageSendsEveryParameterAndDecodesTheSpecExample() {
		server.stubFor(get(urlPathEqualTo(RUNS)).willReturn(okJson(fixture("runs-list-spec.json"))));
		ListParams params = ListParams.builder().limit(2).order(SortOrder.ASC).after("run_0").before("run_9").build();
		StepVerifier.create(this.runs.listPage("thread_abc123", params)).assertNext((page) -> {
			assertThat(page.data()).extracting(Run::id).containsExactly("run_abc123", "run_abc456");
			assertThat(page.data()).extracting(Run::status).containsOnly(RunStatus.COMPLETED);
			assertThat(page.data().get(1).createdAt()).isEqualTo(1699063290L);
			assertThat(page.data().get(1).usage().totalTokens()).isEqualTo(579);
			assertThat(page.firstId()).isEqualTo("run_abc123");
			assertThat(page.lastId()).isEqualTo("run_abc456");
			assertThat(page.hasMore()).isFalse();
		}).expectComplete().verify(Duration.ofSeconds(5));
		assertOnlyRequest(server, getRequestedFor(urlEqualTo(RUNS + "?limit=2&order=asc&after=run_0&before=run_9"))
			.withRequestBody(absent()));
	}

	@Test
	void listWithoutParametersSendsNoQuery() {
		server.stubFor(get(urlPathEqualTo(RUNS)).willReturn(okJson(fixture("runs-list-spec.json"))));
		StepVerifier.create(this.runs.list("thread_abc123").map(Run::id))
			.expectNext("run_abc123", "run_abc456")
			.expectComplete()
			.verify(Duration.ofSeconds(5));
		assertOnlyRequest(server, getRequestedFor(urlEqualTo(RUNS)));
	}

	@Test
	void listFollowsLastIdUntilHasMoreIsFalse() {
		server.stubFor(get(urlPathEqualTo(RUNS)).withQueryParam("after", absent())
			.willReturn(okJson(page(List.of("run_1", "run_2"), true))));
		server.stubFor(get(urlPathEqualTo(RUNS)).withQueryParam("after", equalTo("run_2"))
			.willReturn(okJson(page(List.of("run_3"), false))));
		server.stubFor(get(urlPathEqualTo(RUNS)).withQueryParam("after", equalTo("run_3"))
			.willReturn(okJson(page(List.of("run_4"), false))));
		StepVerifier.create(this.runs.list("thread_abc123", ListParams.builder().limit(2).build()).map(Run::id))
			.expectNext("run_1", "run_2", "run_3")
			.expectComplete()
			.verify(Duration.ofSeconds(5));
		assertThat(server.getAllServeEvents()).hasSize(2);
		server.verify(1, getRequestedFor(urlEqualTo(RUNS + "?limit=2")));
		server.verify(1, getRequestedFor(urlEqualTo(RUNS + "?limit=2&after=run_2")));
	}

	@Test
	void listFetchesTheNextPageOnlyWhenAskedForMore() {
		server.stubFor(get(urlEqualTo(RUNS)).willReturn(okJson(page(List.of("run_1", "run_2"), true))));
		StepVerifier.create(this.runs.list("thread_abc123").take(2).map(Run::id))
			.expectNext("run_1", "run_2")
			.expectComplete()
			.verify(Duration.ofSeconds(5));
		assertThat(server.getAllServeEvents()).hasSize(1);
	}

	private static String page(List<String> ids, boolean hasMore) {
		String data = ids.stream()
			.map((id) -> """
					{"id":"%s","object":"thread.run","created_at":1717000000,"thread_id":"thread_abc123",
					 "assistant_id":"asst_abc123","status":"completed","tools":[],"metadata":{}}""".formatted(id))
			.collect(Collectors.joining(","));
		return """
				{"object":"list","data":[%s],"first_id":"%s","last_id":"%s","has_more":%s}"""
			.formatted(data, ids.get(0), ids.get(ids.size() - 1), hasMore);
	}

}
