package dev.assistants4j.emulator;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.WebClient;

import dev.assistants4j.client.ApiError;
import dev.assistants4j.client.AssistantsApiException;
import dev.assistants4j.client.AssistantsClient;
import dev.assistants4j.client.AuthenticationException;
import dev.assistants4j.client.BadRequestException;
import dev.assistants4j.client.NotFoundException;
import dev.assistants4j.emulator.junit.AssistantsEmulatorExtension;
import dev.assistants4j.model.ListParams;
import dev.assistants4j.model.assistant.CreateAssistantRequest;
import dev.assistants4j.model.file.FileUpload;
import dev.assistants4j.model.message.CreateMessageRequest;
import dev.assistants4j.model.run.CreateRunRequest;
import dev.assistants4j.model.thread.CreateThreadRequest;
import dev.assistants4j.model.tool.Tool;
import dev.assistants4j.model.vectorstore.CreateVectorStoreRequest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the emulator refuses, as the service refuses it: the status, the error envelope and its wording.
 */
class RefusalTests {

	private static final Duration TIMEOUT = RawExchange.TIMEOUT;

	@RegisterExtension
	static AssistantsEmulatorExtension emulator = new AssistantsEmulatorExtension();

	private final AssistantsClient client = emulator.client();

	private final WebClient raw = RawExchange.client(emulator.emulator());

	@Test
	void answers404ForEveryUnknownId() {
		String threadId = this.client.threads().create().block(TIMEOUT).id();
		String storeId = this.client.vectorStores().create(CreateVectorStoreRequest.builder().build()).block(TIMEOUT).id();
		assertNotFound(this.client.assistants().retrieve("asst_x"), "No assistant found with id 'asst_x'.");
		assertNotFound(this.client.threads().retrieve("thread_x"), "No thread found with id 'thread_x'.");
		assertNotFound(this.client.messages().retrieve(threadId, "msg_x"), "No message found with id 'msg_x'.");
		assertNotFound(this.client.runs().retrieve(threadId, "run_x"), "No run found with id 'run_x'.");
		assertNotFound(this.client.runSteps().list(threadId, "run_x").next(), "No run found with id 'run_x'.");
		assertNotFound(this.client.files().retrieve("file-x"), "No such File object: file-x");
		assertNotFound(this.client.vectorStores().retrieve("vs_x"), "No vector store found with id 'vs_x'.");
		assertNotFound(this.client.vectorStoreFiles().retrieve(storeId, "file-x"),
				"No vector store file found with id 'file-x'.");
		assertNotFound(this.client.vectorStoreFileBatches().retrieve(storeId, "vsfb_x"),
				"No vector store file batch found with id 'vsfb_x'.");
		assertNotFound(this.client.assistants().delete("asst_x"), "No assistant found with id 'asst_x'.");
	}

	@Test
	void answers404ForARunOfAnUnknownAssistant() {
		String threadId = this.client.threads().create().block(TIMEOUT).id();
		assertNotFound(this.client.runs().create(threadId, CreateRunRequest.builder("asst_x").build()), "No assistant found with id 'asst_x'.");
	}

	@Test
	void refusesAMissingToken() {
		RawExchange answer = RawExchange.of(WebClient.create(emulator.baseUrl()).get().uri("/assistants"));
		assertThat(answer.status()).isEqualTo(401);
		assertThat(answer.error().get("message").stringValue()).startsWith("You didn't provide an API key.");
		assertThat(answer.error().get("type").stringValue()).isEqualTo("invalid_request_error");
		assertThat(answer.headers().getFirst("x-request-id")).startsWith("req_");
	}

	@Test
	void refusesAWrongTokenWithoutEchoingIt() {
		AssistantsClient intruder = emulator.emulator().clientBuilder().token("sk-wrong-secret").build();
		StepVerifier.create(intruder.threads().create())
			.expectErrorSatisfies((ex) -> {
				AuthenticationException refusal = (AuthenticationException) ex;
				assertThat(refusal.statusCode()).isEqualTo(401);
				assertThat(refusal.error().code()).isEqualTo("invalid_api_key");
				assertThat(refusal.rawBody()).startsWith("{\"error\":{\"message\":\"Incorrect API key provided.")
					.doesNotContain("sk-wrong-secret");
				assertThat(refusal.requestId()).startsWith("req_");
			})
			.verify(TIMEOUT);
	}

