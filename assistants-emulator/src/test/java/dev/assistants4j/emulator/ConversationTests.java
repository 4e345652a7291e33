package dev.assistants4j.emulator;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.test.StepVerifier;

import dev.assistants4j.client.AssistantsClient;
import dev.assistants4j.client.NotFoundException;
import dev.assistants4j.emulator.junit.AssistantsEmulatorExtension;
import dev.assistants4j.emulator.responder.RunContext;
import dev.assistants4j.model.SortOrder;
import dev.assistants4j.model.assistant.Assistant;
import dev.assistants4j.model.assistant.CreateAssistantRequest;
import dev.assistants4j.model.assistant.ModifyAssistantRequest;
import dev.assistants4j.model.message.CreateMessageRequest;
import dev.assistants4j.model.message.ImageUrlContent;
import dev.assistants4j.model.message.InputPart;
import dev.assistants4j.model.message.Message;
import dev.assistants4j.model.message.MessageListParams;
import dev.assistants4j.model.message.MessageRole;
import dev.assistants4j.model.message.MessageStatus;
import dev.assistants4j.model.message.ModifyMessageRequest;
import dev.assistants4j.model.message.TextContent;
import dev.assistants4j.model.run.CreateRunRequest;
import dev.assistants4j.model.run.CreateThreadAndRunRequest;
import dev.assistants4j.model.run.Run;
import dev.assistants4j.model.run.RunStatus;
import dev.assistants4j.model.runstep.RunStep;
import dev.assistants4j.model.runstep.RunStepStatus;
import dev.assistants4j.model.runstep.RunStepType;
import dev.assistants4j.model.runstep.StepDetails;
import dev.assistants4j.model.thread.AssistantThread;
import dev.assistants4j.model.thread.CreateThreadRequest;
import dev.assistants4j.model.thread.ModifyThreadRequest;
import dev.assistants4j.model.tool.Tool;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The project's client against the emulator, end to end: assistants, threads, messages and runs that answer.
 */
class ConversationTests {

	private static final Duration TIMEOUT = RawExchange.TIMEOUT;

	@RegisterExtension
	static AssistantsEmulatorExtension emulator = new AssistantsEmulatorExtension();

	private final AssistantsClient client = emulator.client();

	@Test
	void answersAUserMessageThroughARunThatCompletes() {
		String assistantId = createAssistant(CreateAssistantRequest.builder("gpt-4o").instructions("Be brief."));
		String threadId = this.client.threads().create().block(TIMEOUT).id();
		this.client.messages().create(threadId, CreateMessageRequest.user("Hello there")).block(TIMEOUT);
		StepVerifier.create(this.client.runs().createAndPoll(threadId, CreateRunRequest.builder(assistantId).build()))
			.assertNext((run) -> {
				assertThat(run.status()).isEqualTo(RunStatus.COMPLETED);
				assertThat(run.threadId()).isEqualTo(threadId);
				assertThat(run.assistantId()).isEqualTo(assistantId);
				assertThat(run.model()).isEqualTo("gpt-4o");
				assertThat(run.instructions()).isEqualTo("Be brief.");
				assertThat(run.startedAt()).isNotNull();
				assertThat(run.completedAt()).isNotNull();
				assertThat(run.expiresAt()).isNull();
				assertThat(run.usage().completionTokens()).isEqualTo(5);
			})
			.expectComplete()
			.verify(TIMEOUT);
		List<Message> messages = messages(threadId);
		assertThat(messages).extracting(Message::role).containsExactly(MessageRole.USER, MessageRole.ASSISTANT);
		Message answer = messages.get(1);
		assertThat(RunContext.textOf(answer)).isEqualTo("[emulator] You said: Hello there");
		assertThat(answer.status()).isEqualTo(MessageStatus.COMPLETED);
		assertThat(answer.assistantId()).isEqualTo(assistantId);
		assertThat(answer.runId()).isNotNull();
	}

