package dev.assistants4j.emulator;

import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class StandaloneEmulatorTests {

	@Test
	void startsAsTheOptionsSay() {
		try (AssistantsEmulator emulator = StandaloneEmulator.start("--port", "0", "--token=sk-local", "--host",
				"127.0.0.1", "--step-delay", "5", "--chunk-delay=0")) {
			assertThat(emulator.isRunning()).isTrue();
			assertThat(emulator.token()).isEqualTo("sk-local");
			StepVerifier.create(WebClient.create(emulator.baseUrl())
					.get()
					.uri("/files")
					.header("Authorization", "Bearer sk-local")
					.retrieve()
					.bodyToMono(String.class))
				.assertNext((body) -> assertThat(body).contains("\"object\":\"list\""))
				.expectComplete()
				.verify(RawExchange.TIMEOUT);
		}
	}

	@Test
	void refusesAnUnknownOptionOrAMissingValue() {
		assertThatIllegalArgumentException().isThrownBy(() -> StandaloneEmulator.start("--verbose", "yes"))
			.withMessage("Unknown option --verbose");
		assertThatIllegalArgumentException().isThrownBy(() -> StandaloneEmulator.start("--port"))
			.withMessage("Option --port needs a value");
		assertThatIllegalArgumentException().isThrownBy(() -> StandaloneEmulator.start("--port", "eighty"))
			.withMessage("Option --port needs a number but was 'eighty'");
		assertThatIllegalArgumentException().isThrownBy(() -> StandaloneEmulator.start("--token", ""))
			.withMessageContaining("'token'");
	}

}
