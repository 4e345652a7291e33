package dev.assistants4j.client;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;
import reactor.test.StepVerifier;

import dev.assistants4j.model.DeletionStatus;
import dev.assistants4j.model.message.Attachment;
import dev.assistants4j.model.message.CreateMessageRequest;
import dev.assistants4j.model.message.InputPart;
import dev.assistants4j.model.message.MessageRole;
import dev.assistants4j.model.thread.CreateThreadRequest;
import dev.assistants4j.model.thread.ModifyThreadRequest;
import dev.assistants4j.model.tool.Tool;
import dev.assistants4j.model.tool.ToolResources;
import dev.assistants4j.model.vectorstore.ChunkingStrategy;

import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static dev.assistants4j.client.AssistantOperationsTests.fixture;
import static dev.assistants4j.client.WireExchanges.assertOnlyRequest;
import static dev.assistants4j.client.WireExchanges.onlyRequestUrl;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ThreadOperationsTests {

	@RegisterExtension
	static WireMockExtension server = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	private final ThreadOperations threads = WireExchanges.client(server).threads();

	@Test
	void createWithoutArgumentsSendsAnEmptyObject() {
		server.stubFor(post("/v1/threads").willReturn(okJson(fixture("thread-created-spec.json"))));
		StepVerifier.create(this.threads.create()).assertNext((thread) -> {
			assertThat(thread.id()).isEqualTo("thread_abc123");
			assertThat(thread.object()).isEqualTo("thread");
			assertThat(thread.createdAt()).isEqualTo(1699012949L);
			assertThat(thread.createdAtInstant()).isEqualTo(Instant.parse("2023-11-03T12:02:29Z"));
			assertThat(thread.metadata()).isEmpty();
			assertThat(thread.toolResources()).isEqualTo(new ToolResources(null, null));
		}).expectComplete().verify(Duration.ofSeconds(5));
		assertOnlyRequest(server, postRequestedFor(urlEqualTo("/v1/threads"))
			.withHeader("Content-Type", equalTo("application/json"))
			.withRequestBody(equalToJson("{}")));
	}

	@Test
	void createSendsMessagesToolResourcesAndMetadata() {
		server.stubFor(post("/v1/threads").willReturn(okJson(fixture("thread.json"))));
		CreateThreadRequest request = CreateThreadRequest.builder()
			.addMessage(CreateMessageRequest.user("Hello, what is AI?"))
			.addMessage(CreateMessageRequest.builder(MessageRole.USER)
				.content("Describe this chart.")
				.addContent(InputPart.imageFile("file-chart"))
				.addAttachment(Attachment.of("file-data", Tool.codeInterpreter()))
				.build())
			.toolResources(new ToolResources(new ToolResources.CodeInterpreterResources(List.of("file-data")),
					new ToolResources.FileSearchResources(null, List.of(new ToolResources.NewVectorStore(
							List.of("file-report"), ChunkingStrategy.fixed(800, 400), Map.of("kind", "reports"))))))
			.putMetadata("user", "u-42")
			.build();
		StepVerifier.create(this.threads.create(request)).assertNext((thread) -> {
			assertThat(thread.id()).isEqualTo("thread_abc123");
			assertThat(thread.object()).isEqualTo("thread");
			assertThat(thread.createdAtInstant()).isEqualTo(Instant.ofEpochSecond(1717000000));
			assertThat(thread.metadata())
				.containsExactlyInAnyOrderEntriesOf(Map.of("user", "u-42", "channel", "web"));
			assertThat(thread.toolResources().codeInterpreter().fileIds()).containsExactly("file-data", "file-notes");
			assertThat(thread.toolResources().fileSearch().vectorStoreIds()).containsExactly("vs_abc123");
			assertThat(thread.toolResources().fileSearch().vectorStores()).isNull();
		}).expectComplete().verify(Duration.ofSeconds(5));
		assertOnlyRequest(server, postRequestedFor(urlEqualTo("/v1/threads")).withRequestBody(equalToJson("""
				{"messages":[
				  {"role":"user","content":"Hello, what is AI?"},
				  {"role":"user","content":[{"type":"text","text":"Describe this chart."},
				    {"type":"image_file","image_file":{"file_id":"file-chart"}}],
				   "attachments":[{"file_id":"file-data","tools":[{"type":"code_interpreter"}]}]}],
				 "tool_resources":{"code_interpreter":{"file_ids":["file-data"]},
				  "file_search":{"vector_stores":[{"file_ids":["file-report"],
				   "chunking_strategy":{"type":"static",
				    "static":{"max_chunk_size_tokens":800,"chunk_overlap_tokens":400}},
				   "metadata":{"kind":"reports"}}]}},
				 "metadata":{"user":"u-42"}}""")));
	}

	@Test
	void retrieveDecodesTheSpecExample() {
		server.stubFor(get("/v1/threads/thread_abc123").willReturn(okJson(fixture("thread-spec.json"))));
		StepVerifier.create(this.threads.retrieve("thread_abc123")).assertNext((thread) -> {
			assertThat(thread.id()).isEqualTo("thread_abc123");
			assertThat(thread.object()).isEqualTo("thread");
			assertThat(thread.createdAt()).isEqualTo(1699014083L);
			assertThat(thread.metadata()).isEmpty();
			assertThat(thread.toolResources().codeInterpreter().fileIds()).isEmpty();
			assertThat(thread.toolResources().fileSearch()).isNull();
		}).expectComplete().verify(Duration.ofSeconds(5));
		assertOnlyRequest(server, getRequestedFor(urlEqualTo("/v1/threads/thread_abc123")).withRequestBody(absent()));
	}

	@Test
	void retrieveToleratesNullsAndAbsentKeys() {
		server.stubFor(get("/v1/threads/thread_bare").willReturn(okJson(fixture("thread-bare.json"))));
		StepVerifier.create(this.threads.retrieve("thread_bare")).assertNext((thread) -> {
			assertThat(thread.id()).isEqualTo("thread_bare");
			assertThat(thread.createdAt()).isNull();
			assertThat(thread.createdAtInstant()).isNull();
			assertThat(thread.toolResources()).isNull();
			assertThat(thread.metadata()).isEmpty();
		}).expectComplete().verify(Duration.ofSeconds(5));
	}

	@Test
	void retrieveOfAnUnknownThreadSignalsNotFound() {
		server.stubFor(get("/v1/threads/thread_gone").willReturn(aResponse().withStatus(404)
			.withHeader("Content-Type", "application/json")
			.withBody("""
					{"error":{"message":"No thread found with id 'thread_gone'.","type":"invalid_request_error",
					 "param":null,"code":null}}""")));
		StepVerifier.create(this.threads.retrieve("thread_gone"))
			.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOf(NotFoundException.class)
				.hasMessageContaining("No thread found with id 'thread_gone'."))
			.verify(Duration.ofSeconds(5));
	}

	@Test
	void updateSendsOnlyTheMetadataThatWasSet() {
		server.stubFor(post("/v1/threads/thread_abc123").willReturn(okJson(fixture("thread-modified-spec.json"))));
		ModifyThreadRequest request = ModifyThreadRequest.builder()
			.metadata(Map.of("modified", "true"))
			.putMetadata("user", "abc123")
			.build();
		StepVerifier.create(this.threads.update("thread_abc123", request)).assertNext((thread) -> {
			assertThat(thread.id()).isEqualTo("thread_abc123");
			assertThat(thread.createdAt()).isEqualTo(1699014083L);
			assertThat(thread.metadata())
				.containsExactlyInAnyOrderEntriesOf(Map.of("modified", "true", "user", "abc123"));
			assertThat(thread.toolResources()).isEqualTo(new ToolResources(null, null));
		}).expectComplete().verify(Duration.ofSeconds(5));
		assertOnlyRequest(server, postRequestedFor(urlEqualTo("/v1/threads/thread_abc123"))
			.withHeader("Content-Type", equalTo("application/json"))
			.withRequestBody(equalToJson("""
					{"metadata":{"modified":"true","user":"abc123"}}""")));
	}

	@Test
	void updateSendsToolResourcesWithoutTouchingMetadata() {
		server.stubFor(post("/v1/threads/thread_abc123").willReturn(okJson(fixture("thread.json"))));
		ModifyThreadRequest request = ModifyThreadRequest.builder()
			.toolResources(ToolResources.fileSearchVectorStores(List.of("vs_abc123")))
			.build();
		StepVerifier.create(this.threads.update("thread_abc123", request)).expectNextCount(1).expectComplete()
			.verify(Duration.ofSeconds(5));
		assertOnlyRequest(server, postRequestedFor(urlEqualTo("/v1/threads/thread_abc123")).withRequestBody(
				equalToJson("""
						{"tool_resources":{"file_search":{"vector_store_ids":["vs_abc123"]}}}""")));
	}

	@Test
	void updateWithAnEmptyRequestSendsAnEmptyObject() {
		server.stubFor(post("/v1/threads/thread_abc123").willReturn(okJson(fixture("thread-spec.json"))));
		StepVerifier.create(this.threads.update("thread_abc123", ModifyThreadRequest.builder().build()))
			.expectNextCount(1).expectComplete().verify(Duration.ofSeconds(5));
		assertOnlyRequest(server,
				postRequestedFor(urlEqualTo("/v1/threads/thread_abc123")).withRequestBody(equalToJson("{}")));
	}

	@Test
	void deleteDecodesTheDeletionStatus() {
		server.stubFor(delete("/v1/threads/thread_abc123").willReturn(okJson(fixture("thread-deleted-spec.json"))));
		StepVerifier.create(this.threads.delete("thread_abc123"))
			.expectNext(new DeletionStatus("thread_abc123", "thread.deleted", true))
			.expectComplete()
			.verify(Duration.ofSeconds(5));
		assertOnlyRequest(server,
				deleteRequestedFor(urlEqualTo("/v1/threads/thread_abc123")).withRequestBody(absent()));
	}

	@ParameterizedTest
	@NullAndEmptySource
	@ValueSource(strings = { " ", "\t", ".", ".." })
	void badThreadIdsAreRejectedWhenCalledBeforeAnyRequest(String threadId) {
		ModifyThreadRequest request = ModifyThreadRequest.builder().build();
		assertThatIllegalArgumentException().isThrownBy(() -> this.threads.retrieve(threadId))
			.withMessageStartingWith("'threadId' must not be");
		assertThatIllegalArgumentException().isThrownBy(() -> this.threads.update(threadId, request))
			.withMessageStartingWith("'threadId' must not be");
		assertThatIllegalArgumentException().isThrownBy(() -> this.threads.delete(threadId))
			.withMessageStartingWith("'threadId' must not be");
		assertThat(server.getAllServeEvents()).isEmpty();
	}

	@Test
	void missingRequestsAreRejectedWhenCalled() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.threads.create(null))
			.withMessage("'request' must not be null");
		assertThatIllegalArgumentException().isThrownBy(() -> this.threads.update("thread_abc123", null))
			.withMessage("'request' must not be null");
		assertThat(server.getAllServeEvents()).isEmpty();
	}

	@ParameterizedTest
	@CsvSource({ "a/b, a%2Fb", "a?b, a%3Fb", "../x, ..%2Fx", "a#b, a%23b", "a b, a%20b" })
	void threadIdsStayInsideTheirPathSegment(String threadId, String encoded) {
		server.stubFor(any(anyUrl()).willReturn(okJson(fixture("thread-spec.json"))));
		StepVerifier.create(this.threads.retrieve(threadId)).expectNextCount(1).expectComplete()
			.verify(Duration.ofSeconds(5));
		assertThat(onlyRequestUrl(server)).isEqualTo("/v1/threads/" + encoded);
	}

}
