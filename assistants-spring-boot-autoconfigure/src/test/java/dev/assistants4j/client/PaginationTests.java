package dev.assistants4j.client;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.ClientHttpConnector;
import org.springframework.http.client.reactive.ClientHttpResponse;
import org.springframework.mock.http.client.reactive.MockClientHttpRequest;
import org.springframework.mock.http.client.reactive.MockClientHttpResponse;
import org.springframework.web.util.UriComponentsBuilder;

import dev.assistants4j.model.ListParams;
import dev.assistants4j.model.SortOrder;
import dev.assistants4j.model.assistant.Assistant;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static dev.assistants4j.client.AssistantsStubs.TIMEOUT;
import static dev.assistants4j.client.AssistantsStubs.builder;
import static dev.assistants4j.client.AssistantsStubs.ids;
import static dev.assistants4j.client.AssistantsStubs.page;
import static dev.assistants4j.client.AssistantsStubs.requests;
import static dev.assistants4j.client.AssistantsStubs.urls;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * {@code list} pages lazily through every page; {@code listPage} fetches one.
 */
class PaginationTests {

	@RegisterExtension
	static WireMockExtension server = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	/**
	 * Answers the list request whose {@code after} is the given cursor, or that has none.
	 */
	private static void stubPage(@Nullable String after, String body) {
		server.stubFor(get(urlPathEqualTo("/v1/assistants"))
			.withQueryParam("after", (after != null) ? equalTo(after) : absent())
			.willReturn(okJson(body)));
	}

	private static Flux<String> listIds(ListParams params) {
		return builder(server).build().assistants().list(params).map(Assistant::id);
	}

	private static void assertListed(Flux<String> ids, List<String> expected) {
		StepVerifier.create(ids).expectNextSequence(expected).expectComplete().verify(TIMEOUT);
	}

	@Test
	void followsLastIdUntilHasMoreIsFalse() {
		stubPage(null, page(true, "asst_2", ids(1, 2)));
		stubPage("asst_2", page(true, "asst_4", ids(3, 4)));
		stubPage("asst_4", page(false, "asst_5", ids(5, 5)));
		assertListed(listIds(ListParams.none()), ids(1, 5));
		assertThat(urls(server)).containsExactly("/v1/assistants", "/v1/assistants?after=asst_2",
				"/v1/assistants?after=asst_4");
	}

	@Test
	void fallsBackToTheLastItemsIdWhenLastIdIsAbsent() {
		stubPage(null, page(true, null, ids(1, 2)));
		stubPage("asst_2", page(false, null, ids(3, 3)));
		assertListed(listIds(ListParams.none()), ids(1, 3));
		assertThat(urls(server)).containsExactly("/v1/assistants", "/v1/assistants?after=asst_2");
	}

	@Test
	void keepsTheCallersParametersAndReplacesItsCursor() {
		stubPage("asst_0", page(true, "asst_2", ids(1, 2)));
		stubPage("asst_2", page(false, "asst_3", ids(3, 3)));
		ListParams params = ListParams.builder().limit(2).order(SortOrder.ASC).after("asst_0").build();
		assertListed(listIds(params), ids(1, 3));
		assertThat(urls(server)).containsExactly("/v1/assistants?limit=2&order=asc&after=asst_0",
				"/v1/assistants?limit=2&order=asc&after=asst_2");
	}