	@Test
	void refusesTheAssistantsApiWithoutTheBetaHeader() {
		WebClient noBeta = WebClient.builder()
			.baseUrl(emulator.baseUrl())
			.defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + emulator.emulator().token())
			.build();
		RawExchange missing = RawExchange.of(noBeta.get().uri("/assistants"));
		assertThat(missing.status()).isEqualTo(400);
		assertThat(missing.error().get("message").stringValue())
			.startsWith("You must provide the 'OpenAI-Beta' header to access the Assistants API.");
		assertThat(missing.error().get("code").stringValue()).isEqualTo("invalid_beta");
		RawExchange v1 = RawExchange.of(noBeta.get().uri("/threads/thread_x").header("OpenAI-Beta", "assistants=v1"));
		assertThat(v1.error().get("message").stringValue()).startsWith("The v1 Assistants API has been deprecated.");
		assertThat(RawExchange.of(noBeta.get().uri("/files")).status()).isEqualTo(200);
		assertThat(RawExchange.of(noBeta.get().uri("/vector_stores")).status()).isEqualTo(200);
	}

	@Test
	void acceptsRequestsWithoutTheBetaHeaderWhenToldSo() {
		try (AssistantsEmulator lenient = AssistantsEmulator.builder().requireBetaHeader(false).build().start()) {
			StepVerifier.create(lenient.clientBuilder().betaHeader(null).build().threads().create())
				.expectNextCount(1)
				.expectComplete()
				.verify(TIMEOUT);
		}
	}

	@Test
	void refusesAnArgumentTheOperationDoesNotKnow() {
		RawExchange answer = post("/assistants", "{\"model\":\"gpt-4o\",\"colour\":\"blue\"}");
		assertThat(answer.status()).isEqualTo(400);
		assertThat(answer.error().get("message").stringValue())
			.isEqualTo("Unrecognized request argument supplied: colour");
	}

	@Test
	void refusesARequestWithoutARequiredArgument() {
		RawExchange answer = post("/assistants", "{\"name\":\"Nameless\"}");
		assertThat(answer.status()).isEqualTo(400);
		assertThat(answer.body()).isEqualTo("""
				{"error":{"message":"Missing required parameter: 'model'.","type":"invalid_request_error",\
				"param":"model","code":"missing_required_parameter"}}""");
	}

	@Test
	void refusesABodyThatIsNotJson() {
		RawExchange answer = post("/threads", "{\"metadata\":");
		assertThat(answer.status()).isEqualTo(400);
		assertThat(answer.error().get("message").stringValue())
			.startsWith("We could not parse the JSON body of your request.");
	}

	@Test
	void refusesAMessageRoleOtherThanUserOrAssistant() {
		String threadId = this.client.threads().create().block(TIMEOUT).id();
		RawExchange answer = post("/threads/" + threadId + "/messages", "{\"role\":\"system\",\"content\":\"Obey.\"}");
		assertThat(answer.status()).isEqualTo(400);
		assertThat(answer.error().get("message").stringValue())
			.isEqualTo("Invalid value: 'system'. Supported values are: 'user' and 'assistant'.");
		assertThat(answer.error().get("param").stringValue()).isEqualTo("role");
	}

	@Test
	void refusesMetadataBeyondTheServiceLimits() {
		Map<String, String> metadata = new LinkedHashMap<>();
		for (int i = 0; i < 17; i++) {
			metadata.put("key" + i, "value");
		}
		assertBadRequest(this.client.threads().create(CreateThreadRequest.builder()
			.metadata(metadata)
			.build()), (error) -> error.param(), "metadata");
		assertBadRequest(this.client.assistants().create(CreateAssistantRequest.builder("gpt-4o")
			.putMetadata("note", "x".repeat(513))
			.build()), (error) -> error.code(), "string_above_max_length");
	}

	@Test
	void refusesAFunctionWithAnInvalidName() {
		CreateAssistantRequest request = CreateAssistantRequest.builder("gpt-4o")
			.addTool(Tool.function("get weather", null, null))
			.build();
		assertBadRequest(this.client.assistants().create(request), (error) -> error.param(),
				"tools[0].function.name");
	}

	@Test
	void refusesAToolOfAnUnknownTypeOrWithoutOne() {
		RawExchange browser = post("/assistants", "{\"model\":\"gpt-4o\",\"tools\":[{\"type\":\"browser\"}]}");
		assertThat(browser.error().get("message").stringValue()).isEqualTo("Invalid value: 'browser'. Supported "
				+ "values are: 'code_interpreter', 'function' and 'file_search'.");
		assertThat(browser.error().get("param").stringValue()).isEqualTo("tools[0].type");
		RawExchange untyped = post("/assistants", "{\"model\":\"gpt-4o\",\"tools\":\"code_interpreter\"}");
		assertThat(untyped.status()).isEqualTo(400);
		assertThat(untyped.error().get("code").stringValue()).isEqualTo("invalid_type");
	}

	@Test
	void refusesALimitOutsideItsRangeAndAnUnknownOrder() {
		RawExchange zero = RawExchange.of(this.raw.get().uri("/assistants?limit=0"));
		assertThat(zero.error().get("code").stringValue()).isEqualTo("integer_below_min_value");
		RawExchange many = RawExchange.of(this.raw.get().uri("/assistants?limit=101"));
		assertThat(many.error().get("message").stringValue()).isEqualTo("Invalid 'limit': integer above maximum "
				+ "value. Expected a value <= 100, but got 101 instead.");
		RawExchange order = RawExchange.of(this.raw.get().uri("/assistants?order=sideways"));
		assertThat(order.status()).isEqualTo(400);
		assertThat(order.error().get("param").stringValue()).isEqualTo("order");
		StepVerifier.create(this.client.assistants().listPage(ListParams.builder().limit(100).build()))
			.expectNextCount(1)
			.expectComplete()
			.verify(TIMEOUT);
	}

	@Test
	void refusesToDownloadAFileOfPurposeAssistants() {
		String fileId = this.client.files()
			.upload(FileUpload.of("notes".getBytes(), "notes.md"))
			.block(TIMEOUT)
			.id();
		StepVerifier.create(this.client.files().content(fileId))
			.expectErrorSatisfies((ex) -> assertThat(((BadRequestException) ex).error().message())
				.isEqualTo("Not allowed to download files of purpose: assistants"))
			.verify(TIMEOUT);
	}

	@Test
	void refusesAMessageWithAnUnknownThreadBeforeReadingIt() {
		assertNotFound(this.client.messages().create("thread_x", CreateMessageRequest.user("Hi")),
				"No thread found with id 'thread_x'.");
	}

	private RawExchange post(String uri, String json) {
		return RawExchange.of(this.raw.post().uri(uri).contentType(MediaType.APPLICATION_JSON).bodyValue(json));
	}

	private static void assertNotFound(Mono<?> request, String message) {
		StepVerifier.create(request)
			.expectErrorSatisfies((ex) -> {
				assertThat(ex).isInstanceOf(NotFoundException.class);
				NotFoundException notFound = (NotFoundException) ex;
				assertThat(notFound.error().message()).isEqualTo(message);
				assertThat(notFound.error().type()).isEqualTo("invalid_request_error");
				assertThat(notFound.requestId()).startsWith("req_");
			})
			.verify(TIMEOUT);
	}

	private static void assertBadRequest(Mono<?> request,
			Function<ApiError, String> field, String expected) {
		StepVerifier.create(request)
			.expectErrorSatisfies((ex) -> {
				assertThat(ex).isInstanceOf(BadRequestException.class);
				assertThat(field.apply(((AssistantsApiException) ex).error())).isEqualTo(expected);
			})
			.verify(TIMEOUT);
	}

}
