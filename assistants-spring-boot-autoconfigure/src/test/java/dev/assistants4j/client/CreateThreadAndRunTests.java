package dev.assistants4j.client;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.test.StepVerifier;

import dev.assistants4j.model.assistant.ResponseFormat;
import dev.assistants4j.model.message.CreateMessageRequest;
import dev.assistants4j.model.run.CreateThreadAndRunRequest;
import dev.assistants4j.model.run.RunStatus;
import dev.assistants4j.model.run.ToolChoice;
import dev.assistants4j.model.run.TruncationStrategy;
import dev.assistants4j.model.thread.CreateThreadRequest;
import dev.assistants4j.model.tool.Tool;
import dev.assistants4j.model.tool.ToolResources;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static dev.assistants4j.client.AssistantOperationsTests.fixture;
import static dev.assistants4j.client.WireExchanges.assertOnlyRequest;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * {@code threads().createAndRun(..)}: {@code POST /threads/runs}.
 */
class CreateThreadAndRunTests {

	@RegisterExtension
	static WireMockExtension server = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	private final ThreadOperations threads = WireExchanges.client(server).threads();

	@Test
	void sendsTheSpecRequestAndDecodesTheSpecExample() {
		server.stubFor(post("/v1/threads/runs").willReturn(okJson(fixture("thread-and-run-created-spec.json"))));
		CreateThreadAndRunRequest request = CreateThreadAndRunRequest.builder("asst_abc123")
			.thread(CreateThreadRequest.builder()
				.addMessage(CreateMessageRequest.user("Explain deep learning to a 5 year old."))
				.build())
			.build();
		StepVerifier.create(this.threads.createAndRun(request)).assertNext((run) -> {
			assertThat(run.id()).isEqualTo("run_abc123");
			assertThat(run.object()).isEqualTo("thread.run");
			assertThat(run.createdAtInstant()).isEqualTo(Instant.ofEpochSecond(1699076792));
			assertThat(run.assistantId()).isEqualTo("asst_abc123");
			assertThat(run.threadId()).isEqualTo("thread_abc123");
			assertThat(run.status()).isEqualTo(RunStatus.QUEUED);
			assertThat(run.status().isActive()).isTrue();
			assertThat(run.startedAt()).isNull();
			assertThat(run.expiresAtInstant()).isEqualTo(Instant.ofEpochSecond(1699077392));
			assertThat(run.requiredAction()).isNull();
			assertThat(run.lastError()).isNull();
			assertThat(run.instructions()).isEqualTo("You are a helpful assistant.");
			assertThat(run.tools()).isEmpty();
			assertThat(run.metadata()).isEmpty();
			assertThat(run.maxCompletionTokens()).isNull();
			assertThat(run.maxPromptTokens()).isNull();
			assertThat(run.truncationStrategy()).isEqualTo(TruncationStrategy.auto());
			assertThat(run.usage()).isNull();
			assertThat(run.responseFormat()).isEqualTo(ResponseFormat.auto());
			assertThat(run.toolChoice()).isEqualTo(ToolChoice.auto());
			assertThat(run.parallelToolCalls()).isTrue();
		}).expectComplete().verify(Duration.ofSeconds(5));
		assertOnlyRequest(server, postRequestedFor(urlEqualTo("/v1/threads/runs"))
			.withHeader("Content-Type", equalTo("application/json"))
			.withRequestBody(equalToJson("""
					{"assistant_id":"asst_abc123",
					 "thread":{"messages":[{"role":"user","content":"Explain deep learning to a 5 year old."}]}}""")));
	}

	@Test
	void sendsEveryRunSettingThatWasSetAndNothingElse() {
		server.stubFor(post("/v1/threads/runs").willReturn(okJson(fixture("thread-and-run-created-spec.json"))));
		CreateThreadAndRunRequest request = CreateThreadAndRunRequest.builder("asst_abc123")
			.model("gpt-4o")
			.instructions("Be brief.")
			.tools(List.of(Tool.codeInterpreter()))
			.addTool(Tool.fileSearch())
			.toolResources(ToolResources.codeInterpreterFiles(List.of("file-data")))
			.putMetadata("source", "test")
			.temperature(0.5)
			.topP(1.0)
			.maxPromptTokens(1000)
			.maxCompletionTokens(300)
			.truncationStrategy(TruncationStrategy.lastMessages(3))
			.toolChoice(ToolChoice.codeInterpreter())
			.parallelToolCalls(false)
			.responseFormat(ResponseFormat.text())
			.build();
		StepVerifier.create(this.threads.createAndRun(request)).expectNextCount(1).expectComplete()
			.verify(Duration.ofSeconds(5));
		assertOnlyRequest(server, postRequestedFor(urlEqualTo("/v1/threads/runs")).withRequestBody(equalToJson("""
				{"assistant_id":"asst_abc123","model":"gpt-4o","instructions":"Be brief.",
				 "tools":[{"type":"code_interpreter"},{"type":"file_search"}],
				 "tool_resources":{"code_interpreter":{"file_ids":["file-data"]}},
				 "metadata":{"source":"test"},"temperature":0.5,"top_p":1.0,
				 "max_prompt_tokens":1000,"max_completion_tokens":300,
				 "truncation_strategy":{"type":"last_messages","last_messages":3},
				 "tool_choice":{"type":"code_interpreter"},"parallel_tool_calls":false,
				 "response_format":{"type":"text"}}""")));
	}

	@Test
	void missingOrIncompleteRequestsAreRejectedWhenCalled() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.threads.createAndRun(null))
			.withMessage("'request' must not be null");
		assertThatIllegalArgumentException().isThrownBy(() -> CreateThreadAndRunRequest.builder(" ").build())
			.withMessage("'assistantId' must not be blank");
		assertThat(server.getAllServeEvents()).isEmpty();
	}

}
