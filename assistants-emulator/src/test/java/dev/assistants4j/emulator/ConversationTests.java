package dev.assistants4j.emulator;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import dev.assistants4j.client.AssistantsClient;
import dev.assistants4j.emulator.responder.RunContext;
import dev.assistants4j.model.SortOrder;
import dev.assistants4j.model.assistant.CreateAssistantRequest;
import dev.assistants4j.model.message.CreateMessageRequest;
import dev.assistants4j.model.message.Message;
import dev.assistants4j.model.message.MessageListParams;
import dev.assistants4j.model.message.MessageRole;
import dev.assistants4j.model.run.CreateRunRequest;
import dev.assistants4j.model.run.RunStatus;

import static org.assertj.core.api.Assertions.assertThat;

class ConversationTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	private static AssistantsEmulator emulator;

	private static AssistantsClient client;

	@BeforeAll
	static void start() {
		emulator = AssistantsEmulator.builder().stepDelay(Duration.ofMillis(1)).chunkDelay(Duration.ZERO)
			.pollAfter(Duration.ofMillis(5)).build().start();
		client = emulator.clientBuilder().pollInterval(Duration.ofMillis(5)).build();
	}

	@AfterAll
	static void stop() {
		emulator.stop();
	}

	@Test
	void answersAUserMessageThroughARunThatCompletes() {
		String assistantId = client.assistants()
			.create(CreateAssistantRequest.builder("gpt-4o").name("Echo").instructions("Be brief.").build())
			.block(TIMEOUT)
			.id();
		String threadId = client.threads().create().block(TIMEOUT).id();
		client.messages().create(threadId, CreateMessageRequest.user("Hello there")).block(TIMEOUT);
		StepVerifier.create(client.runs().createAndPoll(threadId, CreateRunRequest.builder(assistantId).build()))
			.assertNext((run) -> {
				assertThat(run.status()).isEqualTo(RunStatus.COMPLETED);
				assertThat(run.instructions()).isEqualTo("Be brief.");
				assertThat(run.usage().completionTokens()).isEqualTo(5);
			})
			.expectComplete()
			.verify(TIMEOUT);
		List<Message> messages = client.messages()
			.list(threadId, MessageListParams.builder().order(SortOrder.ASC).build())
			.collectList()
			.block(TIMEOUT);
		assertThat(messages).extracting(Message::role).containsExactly(MessageRole.USER, MessageRole.ASSISTANT);
		assertThat(RunContext.textOf(messages.get(1))).isEqualTo("[emulator] You said: Hello there");
	}

}
