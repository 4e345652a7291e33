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
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.json.JsonMapper;

import dev.assistants4j.model.DeletionStatus;
import dev.assistants4j.model.message.Attachment;
import dev.assistants4j.model.message.CreateMessageRequest;
import dev.assistants4j.model.message.FileCitationAnnotation;
import dev.assistants4j.model.message.FilePathAnnotation;
import dev.assistants4j.model.message.ImageDetail;
import dev.assistants4j.model.message.ImageFileContent;
import dev.assistants4j.model.message.ImageUrlContent;
import dev.assistants4j.model.message.InputPart;
import dev.assistants4j.model.message.InputText;
import dev.assistants4j.model.message.Message;
import dev.assistants4j.model.message.MessageContent;
import dev.assistants4j.model.message.MessageIncompleteReason;
import dev.assistants4j.model.message.MessageRole;
import dev.assistants4j.model.message.MessageStatus;
import dev.assistants4j.model.message.ModifyMessageRequest;
import dev.assistants4j.model.message.RefusalContent;
import dev.assistants4j.model.message.TextAnnotation;
import dev.assistants4j.model.message.TextContent;
import dev.assistants4j.model.json.AssistantsJson;
import dev.assistants4j.model.tool.Tool;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
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
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class MessageOperationsTests {

	@RegisterExtension
	static WireMockExtension server = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	private final MessageOperations messages = WireExchanges.client(server).messages();

	private final JsonMapper mapper = AssistantsJson.newMapper();

	@Test
	void createSendsTextAsABareStringAndDecodesTheSpecExample() {
		server.stubFor(post("/v1/threads/thread_abc123/messages")
			.willReturn(okJson(fixture("message-created-spec.json"))));
		CreateMessageRequest request = CreateMessageRequest.user("How does AI work? Explain it in simple terms.");
		StepVerifier.create(this.messages.create("thread_abc123", request)).assertNext((message) -> {
			assertThat(message.id()).isEqualTo("msg_abc123");
			assertThat(message.object()).isEqualTo("thread.message");
			assertThat(message.createdAtInstant()).isEqualTo(Instant.ofEpochSecond(1713226573));
			assertThat(message.assistantId()).isNull();
			assertThat(message.threadId()).isEqualTo("thread_abc123");
			assertThat(message.runId()).isNull();
			assertThat(message.role()).isEqualTo(MessageRole.USER);
			assertThat(message.status()).isNull();
			assertThat(message.content()).containsExactly(new TextContent(
					new TextContent.Text("How does AI work? Explain it in simple terms.", List.of())));
			assertThat(message.attachments()).isEmpty();
			assertThat(message.metadata()).isEmpty();
		}).expectComplete().verify(Duration.ofSeconds(5));
		assertOnlyRequest(server, postRequestedFor(urlEqualTo("/v1/threads/thread_abc123/messages"))
			.withHeader("Content-Type", equalTo("application/json"))
			.withRequestBody(equalToJson("""
					{"role":"user","content":"How does AI work? Explain it in simple terms."}""")));
	}

	@Test
	void createSendsPartsAttachmentsAndMetadata() {
		server.stubFor(post("/v1/threads/thread_abc123/messages")
			.willReturn(okJson(fixture("message-assistant.json"))));
		CreateMessageRequest request = CreateMessageRequest.builder(MessageRole.ASSISTANT)
			.content("Here are the charts.")
			.addContent(InputPart.imageFile("file-chart", ImageDetail.HIGH))
			.addContent(InputPart.imageUrl("https://example.com/cat.png"))
			.addContent(InputPart.imageUrl("https://example.com/dog.png", ImageDetail.of("ultra")))
			.addAttachment(Attachment.of("file-report", Tool.fileSearch()))
			.addAttachment(Attachment.of("file-data", Tool.codeInterpreter(), Tool.fileSearch()))
			.putMetadata("source", "import")
			.build();
		StepVerifier.create(this.messages.create("thread_abc123", request))
			.assertNext((message) -> assertThat(message.id()).isEqualTo("msg_asst_1"))
			.expectComplete()
			.verify(Duration.ofSeconds(5));
		assertOnlyRequest(server, postRequestedFor(urlEqualTo("/v1/threads/thread_abc123/messages"))
			.withRequestBody(equalToJson("""
					{"role":"assistant",
					 "content":[{"type":"text","text":"Here are the charts."},
					  {"type":"image_file","image_file":{"file_id":"file-chart","detail":"high"}},
					  {"type":"image_url","image_url":{"url":"https://example.com/cat.png"}},
					  {"type":"image_url","image_url":{"url":"https://example.com/dog.png","detail":"ultra"}}],
					 "attachments":[{"file_id":"file-report","tools":[{"type":"file_search"}]},
					  {"file_id":"file-data","tools":[{"type":"code_interpreter"},{"type":"file_search"}]}],
					 "metadata":{"source":"import"}}""")));
	}

	@Test
	void retrieveDecodesEveryContentPartAndAnnotation() {
		server.stubFor(get("/v1/threads/thread_abc123/messages/msg_asst_1")
			.willReturn(okJson(fixture("message-assistant.json"))));
		StepVerifier.create(this.messages.retrieve("thread_abc123", "msg_asst_1")).assertNext((message) -> {
			assertThat(message.id()).isEqualTo("msg_asst_1");
			assertThat(message.object()).isEqualTo("thread.message");
			assertThat(message.createdAtInstant()).isEqualTo(Instant.ofEpochSecond(1717000000));
			assertThat(message.threadId()).isEqualTo("thread_abc123");
			assertThat(message.assistantId()).isEqualTo("asst_abc123");
			assertThat(message.runId()).isEqualTo("run_abc123");
			assertThat(message.status()).isEqualTo(MessageStatus.COMPLETED);
			assertThat(message.incompleteDetails()).isNull();
			assertThat(message.completedAtInstant()).isEqualTo(Instant.ofEpochSecond(1717000005));
			assertThat(message.incompleteAt()).isNull();
			assertThat(message.incompleteAtInstant()).isNull();
			assertThat(message.role()).isEqualTo(MessageRole.ASSISTANT);
			assertThat(message.content()).extracting(MessageContent::type)
				.containsExactly("text", "image_file", "image_url", "refusal", "audio");
			TextContent.Text text = ((TextContent) message.content().get(0)).text();
			assertThat(text.value()).startsWith("The report says revenue grew 12%【4:0†report.pdf】.");
			assertThat(text.annotations()).hasSize(3);
			assertThat(text.annotations().get(0)).isEqualTo(new FileCitationAnnotation("【4:0†report.pdf】",
					new FileCitationAnnotation.FileCitation("file-report", null), 32, 48));
			assertThat(text.value().substring(32, 48)).isEqualTo("【4:0†report.pdf】");
			assertThat(text.annotations().get(1)).isEqualTo(new FilePathAnnotation("sandbox:/mnt/data/chart.png",
					new FilePathAnnotation.FilePath("file-chart"), 66, 93));
			assertThat(text.annotations().get(2)).isInstanceOfSatisfying(TextAnnotation.Unknown.class,
					(unknown) -> assertThat(unknown.type()).isEqualTo("url_citation"));
			assertThat(message.content().get(1)).isEqualTo(InputPart.imageFile("file-chart", ImageDetail.HIGH));
			assertThat(message.content().get(2)).isInstanceOfSatisfying(ImageUrlContent.class, (image) -> {
				assertThat(image.imageUrl().url()).isEqualTo("https://example.com/cat.png");
				assertThat(image.imageUrl().detail()).isEqualTo(ImageDetail.of("ultra"));
				assertThat(image.imageUrl().detail().value()).isEqualTo("ultra");
			});
			assertThat(message.content().get(3)).isEqualTo(new RefusalContent("I can't help with that part."));
			assertThat(message.content().get(4)).isInstanceOfSatisfying(MessageContent.Unknown.class,
					(unknown) -> assertThat(unknown.type()).isEqualTo("audio"));
			assertThat(message.attachments()).hasSize(2);
			assertThat(message.attachments().get(0)).isEqualTo(Attachment.of("file-report", Tool.fileSearch()));
			assertThat(message.attachments().get(1).fileId()).isEqualTo("file-data");
			assertThat(message.attachments().get(1).tools()).hasSize(2);
			assertThat(message.attachments().get(1).tools().get(0)).isEqualTo(Tool.codeInterpreter());
			assertThat(message.attachments().get(1).tools().get(1)).isInstanceOfSatisfying(Tool.Unknown.class,
					(unknown) -> assertThat(unknown.type()).isEqualTo("browser"));
			assertThat(message.metadata()).containsExactly(Map.entry("source", "run"));
		}).expectComplete().verify(Duration.ofSeconds(5));
		assertOnlyRequest(server, getRequestedFor(urlEqualTo("/v1/threads/thread_abc123/messages/msg_asst_1"))
			.withRequestBody(absent()));
	}

	@Test
	void unknownPartsAndAnnotationsWriteBackTheirExactRawJson() {
		Message message = this.mapper.readValue(fixture("message-assistant.json"), Message.class);
		MessageContent audio = message.content().get(4);
		TextAnnotation urlCitation = ((TextContent) message.content().get(0)).text().annotations().get(2);
		assertThat(this.mapper.writeValueAsString(audio)).isEqualTo("""
				{"type":"audio","audio":{"id":"audio_1","format":"wav","transcript":"hello"}}""");
		assertThat(this.mapper.writeValueAsString(urlCitation)).isEqualTo("{\"type\":\"url_citation\","
				+ "\"url_citation\":{\"url\":\"https://example.com/docs\",\"title\":\"Docs\"},"
				+ "\"start_index\":104,\"end_index\":112}");
		assertThat(this.mapper.writeValueAsString(message.attachments().get(1).tools().get(1)))
			.isEqualTo("{\"type\":\"browser\"}");
		// The whole message round-trips, unknown members included, with only the unknown top-level field lost.
		assertThat(this.mapper.readTree(this.mapper.writeValueAsString(message)).get("content"))
			.isEqualTo(this.mapper.readTree(fixture("message-assistant.json")).get("content"));
	}

	@Test
	void retrieveDecodesAnIncompleteMessageWithNullCollections() {
		server.stubFor(get("/v1/threads/thread_abc123/messages/msg_incomplete")
			.willReturn(okJson(fixture("message-incomplete.json"))));
		StepVerifier.create(this.messages.retrieve("thread_abc123", "msg_incomplete")).assertNext((message) -> {
			assertThat(message.id()).isEqualTo("msg_incomplete");
			assertThat(message.runId()).isEqualTo("run_def456");
			assertThat(message.status()).isEqualTo(MessageStatus.INCOMPLETE);
			assertThat(message.incompleteDetails())
				.isEqualTo(new Message.IncompleteDetails(MessageIncompleteReason.MAX_TOKENS));
			assertThat(message.completedAt()).isNull();
			assertThat(message.incompleteAtInstant()).isEqualTo(Instant.ofEpochSecond(1717000160));
			assertThat(message.content()).containsExactly(
					new TextContent(new TextContent.Text("The first three steps are", List.of())));
			assertThat(message.attachments()).isEmpty();
			assertThat(message.metadata()).isEmpty();
		}).expectComplete().verify(Duration.ofSeconds(5));
	}

	@Test
	void retrieveKeepsUnknownStatusReasonAndRole() {
		server.stubFor(get("/v1/threads/thread_abc123/messages/msg_drift")
			.willReturn(okJson(fixture("message-unknown-values.json"))));
		StepVerifier.create(this.messages.retrieve("thread_abc123", "msg_drift")).assertNext((message) -> {
			assertThat(message.status()).isEqualTo(MessageStatus.of("expired"));
			assertThat(message.status().value()).isEqualTo("expired");
			assertThat(message.incompleteDetails().reason()).isEqualTo(MessageIncompleteReason.of("safety_stop"));
			assertThat(message.role()).isEqualTo(MessageRole.of("developer"));
			assertThat(message.role()).isNotEqualTo(MessageRole.USER);
			assertThat(message.assistantId()).isNull();
			assertThat(message.completedAtInstant()).isNull();
			assertThat(message.content())
				.containsExactly(new TextContent(new TextContent.Text("Be brief.", List.of())));
			assertThat(message.attachments()).isEmpty();
			assertThat(message.metadata()).isEmpty();
		}).expectComplete().verify(Duration.ofSeconds(5));
		assertThat(this.mapper.writeValueAsString(MessageStatus.of("expired"))).isEqualTo("\"expired\"");
	}

	@Test
	void retrieveDecodesAV1EraMessage() {
		server.stubFor(get("/v1/threads/thread_abc123/messages/msg_v1").willReturn(okJson(fixture("message-v1.json"))));
		StepVerifier.create(this.messages.retrieve("thread_abc123", "msg_v1")).assertNext((message) -> {
			assertThat(message.id()).isEqualTo("msg_v1");
			assertThat(message.createdAtInstant()).isEqualTo(Instant.parse("2023-11-03T13:20:14Z"));
			assertThat(message.status()).isNull();
			assertThat(message.incompleteDetails()).isNull();
			assertThat(message.role()).isEqualTo(MessageRole.ASSISTANT);
			assertThat(message.assistantId()).isEqualTo("asst_abc123");
			assertThat(message.attachments()).isEmpty();
			TextContent.Text text = ((TextContent) message.content().get(0)).text();
			assertThat(text.value()).isEqualTo("According to the file【9†source】 revenue grew.");
			assertThat(text.annotations()).containsExactly(new FileCitationAnnotation("【9†source】",
					new FileCitationAnnotation.FileCitation("file-v1", "revenue grew by 12%"), 21, 31));
		}).expectComplete().verify(Duration.ofSeconds(5));
	}

	@Test
	void updateSendsOnlyTheMetadata() {
		server.stubFor(post("/v1/threads/thread_abc123/messages/msg_abc123")
			.willReturn(okJson(fixture("message-modified-spec.json"))));
		ModifyMessageRequest request = ModifyMessageRequest.builder()
			.putMetadata("modified", "true")
			.putMetadata("user", "abc123")
			.build();
		StepVerifier.create(this.messages.update("thread_abc123", "msg_abc123", request)).assertNext((message) -> {
			assertThat(message.id()).isEqualTo("msg_abc123");
			assertThat(message.createdAt()).isEqualTo(1699017614L);
			assertThat(message.role()).isEqualTo(MessageRole.USER);
			assertThat(message.content()).hasSize(1);
			assertThat(message.attachments()).isEmpty();
			assertThat(message.metadata())
				.containsExactlyInAnyOrderEntriesOf(Map.of("modified", "true", "user", "abc123"));
		}).expectComplete().verify(Duration.ofSeconds(5));
		assertOnlyRequest(server, postRequestedFor(urlEqualTo("/v1/threads/thread_abc123/messages/msg_abc123"))
			.withHeader("Content-Type", equalTo("application/json"))
			.withRequestBody(equalToJson("""
					{"metadata":{"modified":"true","user":"abc123"}}""")));
	}

	@Test
	void updateWithAnEmptyRequestSendsAnEmptyObject() {
		server.stubFor(post("/v1/threads/thread_abc123/messages/msg_abc123")
			.willReturn(okJson(fixture("message-created-spec.json"))));
		StepVerifier.create(this.messages.update("thread_abc123", "msg_abc123", ModifyMessageRequest.builder().build()))
			.expectNextCount(1).expectComplete().verify(Duration.ofSeconds(5));
		assertOnlyRequest(server, postRequestedFor(urlEqualTo("/v1/threads/thread_abc123/messages/msg_abc123"))
			.withRequestBody(equalToJson("{}")));
	}

	@Test
	void deleteDecodesTheDeletionStatus() {
		server.stubFor(delete("/v1/threads/thread_abc123/messages/msg_abc123")
			.willReturn(okJson(fixture("message-deleted-spec.json"))));
		StepVerifier.create(this.messages.delete("thread_abc123", "msg_abc123"))
			.expectNext(new DeletionStatus("msg_abc123", "thread.message.deleted", true))
			.expectComplete()
			.verify(Duration.ofSeconds(5));
		assertOnlyRequest(server, deleteRequestedFor(urlEqualTo("/v1/threads/thread_abc123/messages/msg_abc123"))
			.withRequestBody(absent()));
	}

	@ParameterizedTest
	@NullAndEmptySource
	@ValueSource(strings = { " ", "\t", ".", ".." })
	void badThreadIdsAreRejectedWhenCalledBeforeAnyRequest(String threadId) {
		CreateMessageRequest create = CreateMessageRequest.user("Hi");
		ModifyMessageRequest modify = ModifyMessageRequest.builder().build();
		assertThatIllegalArgumentException().isThrownBy(() -> this.messages.create(threadId, create))
			.withMessageStartingWith("'threadId' must not be");
		assertThatIllegalArgumentException().isThrownBy(() -> this.messages.retrieve(threadId, "msg_1"))
			.withMessageStartingWith("'threadId' must not be");
		assertThatIllegalArgumentException().isThrownBy(() -> this.messages.update(threadId, "msg_1", modify))
			.withMessageStartingWith("'threadId' must not be");
		assertThatIllegalArgumentException().isThrownBy(() -> this.messages.delete(threadId, "msg_1"))
			.withMessageStartingWith("'threadId' must not be");
		assertThat(server.getAllServeEvents()).isEmpty();
	}

	@ParameterizedTest
	@NullAndEmptySource
	@ValueSource(strings = { " ", "\t", ".", ".." })
	void badMessageIdsAreRejectedWhenCalledBeforeAnyRequest(String messageId) {
		ModifyMessageRequest modify = ModifyMessageRequest.builder().build();
		assertThatIllegalArgumentException().isThrownBy(() -> this.messages.retrieve("thread_1", messageId))
			.withMessageStartingWith("'messageId' must not be");
		assertThatIllegalArgumentException().isThrownBy(() -> this.messages.update("thread_1", messageId, modify))
			.withMessageStartingWith("'messageId' must not be");
		assertThatIllegalArgumentException().isThrownBy(() -> this.messages.delete("thread_1", messageId))
			.withMessageStartingWith("'messageId' must not be");
		assertThat(server.getAllServeEvents()).isEmpty();
	}

	@Test
	void missingRequestsAreRejectedWhenCalled() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.messages.create("thread_1", null))
			.withMessage("'request' must not be null");
		assertThatIllegalArgumentException().isThrownBy(() -> this.messages.update("thread_1", "msg_1", null))
			.withMessage("'request' must not be null");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> CreateMessageRequest.builder(MessageRole.USER).putMetadata("k", "v").build())
			.withMessage("'content' must be set");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> CreateMessageRequest.builder(MessageRole.USER).content(List.of()).build())
			.withMessage("'parts' must not be empty");
		assertThat(server.getAllServeEvents()).isEmpty();
	}

	@ParameterizedTest
	@CsvSource({ "a/b, a%2Fb", "a?b, a%3Fb", "../x, ..%2Fx", "a#b, a%23b" })
	void idsStayInsideTheirPathSegments(String id, String encoded) {
		server.stubFor(any(anyUrl()).willReturn(okJson(fixture("message-created-spec.json"))));
		StepVerifier.create(this.messages.retrieve(id, "msg_" + id)).expectNextCount(1).expectComplete()
			.verify(Duration.ofSeconds(5));
		assertThat(onlyRequestUrl(server)).isEqualTo("/v1/threads/" + encoded + "/messages/msg_" + encoded);
	}

	@Test
	void createMessageRequestsDecodeAsTheyAreSent() {
		CreateMessageRequest text = this.mapper.readValue("""
				{"role":"user","content":"Hello"}""", CreateMessageRequest.class);
		assertThat(text).isEqualTo(CreateMessageRequest.user("Hello"));
		String partsJson = """
				{"role":"user","content":[{"type":"text","text":"Listen"},
				 {"type":"image_url","image_url":{"url":"https://example.com/a.png","detail":"low"}},
				 {"type":"input_audio","input_audio":{"data":"UklGR","format":"wav"}}],
				 "attachments":[{"file_id":"file-1","tools":[{"type":"file_search"}]}],"metadata":{"k":"v"}}""";
		CreateMessageRequest parts = this.mapper.readValue(partsJson, CreateMessageRequest.class);
		assertThat(parts.role()).isEqualTo(MessageRole.USER);
		assertThat(parts.content()).isInstanceOfSatisfying(CreateMessageRequest.Content.Parts.class, (content) -> {
			assertThat(content.parts()).hasSize(3);
			assertThat(content.parts().get(0)).isEqualTo(new InputText("Listen"));
			assertThat(content.parts().get(1))
				.isEqualTo(InputPart.imageUrl("https://example.com/a.png", ImageDetail.LOW));
			assertThat(content.parts().get(2)).isInstanceOfSatisfying(InputPart.Unknown.class,
					(unknown) -> assertThat(unknown.type()).isEqualTo("input_audio"));
		});
		assertThat(parts.attachments()).containsExactly(Attachment.of("file-1", Tool.fileSearch()));
		assertThat(parts.metadata()).containsExactly(Map.entry("k", "v"));
		assertThat(this.mapper.readTree(this.mapper.writeValueAsString(parts)))
			.isEqualTo(this.mapper.readTree(partsJson));
		InputPart audio = ((CreateMessageRequest.Content.Parts) parts.content()).parts().get(2);
		assertThat(this.mapper.writeValueAsString(audio))
			.isEqualTo("{\"type\":\"input_audio\",\"input_audio\":{\"data\":\"UklGR\",\"format\":\"wav\"}}");
	}

	@Test
	void createMessageRequestsWithoutContentDoNotDecode() {
		assertThatExceptionOfType(MismatchedInputException.class)
			.isThrownBy(() -> this.mapper.readValue("""
					{"role":"user","content":[null]}""", CreateMessageRequest.class))
			.withMessageContaining("must be a string or a non-empty array of parts, not ARRAY");
		assertThatExceptionOfType(MismatchedInputException.class)
			.isThrownBy(() -> this.mapper.readValue("""
					{"role":"user","content":42}""", CreateMessageRequest.class))
			.withMessageContaining("not NUMBER");
	}

	@Test
	void addingAPartAfterTextMakesTheTextTheFirstPart() {
		CreateMessageRequest request = CreateMessageRequest.builder(MessageRole.USER)
			.content("What is in this image?")
			.addContent(InputPart.imageFile("file-1"))
			.build();
		assertThat(request.content()).isEqualTo(CreateMessageRequest.Content
			.of(List.of(InputPart.text("What is in this image?"), InputPart.imageFile("file-1"))));
		CreateMessageRequest replaced = CreateMessageRequest.builder(MessageRole.USER)
			.addContent(InputPart.imageFile("file-1"))
			.content("Only text")
			.build();
		assertThat(replaced.content()).isEqualTo(CreateMessageRequest.Content.of("Only text"));
		assertThat(this.mapper.writeValueAsString(replaced)).isEqualTo("{\"role\":\"user\",\"content\":\"Only text\"}");
	}

}