	static Stream<Arguments> secondPagesThatEndTheList() {
		return Stream.of(arguments("an empty page", page(true, null, List.of()), ids(1, 2)),
				arguments("the same cursor again", page(true, "asst_2", ids(3, 4)), ids(1, 4)));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("secondPagesThatEndTheList")
	void stopsDespiteHasMoreWhenTheServerSends(String description, String secondPage, List<String> expected) {
		stubPage(null, page(true, "asst_2", ids(1, 2)));
		stubPage("asst_2", secondPage);
		assertListed(listIds(ListParams.none()), expected);
		assertThat(requests(server)).hasSize(2);
	}

	@Test
	void stopsWhenTheServerHandsBackAnEarlierCursor() {
		stubPage(null, page(true, "asst_2", ids(1, 2)));
		stubPage("asst_2", page(true, "asst_4", ids(3, 4)));
		stubPage("asst_4", page(true, "asst_2", ids(5, 6)));
		assertListed(listIds(ListParams.none()), ids(1, 6));
		assertThat(urls(server)).containsExactly("/v1/assistants", "/v1/assistants?after=asst_2",
				"/v1/assistants?after=asst_4");
	}

	@Test
	void eachSubscriptionListsFromTheStart() {
		stubPage(null, page(true, "asst_2", ids(1, 2)));
		stubPage("asst_2", page(false, "asst_3", ids(3, 3)));
		Flux<String> ids = listIds(ListParams.none());
		assertListed(ids, ids(1, 3));
		assertListed(ids, ids(1, 3));
		assertThat(urls(server)).containsExactly("/v1/assistants", "/v1/assistants?after=asst_2", "/v1/assistants",
				"/v1/assistants?after=asst_2");
	}

	@Test
	void failureOfALaterPageFollowsTheObjectsAlreadyListed() {
		stubPage(null, page(true, "asst_2", ids(1, 2)));
		server.stubFor(get(urlPathEqualTo("/v1/assistants")).withQueryParam("after", equalTo("asst_2"))
			.willReturn(aResponse().withStatus(404)));
		StepVerifier.create(listIds(ListParams.none()))
			.expectNext("asst_1", "asst_2")
			.expectError(NotFoundException.class)
			.verify(TIMEOUT);
	}

	@Test
	void takingFewerItemsThanAPageHoldsMakesOneRequest() {
		stubPage(null, page(true, "asst_20", ids(1, 20)));
		stubPage("asst_20", page(false, "asst_40", ids(21, 40)));
		assertListed(listIds(ListParams.none()).take(3), ids(1, 3));
		assertThat(requests(server)).hasSize(1);
	}

	@Test
	void nextPageIsFetchedOnlyOnceThePreviousPageWasRequested() {
		stubPage(null, page(true, "asst_3", ids(1, 3)));
		stubPage("asst_3", page(false, "asst_6", ids(4, 6)));
		StepVerifier.create(listIds(ListParams.none()), 0)
			.expectSubscription()
			.thenRequest(2)
			.expectNext("asst_1", "asst_2")
			.then(() -> assertThat(requests(server)).hasSize(1))
			.thenRequest(2)
			.expectNext("asst_3", "asst_4")
			.then(() -> assertThat(requests(server)).hasSize(2))
			.thenRequest(Long.MAX_VALUE)
			.expectNext("asst_5", "asst_6")
			.expectComplete()
			.verify(TIMEOUT);
	}

	@Test
	void tenThousandPagesAreListedWithoutDeepeningTheStack() {
		int pages = 10_000;
		AtomicInteger requests = new AtomicInteger();
		// In memory and synchronous: each page answered at once, so any nesting from page to page shows at once.
		ClientHttpConnector onePerPage = (method, uri, requestCallback) -> requestCallback
			.apply(new MockClientHttpRequest(method, uri))
			.then(Mono.fromSupplier(() -> {
				String after = UriComponentsBuilder.fromUri(uri).build().getQueryParams().getFirst("after");
				int number = (after != null) ? Integer.parseInt(after.substring("asst_".length())) + 1 : 1;
				requests.incrementAndGet();
				return jsonResponse(page(number < pages, "asst_" + number, List.of("asst_" + number)));
			}));
		AssistantsClient client = AssistantsClient.builder()
			.token("sk-test")
			.baseUrl("http://in-memory/v1")
			.clientConnector(onePerPage)
			.build();
		StepVerifier.create(client.assistants().list(ListParams.builder().limit(1).build()).map(Assistant::id).last())
			.expectNext("asst_" + pages)
			.expectComplete()
			.verify(TIMEOUT);
		assertThat(requests).hasValue(pages);
	}

	private static ClientHttpResponse jsonResponse(String body) {
		MockClientHttpResponse response = new MockClientHttpResponse(HttpStatus.OK);
		response.getHeaders().setContentType(MediaType.APPLICATION_JSON);
		response.setBody(body);
		return response;
	}

	@Test
	void listPageExposesOnePage() {
		stubPage("asst_0", page(true, "asst_2", ids(1, 2)));
		ListParams params = ListParams.builder().after("asst_0").build();
		StepVerifier.create(builder(server).build().assistants().listPage(params))
			.assertNext((page) -> {
				assertThat(page.data()).extracting(Assistant::id).containsExactly("asst_1", "asst_2");
				assertThat(page.firstId()).isEqualTo("asst_1");
				assertThat(page.lastId()).isEqualTo("asst_2");
				assertThat(page.hasMore()).isTrue();
			})
			.expectComplete()
			.verify(TIMEOUT);
		assertThat(requests(server)).hasSize(1);
	}

	@Test
	void listPageToleratesAnAbsentDataArray() {
		stubPage(null, "{\"object\":\"list\",\"has_more\":false}");
		StepVerifier.create(builder(server).build().assistants().listPage(ListParams.none()))
			.assertNext((page) -> {
				assertThat(page.data()).isEmpty();
				assertThat(page.firstId()).isNull();
				assertThat(page.lastId()).isNull();
				assertThat(page.hasMore()).isFalse();
			})
			.expectComplete()
			.verify(TIMEOUT);
	}

}
