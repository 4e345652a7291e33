package dev.assistants4j.emulator;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

import dev.assistants4j.client.AssistantsClient;
import dev.assistants4j.emulator.junit.AssistantsEmulatorExtension;
import dev.assistants4j.model.assistant.CreateAssistantRequest;
import dev.assistants4j.model.message.CreateMessageRequest;
import dev.assistants4j.model.message.Message;
import dev.assistants4j.model.message.MessageListParams;
import dev.assistants4j.model.run.CreateThreadAndRunRequest;
import dev.assistants4j.model.run.Run;
import dev.assistants4j.model.run.RunStatus;
import dev.assistants4j.model.thread.CreateThreadRequest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Many clients at once: runs on many threads, and many messages on one thread, all kept.
 */
class ConcurrencyTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(30);

	@RegisterExtension
	static AssistantsEmulatorExtension emulator = new AssistantsEmulatorExtension();

	private final AssistantsClient client = emulator.client();

	@Test
	void completesManyRunsAtOnce() {
		String assistantId = this.client.assistants()
			.create(CreateAssistantRequest.builder("gpt-4o").build())
			.block(TIMEOUT)
			.id();
		List<Run> runs = Flux.range(0, 40)
			.flatMap((i) -> this.client.threads()
				.createAndRunAndPoll(CreateThreadAndRunRequest.builder(assistantId)
					.thread(CreateThreadRequest.builder().addMessage(CreateMessageRequest.user("n" + i)).build())
					.build()), 40)
			.collectList()
			.block(TIMEOUT);
		assertThat(runs).hasSize(40).allSatisfy((run) -> assertThat(run.status()).isEqualTo(RunStatus.COMPLETED));
		assertThat(runs).extracting(Run::threadId).doesNotHaveDuplicates();
		StepVerifier.create(Flux.fromIterable(runs)
				.flatMap((run) -> this.client.messages().list(run.threadId()).count()))
			.thenConsumeWhile((count) -> count == 2)
			.expectComplete()
			.verify(TIMEOUT);
	}

	@Test
	void keepsEveryMessageWrittenToOneThreadAtOnce() {
		String threadId = this.client.threads().create().block(TIMEOUT).id();
		List<Message> written = Flux.range(0, 100)
			.flatMap((i) -> this.client.messages().create(threadId, CreateMessageRequest.user("m" + i)), 32)
			.collectList()
			.block(TIMEOUT);
		List<Message> listed = this.client.messages()
			.list(threadId, MessageListParams.builder().limit(100).build())
			.collectList()
			.block(TIMEOUT);
		assertThat(listed).hasSize(100);
		assertThat(listed).extracting(Message::id)
			.doesNotHaveDuplicates()
			.containsExactlyInAnyOrderElementsOf(written.stream().map(Message::id).toList());
		StepVerifier.create(this.client.messages().listPage(threadId,
				MessageListParams.builder().limit(100).build()))
			.assertNext((page) -> assertThat(page.hasMore()).isFalse())
			.expectComplete()
			.verify(TIMEOUT);
	}

}