	@Test
	void runsANewThreadWithItsMessagesInOneRequest() {
		String assistantId = createAssistant(CreateAssistantRequest.builder("gpt-4o"));
		CreateThreadAndRunRequest request = CreateThreadAndRunRequest.builder(assistantId)
			.thread(CreateThreadRequest.builder().addMessage(CreateMessageRequest.user("What is 2 + 2?")).build())
			.instructions("You are a math tutor.")
			.build();
		Run run = this.client.threads().createAndRunAndPoll(request).block(TIMEOUT);
		assertThat(run.status()).isEqualTo(RunStatus.COMPLETED);
		assertThat(run.instructions()).isEqualTo("You are a math tutor.");
		assertThat(messages(run.threadId())).extracting(RunContext::textOf)
			.containsExactly("What is 2 + 2?", "[emulator] You said: What is 2 + 2?");
	}

	@Test
	void appendsAdditionalInstructionsAndMessagesToTheRun() {
		String assistantId = createAssistant(CreateAssistantRequest.builder("gpt-4o").instructions("Be brief."));
		String threadId = this.client.threads().create().block(TIMEOUT).id();
		CreateRunRequest request = CreateRunRequest.builder(assistantId)
			.additionalInstructions("Address the user as Ada.")
			.addAdditionalMessage(CreateMessageRequest.user("Hi"))
			.model("gpt-4o-mini")
			.build();
		Run run = this.client.runs().createAndPoll(threadId, request).block(TIMEOUT);
		assertThat(run.instructions()).isEqualTo("Be brief.\n\nAddress the user as Ada.");
		assertThat(run.model()).isEqualTo("gpt-4o-mini");
		assertThat(messages(threadId)).extracting(RunContext::textOf).containsExactly("Hi", "[emulator] You said: Hi");
	}

	@Test
	void recordsTheStepThatWroteTheAnswer() {
		String assistantId = createAssistant(CreateAssistantRequest.builder("gpt-4o"));
		String threadId = this.client.threads()
			.create(CreateThreadRequest.builder().addMessage(CreateMessageRequest.user("Hi")).build())
			.block(TIMEOUT)
			.id();
		Run run = this.client.runs().createAndPoll(threadId, CreateRunRequest.builder(assistantId).build())
			.block(TIMEOUT);
		List<RunStep> steps = this.client.runSteps().list(threadId, run.id()).collectList().block(TIMEOUT);
		assertThat(steps).singleElement().satisfies((step) -> {
			assertThat(step.type()).isEqualTo(RunStepType.MESSAGE_CREATION);
			assertThat(step.status()).isEqualTo(RunStepStatus.COMPLETED);
			assertThat(step.runId()).isEqualTo(run.id());
			String messageId = ((StepDetails.MessageCreation) step.stepDetails()).messageCreation().messageId();
			assertThat(messages(threadId).get(1).id()).isEqualTo(messageId);
			StepVerifier.create(this.client.runSteps().retrieve(threadId, run.id(), step.id()))
				.assertNext((retrieved) -> assertThat(retrieved).isEqualTo(step))
				.expectComplete()
				.verify(TIMEOUT);
		});
		StepVerifier.create(this.client.messages()
				.list(threadId, MessageListParams.builder().runId(run.id()).build()))
			.assertNext((message) -> assertThat(message.role()).isEqualTo(MessageRole.ASSISTANT))
			.expectComplete()
			.verify(TIMEOUT);
	}

	@Test
	void modifiesAnAssistantOnlyInWhatTheRequestSets() {
		String id = createAssistant(CreateAssistantRequest.builder("gpt-4o")
			.name("Tutor")
			.instructions("Teach.")
			.addTool(Tool.codeInterpreter())
			.putMetadata("team", "math"));
		StepVerifier.create(this.client.assistants().update(id, ModifyAssistantRequest.builder().name("Teacher").build()))
			.assertNext((assistant) -> {
				assertThat(assistant.name()).isEqualTo("Teacher");
				assertThat(assistant.instructions()).isEqualTo("Teach.");
				assertThat(assistant.tools()).containsExactly(Tool.codeInterpreter());
				assertThat(assistant.metadata()).containsEntry("team", "math");
			})
			.expectComplete()
			.verify(TIMEOUT);
		StepVerifier.create(this.client.assistants().delete(id))
			.assertNext((deleted) -> {
				assertThat(deleted.id()).isEqualTo(id);
				assertThat(deleted.object()).isEqualTo("assistant.deleted");
				assertThat(deleted.deleted()).isTrue();
			})
			.expectComplete()
			.verify(TIMEOUT);
		StepVerifier.create(this.client.assistants().retrieve(id)).expectError(NotFoundException.class).verify(TIMEOUT);
	}

