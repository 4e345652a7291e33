package dev.assistants4j.client;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.test.StepVerifier;

import dev.assistants4j.model.ListParams;
import dev.assistants4j.model.SortOrder;
import dev.assistants4j.model.message.Message;
import dev.assistants4j.model.message.MessageListParams;
import dev.assistants4j.model.message.MessageRole;
import dev.assistants4j.model.message.TextContent;

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
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class MessageListingTests {

	private static final String MESSAGES = "/v1/threads/thread_abc123/messages";

	@RegisterExtension
	static WireMockExtension server = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	private final MessageOperations messages = WireExchanges.client(server).messages();

	@Test
	void listPageSendsEveryParameterAndDecodesTheSpecExample() {
		server.stubFor(get(urlPathEqualTo(MESSAGES)).willReturn(okJson(fixture("messages-list-spec.json"))));
		MessageListParams params = MessageListParams.builder()
			.limit(2)
			.order(SortOrder.ASC)
			.after("msg_0")
			.before("msg_9")
			.runId("run_abc123")
			.build();
		StepVerifier.create(this.messages.listPage("thread_abc123", params)).assertNext((page) -> {
			assertThat(page.data()).extracting(Message::id).containsExactly("msg_abc123", "msg_abc456");
			assertThat(page.data()).extracting(Message::role).containsOnly(MessageRole.USER);
			assertThat(page.data().get(1).content()).containsExactly(
					new TextContent(new TextContent.Text("Hello, what is AI?", List.of())));
			assertThat(page.firstId()).isEqualTo("msg_abc123");
			assertThat(page.lastId()).isEqualTo("msg_abc456");
			assertThat(page.hasMore()).isFalse();
		}).expectComplete().verify(Duration.ofSeconds(5));
		assertOnlyRequest(server, getRequestedFor(
				urlEqualTo(MESSAGES + "?limit=2&order=asc&after=msg_0&before=msg_9&run_id=run_abc123")));
	}

	@Test
	void listWithoutParametersSendsNoQuery() {
		server.stubFor(get(urlPathEqualTo(MESSAGES)).willReturn(okJson(fixture("messages-list-spec.json"))));
		StepVerifier.create(this.messages.list("thread_abc123").map(Message::id))
			.expectNext("msg_abc123", "msg_abc456")
			.expectComplete()
			.verify(Duration.ofSeconds(5));
		assertOnlyRequest(server, getRequestedFor(urlEqualTo(MESSAGES)));
	}

	@Test
	void listFollowsLastIdUntilHasMoreIsFalse() {
		server.stubFor(get(urlPathEqualTo(MESSAGES)).withQueryParam("after", absent())
			.willReturn(okJson(page(List.of("msg_1", "msg_2"), "msg_2", true))));
		server.stubFor(get(urlPathEqualTo(MESSAGES)).withQueryParam("after", equalTo("msg_2"))
			.willReturn(okJson(page(List.of("msg_3"), "msg_3", false))));
		server.stubFor(get(urlPathEqualTo(MESSAGES)).withQueryParam("after", equalTo("msg_3"))
			.willReturn(okJson(page(List.of("msg_4"), "msg_4", false))));
		MessageListParams params = MessageListParams.builder().limit(2).runId("run_abc123").build();
		StepVerifier.create(this.messages.list("thread_abc123", params).map(Message::id))
			.expectNext("msg_1", "msg_2", "msg_3")
			.expectComplete()
			.verify(Duration.ofSeconds(5));
		assertThat(server.getAllServeEvents()).hasSize(2);
		server.verify(1, getRequestedFor(urlEqualTo(MESSAGES + "?limit=2&run_id=run_abc123")));
		server.verify(1, getRequestedFor(urlEqualTo(MESSAGES + "?limit=2&run_id=run_abc123&after=msg_2")));
	}

	@Test
	void listFallsBackToTheLastMessageIdWhenAServerSendsNoLastId() {
		server.stubFor(get(urlEqualTo(MESSAGES)).willReturn(okJson("""
				{"object":"list","data":[{"id":"msg_1"},{"id":"msg_2"}],"has_more":true}""")));
		server.stubFor(get(urlEqualTo(MESSAGES + "?after=msg_2")).willReturn(okJson("""
				{"object":"list","data":[{"id":"msg_3"}],"first_id":null,"last_id":null,"has_more":false}""")));
		StepVerifier.create(this.messages.list("thread_abc123").map(Message::id))
			.expectNext("msg_1", "msg_2", "msg_3")
			.expectComplete()
			.verify(Duration.ofSeconds(5));
		assertThat(server.getAllServeEvents()).hasSize(2);
	}

	@Test
	void listFetchesTheNextPageOnlyWhenAskedForMore() {
		stubAPageOfTwentyThenAPageOfOne();
		StepVerifier.create(this.messages.list("thread_abc123").take(2).map(Message::id))
			.expectNext("msg_1", "msg_2")
			.expectComplete()
			.verify(Duration.ofSeconds(5));
		server.verify(1, getRequestedFor(urlPathEqualTo(MESSAGES)));
		assertThat(server.getAllServeEvents()).hasSize(1);
	}

	@Test
	void listRequestsTheNextPageOnlyOnceEveryMessageOfTheCurrentOneWasAskedFor() {
		stubAPageOfTwentyThenAPageOfOne();
		StepVerifier.create(this.messages.list("thread_abc123").map(Message::id), 19)
			.expectNextCount(19)
			.expectNoEvent(Duration.ofMillis(300))
			.then(() -> assertThat(server.getAllServeEvents()).hasSize(1))
			.thenRequest(2)
			.expectNext("msg_20", "msg_21")
			.expectComplete()
			.verify(Duration.ofSeconds(5));
		assertThat(server.getAllServeEvents()).hasSize(2);
	}

	@Test
	void listPageDecodesAHundredLongMessages() {
		String body = longMessagesPage();
		assertThat(body.getBytes(StandardCharsets.UTF_8).length).isGreaterThan(2 * 256 * 1024);
		server.stubFor(get(urlPathEqualTo(MESSAGES)).willReturn(okJson(body)));
		StepVerifier.create(this.messages.listPage("thread_abc123", MessageListParams.builder().limit(100).build()))
			.assertNext((page) -> {
				assertThat(page.data()).hasSize(100);
				assertThat(page.data().get(99).id()).isEqualTo("msg_100");
				assertThat(page.data()).allSatisfy((message) -> assertThat(text(message)).hasSize(5000));
				assertThat(text(page.data().get(0))).startsWith("msg_1 é€ ");
				assertThat(page.hasMore()).isFalse();
			})
			.expectComplete()
			.verify(Duration.ofSeconds(5));
		assertOnlyRequest(server, getRequestedFor(urlEqualTo(MESSAGES + "?limit=100")));
	}

	@Test
	void listDecodesAHundredLongMessages() {
		server.stubFor(get(urlPathEqualTo(MESSAGES)).willReturn(okJson(longMessagesPage())));
		StepVerifier.create(this.messages.list("thread_abc123").map(MessageListingTests::text))
			.expectNextCount(99)
			.assertNext((text) -> assertThat(text).startsWith("msg_100 é€ ").hasSize(5000))
			.expectComplete()
			.verify(Duration.ofSeconds(5));
		assertThat(server.getAllServeEvents()).hasSize(1);
	}

	@Test
	void badListArgumentsAreRejectedWhenCalledBeforeAnyRequest() {
		MessageListParams params = MessageListParams.none();
		assertThatIllegalArgumentException().isThrownBy(() -> this.messages.list(" "))
			.withMessage("'threadId' must not be blank");
		assertThatIllegalArgumentException().isThrownBy(() -> this.messages.list("", params))
			.withMessage("'threadId' must not be blank");
		assertThatIllegalArgumentException().isThrownBy(() -> this.messages.listPage(null, params))
			.withMessage("'threadId' must not be blank");
		assertThatIllegalArgumentException().isThrownBy(() -> this.messages.listPage("thread_abc123", null))
			.withMessage("'params' must not be null");
		assertThatIllegalArgumentException().isThrownBy(() -> MessageListParams.builder().runId(" ").build())
			.withMessage("'runId' must not be blank");
		assertThatIllegalArgumentException().isThrownBy(() -> MessageListParams.builder().limit(101).build())
			.withMessage("'limit' must be between 1 and 100 but was 101");
		assertThatIllegalArgumentException().isThrownBy(() -> new MessageListParams(null, "run_abc123"))
			.withMessage("'paging' must not be null");
		assertThat(new MessageListParams(ListParams.builder().after("msg_1").build(), null).paging().after())
			.isEqualTo("msg_1");
		assertThat(server.getAllServeEvents()).isEmpty();
	}

	private static void stubAPageOfTwentyThenAPageOfOne() {
		List<String> ids = IntStream.rangeClosed(1, 20).mapToObj((i) -> "msg_" + i).toList();
		server.stubFor(get(urlEqualTo(MESSAGES)).willReturn(okJson(page(ids, "msg_20", true))));
		server.stubFor(get(urlEqualTo(MESSAGES + "?after=msg_20"))
			.willReturn(okJson(page(List.of("msg_21"), "msg_21", false))));
	}

	private static String text(Message message) {
		return ((TextContent) message.content().get(0)).text().value();
	}

	/**
	 * A page of messages shaped like the ones the server lists, each with a short text.
	 */
	private static String page(List<String> ids, String lastId, boolean hasMore) {
		String data = ids.stream().map((id) -> message(id, "Message " + id)).collect(Collectors.joining(","));
		return """
				{"object":"list","data":[%s],"first_id":"%s","last_id":"%s","has_more":%s}"""
			.formatted(data, ids.get(0), lastId, hasMore);
	}

	/**
	 * A full page of 100 assistant messages of 5000 characters each, some of them two or three bytes long in
	 * UTF-8: well over the 256 KB a default codec would hold.
	 */
	private static String longMessagesPage() {
		List<String> ids = IntStream.rangeClosed(1, 100).mapToObj((i) -> "msg_" + i).toList();
		String data = ids.stream().map((id) -> {
			String start = id + " é€ ";
			return message(id, start + "x".repeat(5000 - start.length()));
		}).collect(Collectors.joining(","));
		return """
				{"object":"list","data":[%s],"first_id":"msg_1","last_id":"msg_100","has_more":false}"""
			.formatted(data);
	}

	private static String message(String id, String text) {
		return """
				{"id":"%s","object":"thread.message","created_at":1717000000,"assistant_id":"asst_abc123",
				 "thread_id":"thread_abc123","run_id":"run_abc123","status":"completed","incomplete_details":null,
				 "completed_at":1717000001,"incomplete_at":null,"role":"assistant",
				 "content":[{"type":"text","text":{"value":"%s","annotations":[]}}],"attachments":[],"metadata":{}}"""
			.formatted(id, text);
	}

}
