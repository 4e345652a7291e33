package dev.assistants4j.emulator;

import java.time.Duration;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import org.springframework.http.HttpHeaders;
import org.springframework.web.reactive.function.client.WebClient;

import dev.assistants4j.client.AssistantsClient;
import dev.assistants4j.client.AssistantsTransportException;
import dev.assistants4j.client.NotFoundException;
import dev.assistants4j.model.assistant.CreateAssistantRequest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class AssistantsEmulatorTests {

	private static final Duration TIMEOUT = RawExchange.TIMEOUT;

	@Test
	void listensOnAFreeLoopbackPortWhenBuiltWithPortZero() {
		try (AssistantsEmulator emulator = AssistantsEmulator.builder().port(0).build().start()) {
			assertThat(emulator.isRunning()).isTrue();
			assertThat(emulator.port()).isPositive();
			assertThat(emulator.baseUrl()).isEqualTo("http://127.0.0.1:" + emulator.port() + "/v1");
			assertThat(emulator.token()).isEqualTo(AssistantsEmulator.DEFAULT_TOKEN);
			StepVerifier.create(emulator.clientBuilder().build().assistants().list())
				.expectComplete()
				.verify(TIMEOUT);
		}
	}

	@Test
	void stopsListeningAndCanStartAgainEmpty() {
		AssistantsEmulator emulator = AssistantsEmulator.builder().token("sk-test").build().start();
		AssistantsClient before = emulator.clientBuilder().maxRetries(0).build();
		String id = before.assistants().create(CreateAssistantRequest.builder("gpt-4o").build()).block(TIMEOUT).id();
		emulator.stop();
		assertThat(emulator.isRunning()).isFalse();
		assertThat(emulator).hasToString("AssistantsEmulator[stopped]");
		StepVerifier.create(before.assistants().retrieve(id))
			.expectError(AssistantsTransportException.class)
			.verify(TIMEOUT);
		emulator.start();
		try {
			StepVerifier.create(emulator.clientBuilder().build().assistants().retrieve(id))
				.expectError(NotFoundException.class)
				.verify(TIMEOUT);
		}
		finally {
			emulator.stop();
		}
	}

	@Test
	void refusesToStartTwice() {
		try (AssistantsEmulator emulator = AssistantsEmulator.builder().build().start()) {
			assertThatIllegalStateException().isThrownBy(emulator::start).withMessageContaining(emulator.baseUrl());
		}
	}

	@Test
	void failsToStartOnAPortInUse() {
		try (AssistantsEmulator first = AssistantsEmulator.builder().build().start()) {
			AssistantsEmulator second = AssistantsEmulator.builder().port(first.port()).build();
			assertThatIllegalStateException().isThrownBy(second::start)
				.withMessageContaining("127.0.0.1:" + first.port());
			assertThat(second.isRunning()).isFalse();
		}
	}

	@Test
	void hasNoPortBeforeItStarts() {
		AssistantsEmulator emulator = AssistantsEmulator.builder().build();
		assertThatIllegalStateException().isThrownBy(emulator::baseUrl).withMessageContaining("start()");
		emulator.stop();
	}

	@Test
	void forgetsEverythingOnReset() {
		try (AssistantsEmulator emulator = AssistantsEmulator.builder().build().start()) {
			AssistantsClient client = emulator.clientBuilder().build();
			String id = client.assistants().create(CreateAssistantRequest.builder("gpt-4o").build()).block(TIMEOUT).id();
			emulator.reset();
			StepVerifier.create(client.assistants().retrieve(id)).expectError(NotFoundException.class).verify(TIMEOUT);
		}
	}

	@Test
	void answersEveryResponseWithARequestId() {
		try (AssistantsEmulator emulator = AssistantsEmulator.builder().build().start()) {
			WebClient client = RawExchange.client(emulator);
			RawExchange found = RawExchange.of(client.get().uri("/assistants"));
			RawExchange missing = RawExchange.of(client.get().uri("/assistants/asst_missing"));
			RawExchange unknown = RawExchange.of(client.get().uri("/nowhere"));
			RawExchange again = RawExchange.of(client.get().uri("/assistants"));
			assertThat(found.status()).isEqualTo(200);
			assertThat(missing.status()).isEqualTo(404);
			assertThat(unknown.status()).isEqualTo(404);
			assertThat(Stream.of(found, missing, unknown, again)
				.map((exchange) -> exchange.headers().getFirst("x-request-id")))
				.allMatch((id) -> id != null && id.matches("req_[0-9a-f]{32}"))
				.doesNotHaveDuplicates();
		}
	}

	@Test
	void answersAnUnknownUrlAsTheServiceDoes() {
		try (AssistantsEmulator emulator = AssistantsEmulator.builder().build().start()) {
			RawExchange answer = RawExchange.of(RawExchange.client(emulator).delete().uri("/threads"));
			assertThat(answer.status()).isEqualTo(404);
			assertThat(answer.body()).isEqualTo("""
					{"error":{"message":"Invalid URL (DELETE /v1/threads)","type":"invalid_request_error",\
					"param":null,"code":null}}""");
		}
	}

	@Test
	void rejectsInvalidSettingsNamingThem() {
		AssistantsEmulator.Builder builder = AssistantsEmulator.builder();
		assertThatIllegalArgumentException().isThrownBy(() -> builder.port(70000)).withMessageContaining("'port'");
		assertThatIllegalArgumentException().isThrownBy(() -> builder.token(" ")).withMessageContaining("'token'");
		assertThatIllegalArgumentException().isThrownBy(() -> builder.stepDelay(Duration.ofMillis(-1)))
			.withMessageContaining("'stepDelay'");
		assertThatIllegalArgumentException().isThrownBy(() -> builder.runTimeout(Duration.ZERO))
			.withMessageContaining("'runTimeout'");
		assertThatIllegalArgumentException().isThrownBy(() -> builder.maxFileSize(0))
			.withMessageContaining("'maxFileSize'");
	}

	@Test
	void acceptsAnAzureStyleApiKeyHeader() {
		try (AssistantsEmulator emulator = AssistantsEmulator.builder().token("azure-key").build().start()) {
			RawExchange answer = RawExchange.of(WebClient.create(emulator.baseUrl())
				.get()
				.uri("/files")
				.header("api-key", "azure-key"));
			assertThat(answer.status()).isEqualTo(200);
			assertThat(answer.headers().getFirst(HttpHeaders.CONTENT_TYPE)).isEqualTo("application/json");
		}
	}

}
