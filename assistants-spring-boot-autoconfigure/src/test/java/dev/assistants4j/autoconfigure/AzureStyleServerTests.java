package dev.assistants4j.autoconfigure;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.test.StepVerifier;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;

import dev.assistants4j.client.AssistantsClient;
import dev.assistants4j.model.assistant.Assistant;
import dev.assistants4j.model.assistant.CreateAssistantRequest;
import dev.assistants4j.model.file.FileUpload;
import dev.assistants4j.model.run.CreateRunRequest;
import dev.assistants4j.model.run.RunStatus;
import dev.assistants4j.stream.AssistantStreamEvent;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * An Azure-style server configured through properties alone: the key in an {@code api-key} header rather
 * than {@code Authorization}, an {@code api-version} query parameter, a base URL with a path prefix, and no
 * {@code OpenAI-Beta} header. Every kind of exchange the client makes (JSON, every page of a list, a stream,
 * a poll, an upload and a download) carries all of it, and nothing of the OpenAI defaults.
 */
class AzureStyleServerTests {

	private static final String KEY = "azure-key-123";

	private static final String VERSION = "2024-05-01-preview";

	private static final String PREFIX = "/openai/deployments/gpt-4o/v1";

	@RegisterExtension
	static WireMockExtension server = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(WebClientAutoConfiguration.class, AssistantsAutoConfiguration.class))
		.withPropertyValues("openai.assistants.token=" + KEY, "openai.assistants.auth-header=api-key",
				"openai.assistants.beta-header=", "openai.assistants.query-params.api-version=" + VERSION,
				"openai.assistants.base-url=" + server.baseUrl() + PREFIX, "openai.assistants.poll.interval=10ms",
				"openai.assistants.retry.max-retries=0");

	private static String assistant(String id) {
		return """
				{"id":"%s","object":"assistant","created_at":1698984975,"model":"gpt-4o","tools":[],"metadata":{}}"""
			.formatted(id);
	}

	private static String run(String status) {
		return """
				{"id":"run_1","object":"thread.run","thread_id":"thread_1","assistant_id":"asst_1","status":"%s"}"""
			.formatted(status);
	}

	/**
	 * Asserts that every request the server received was Azure-style: the key as {@code api-key}, the API
	 * version in the query, the path under the prefix, and neither {@code Authorization} nor
	 * {@code OpenAI-Beta}.
	 */
	private static void assertEveryRequestIsAzureStyle(int expectedRequests) {
		List<LoggedRequest> requests = server.findAll(anyRequestedFor(anyUrl()));
		assertThat(requests).hasSize(expectedRequests);
		assertThat(requests).allSatisfy((request) -> {
			assertThat(request.getUrl()).startsWith(PREFIX + "/");
			assertThat(request.queryParameter("api-version").values()).containsExactly(VERSION);
			assertThat(request.getHeader("api-key")).isEqualTo(KEY);
			assertThat(request.containsHeader("Authorization")).isFalse();
			assertThat(request.containsHeader("OpenAI-Beta")).isFalse();
		});
		RequestPatternBuilder azureStyle = anyRequestedFor(anyUrl()).withQueryParam("api-version", equalTo(VERSION))
			.withHeader("api-key", equalTo(KEY))
			.withHeader("Authorization", absent())
			.withHeader("OpenAI-Beta", absent());
		server.verify(expectedRequests, azureStyle);
	}

	@Test
	void jsonCallIsAzureStyle() {
		server.stubFor(post(urlPathEqualTo(PREFIX + "/assistants")).willReturn(okJson(assistant("asst_1"))));
		this.contextRunner.run((context) -> StepVerifier
			.create(context.getBean(AssistantsClient.class).assistants().create(CreateAssistantRequest.builder("gpt-4o").build()))
			.assertNext((assistant) -> assertThat(assistant.id()).isEqualTo("asst_1"))
			.expectComplete()
			.verify(Duration.ofSeconds(10)));
		assertEveryRequestIsAzureStyle(1);
		assertThat(server.findAll(anyRequestedFor(anyUrl())).get(0).getUrl())
			.isEqualTo(PREFIX + "/assistants?api-version=" + VERSION);
	}

	@Test
	void everyPageOfAListKeepsTheApiVersion() {
		server.stubFor(get(urlPathEqualTo(PREFIX + "/assistants")).withQueryParam("after", absent())
			.willReturn(okJson("{\"object\":\"list\",\"data\":[" + assistant("asst_1") + "," + assistant("asst_2")
					+ "],\"first_id\":\"asst_1\",\"last_id\":\"asst_2\",\"has_more\":true}")));
		server.stubFor(get(urlPathEqualTo(PREFIX + "/assistants")).withQueryParam("after", equalTo("asst_2"))
			.willReturn(okJson("{\"object\":\"list\",\"data\":[" + assistant("asst_3")
					+ "],\"first_id\":\"asst_3\",\"last_id\":\"asst_3\",\"has_more\":false}")));
		this.contextRunner.run((context) -> StepVerifier
			.create(context.getBean(AssistantsClient.class).assistants().list().map(Assistant::id))
			.expectNext("asst_1", "asst_2", "asst_3")
			.expectComplete()
			.verify(Duration.ofSeconds(10)));
		assertEveryRequestIsAzureStyle(2);
		assertThat(server.findAll(anyRequestedFor(anyUrl()))).extracting(LoggedRequest::getUrl)
			.containsExactly(PREFIX + "/assistants?api-version=" + VERSION,
					PREFIX + "/assistants?api-version=" + VERSION + "&after=asst_2");
	}

	@Test
	void streamIsAzureStyle() {
		server.stubFor(post(urlPathEqualTo(PREFIX + "/threads/thread_1/runs")).willReturn(aResponse()
			.withHeader("Content-Type", "text/event-stream")
			.withBody("event: thread.run.created\ndata: " + run("queued") + "\n\nevent: thread.run.completed\ndata: "
					+ run("completed") + "\n\nevent: done\ndata: [DONE]\n\n")));
		this.contextRunner.run((context) -> StepVerifier
			.create(context.getBean(AssistantsClient.class)
				.runs()
				.createStream("thread_1", CreateRunRequest.builder("asst_1").build())
				.map(AssistantStreamEvent::event))
			.expectNext("thread.run.created", "thread.run.completed")
			.expectComplete()
			.verify(Duration.ofSeconds(10)));
		assertEveryRequestIsAzureStyle(1);
		assertThat(server.findAll(anyRequestedFor(anyUrl())).get(0).getHeader("Accept")).isEqualTo("text/event-stream");
	}

	@Test
	void pollUploadAndDownloadAreAzureStyle() {
		server.stubFor(post(urlPathEqualTo(PREFIX + "/threads/thread_1/runs")).willReturn(okJson(run("queued"))));
		server.stubFor(get(urlPathEqualTo(PREFIX + "/threads/thread_1/runs/run_1")).willReturn(okJson(run("completed"))));
		server.stubFor(post(urlPathEqualTo(PREFIX + "/files")).willReturn(okJson(
				"{\"id\":\"file-1\",\"object\":\"file\",\"bytes\":5,\"created_at\":1,\"filename\":\"a.txt\",\"purpose\":\"assistants\"}")));
		server.stubFor(get(urlPathEqualTo(PREFIX + "/files/file-1/content")).willReturn(aResponse().withBody("hello")));
		this.contextRunner.run((context) -> {
			AssistantsClient client = context.getBean(AssistantsClient.class);
			StepVerifier.create(client.runs().createAndPoll("thread_1", CreateRunRequest.builder("asst_1").build()))
				.assertNext((run) -> assertThat(run.status()).isEqualTo(RunStatus.COMPLETED))
				.expectComplete()
				.verify(Duration.ofSeconds(10));
			StepVerifier.create(client.files().upload(FileUpload.of("hello".getBytes(StandardCharsets.UTF_8), "a.txt")))
				.assertNext((file) -> assertThat(file.id()).isEqualTo("file-1"))
				.expectComplete()
				.verify(Duration.ofSeconds(10));
			StepVerifier.create(client.files().contentAsBytes("file-1"))
				.assertNext((bytes) -> assertThat(new String(bytes, StandardCharsets.UTF_8)).isEqualTo("hello"))
				.expectComplete()
				.verify(Duration.ofSeconds(10));
		});
		assertEveryRequestIsAzureStyle(4);
	}

}
