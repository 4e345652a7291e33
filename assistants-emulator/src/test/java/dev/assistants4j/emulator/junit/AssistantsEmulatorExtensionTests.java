package dev.assistants4j.emulator.junit;

import java.time.Duration;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.test.StepVerifier;

import dev.assistants4j.client.AssistantsClient;
import dev.assistants4j.emulator.AssistantsEmulator;
import dev.assistants4j.emulator.responder.RunContext;
import dev.assistants4j.emulator.responder.ScriptedResponder;
import dev.assistants4j.model.assistant.CreateAssistantRequest;
import dev.assistants4j.model.message.CreateMessageRequest;
import dev.assistants4j.model.run.CreateThreadAndRunRequest;
import dev.assistants4j.model.run.RunStatus;
import dev.assistants4j.model.thread.CreateThreadRequest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class AssistantsEmulatorExtensionTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	@Test
	void hasNoEmulatorOutsideTheTestsOfItsClass() {
		AssistantsEmulatorExtension extension = new AssistantsEmulatorExtension();
		assertThatIllegalStateException().isThrownBy(extension::emulator).withMessageContaining("not running");
		assertThatIllegalStateException().isThrownBy(extension::client).withMessageContaining("not running");
	}

	@Nested
	class RegisteredInAStaticField {

		static final ScriptedResponder responder = new ScriptedResponder().thenReply("Scripted hello");

		@RegisterExtension
		static AssistantsEmulatorExtension emulator = new AssistantsEmulatorExtension(
				(builder) -> builder.token("sk-static").responder(responder));

		@Test
		void runsTheCustomizedEmulatorWithAReadyClient() {
			assertThat(emulator.emulator().token()).isEqualTo("sk-static");
			assertThat(emulator.baseUrl()).isEqualTo(emulator.emulator().baseUrl());
			AssistantsClient client = emulator.client();
			assertThat(emulator.client()).isSameAs(client);
			String assistantId = client.assistants()
				.create(CreateAssistantRequest.builder("gpt-4o").build())
				.block(TIMEOUT)
				.id();
			CreateThreadAndRunRequest request = CreateThreadAndRunRequest.builder(assistantId)
				.thread(CreateThreadRequest.builder().addMessage(CreateMessageRequest.user("Hi")).build())
				.build();
			StepVerifier.create(client.threads().createAndRunAndPoll(request)
					.flatMapMany((run) -> client.messages().list(run.threadId())))
				.assertNext((answer) -> assertThat(RunContext.textOf(answer)).isEqualTo("Scripted hello"))
				.assertNext((question) -> assertThat(RunContext.textOf(question)).isEqualTo("Hi"))
				.expectComplete()
				.verify(TIMEOUT);
		}

		@Test
		void injectsTheSameEmulatorIntoEveryTest(AssistantsEmulator injected, AssistantsClient client,
				@EmulatorBaseUrl String baseUrl) {
			assertThat(injected).isSameAs(emulator.emulator());
			assertThat(client).isSameAs(emulator.client());
			assertThat(baseUrl).isEqualTo(injected.baseUrl());
		}

	}

	@Nested
	@ExtendWith(AssistantsEmulatorExtension.class)
	class DeclaredWithExtendWith {

		@Test
		void injectsARunningEmulatorAndAClientOfIt(AssistantsEmulator emulator, AssistantsClient client,
				@EmulatorBaseUrl String baseUrl) {
			assertThat(emulator.isRunning()).isTrue();
			assertThat(baseUrl).isEqualTo(emulator.baseUrl());
			StepVerifier.create(client.threads().create())
				.assertNext((thread) -> assertThat(thread.id()).startsWith("thread_"))
				.expectComplete()
				.verify(TIMEOUT);
		}

		@Test
		void pollsQuicklyByDefault(AssistantsClient client) {
			String assistantId = client.assistants()
				.create(CreateAssistantRequest.builder("gpt-4o").build())
				.block(TIMEOUT)
				.id();
			StepVerifier.create(client.threads().createAndRunAndPoll(CreateThreadAndRunRequest.builder(assistantId)
					.build()))
				.assertNext((run) -> assertThat(run.status()).isEqualTo(RunStatus.COMPLETED))
				.expectComplete()
				.verify(Duration.ofSeconds(2));
		}

	}

	@Nested
	class RegisteredInAnInstanceField {

		@RegisterExtension
		final AssistantsEmulatorExtension emulator = new AssistantsEmulatorExtension();

		@Test
		void runsAFreshEmulatorForEachTest() {
			assertThat(this.emulator.emulator().isRunning()).isTrue();
			StepVerifier.create(this.emulator.client().assistants().list()).expectComplete().verify(TIMEOUT);
			this.emulator.client()
				.assistants()
				.create(CreateAssistantRequest.builder("gpt-4o").build())
				.block(TIMEOUT);
		}

		@Test
		void startsEmptyAgain() {
			runsAFreshEmulatorForEachTest();
		}

	}

}