	@Test
	void keepsAssistantDefaultsAsTheServiceWritesThem() {
		StepVerifier.create(this.client.assistants().create(CreateAssistantRequest.builder("gpt-4o").build()))
			.assertNext((assistant) -> {
				assertThat(assistant.id()).startsWith("asst_");
				assertThat(assistant.object()).isEqualTo("assistant");
				assertThat(assistant.createdAt()).isPositive();
				assertThat(assistant.tools()).isEmpty();
				assertThat(assistant.metadata()).isEmpty();
				assertThat(assistant.temperature()).isEqualTo(1.0);
				assertThat(assistant.topP()).isEqualTo(1.0);
			})
			.expectComplete()
			.verify(TIMEOUT);
	}

	@Test
	void keepsThreadsAndMessagesAsWrittenAndModified() {
		AssistantThread thread = this.client.threads()
			.create(CreateThreadRequest.builder().putMetadata("user", "u-1").build())
			.block(TIMEOUT);
		assertThat(thread.id()).startsWith("thread_");
		assertThat(thread.metadata()).containsExactly(Map.entry("user", "u-1"));
		StepVerifier.create(this.client.threads()
				.update(thread.id(), ModifyThreadRequest.builder().putMetadata("user", "u-2").build()))
			.assertNext((modified) -> assertThat(modified.metadata()).containsExactly(Map.entry("user", "u-2")))
			.expectComplete()
			.verify(TIMEOUT);
		CreateMessageRequest parts = CreateMessageRequest.builder(MessageRole.USER)
			.addContent(InputPart.text("Look:"))
			.addContent(InputPart.imageUrl("https://example.com/cat.png"))
			.build();
		Message message = this.client.messages().create(thread.id(), parts).block(TIMEOUT);
		assertThat(message.content()).hasSize(2);
		assertThat(((TextContent) message.content().get(0)).text().value()).isEqualTo("Look:");
		assertThat(((ImageUrlContent) message.content().get(1)).imageUrl().url()).isEqualTo("https://example.com/cat.png");
		StepVerifier.create(this.client.messages()
				.update(thread.id(), message.id(), ModifyMessageRequest.builder().putMetadata("seen", "yes").build()))
			.assertNext((modified) -> assertThat(modified.metadata()).containsEntry("seen", "yes"))
			.expectComplete()
			.verify(TIMEOUT);
		StepVerifier.create(this.client.messages().delete(thread.id(), message.id()))
			.assertNext((deleted) -> assertThat(deleted.object()).isEqualTo("thread.message.deleted"))
			.expectComplete()
			.verify(TIMEOUT);
		StepVerifier.create(this.client.threads().delete(thread.id()))
			.assertNext((deleted) -> assertThat(deleted.object()).isEqualTo("thread.deleted"))
			.expectComplete()
			.verify(TIMEOUT);
		StepVerifier.create(this.client.threads().retrieve(thread.id()))
			.expectError(NotFoundException.class)
			.verify(TIMEOUT);
	}

	private String createAssistant(CreateAssistantRequest.Builder request) {
		Assistant assistant = this.client.assistants().create(request.build()).block(TIMEOUT);
		return assistant.id();
	}

	private List<Message> messages(String threadId) {
		return this.client.messages()
			.list(threadId, MessageListParams.builder().order(SortOrder.ASC).build())
			.collectList()
			.block(TIMEOUT);
	}

}
