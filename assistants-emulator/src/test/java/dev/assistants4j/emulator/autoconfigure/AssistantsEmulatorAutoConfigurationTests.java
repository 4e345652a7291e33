package dev.assistants4j.emulator.autoconfigure;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.assistants4j.autoconfigure.AssistantsAutoConfiguration;
import dev.assistants4j.client.AssistantsClient;
import dev.assistants4j.emulator.AssistantsEmulator;
import dev.assistants4j.emulator.responder.RunContext;
import dev.assistants4j.emulator.responder.ScriptedResponder;
import dev.assistants4j.model.assistant.CreateAssistantRequest;
import dev.assistants4j.model.message.CreateMessageRequest;
import dev.assistants4j.model.run.CreateThreadAndRunRequest;
import dev.assistants4j.model.thread.CreateThreadRequest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.core.env.StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME;

class AssistantsEmulatorAutoConfigurationTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	// Without the process's variables, and with the environment post-processor a Boot application runs.
	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withInitializer((context) -> {
			context.getEnvironment().getPropertySources().remove(SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
			new AssistantsEmulatorEnvironmentPostProcessor().postProcessEnvironment(context.getEnvironment(), null);
		})
		.withConfiguration(AutoConfigurations.of(AssistantsEmulatorAutoConfiguration.class,
				AssistantsAutoConfiguration.class))
		.withPropertyValues("openai.assistants.emulator.step-delay=1ms", "openai.assistants.emulator.chunk-delay=0",
				"openai.assistants.poll.interval=10ms");

	@Test
	void startsNoEmulatorUnlessEnabled() {
		this.contextRunner.run((context) -> assertThat(context).doesNotHaveBean(AssistantsEmulator.class)
			.doesNotHaveBean(AssistantsClient.class));
		this.contextRunner.withPropertyValues("openai.assistants.emulator.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(AssistantsEmulator.class));
	}

	@Test
	void defaultsToTheEmulatorsOwnSettings() {
		AssistantsEmulatorProperties properties = new AssistantsEmulatorProperties();
		assertThat(properties.isEnabled()).isFalse();
		assertThat(properties.getPort()).isZero();
		assertThat(properties.getToken()).isEqualTo(AssistantsEmulator.DEFAULT_TOKEN);
	}

	@Test
	void startsTheEmulatorAndPointsTheClientAtIt() {
		this.contextRunner.withPropertyValues("openai.assistants.emulator.enabled=true").run((context) -> {
			assertThat(context).hasSingleBean(AssistantsEmulator.class).hasSingleBean(AssistantsClient.class);
			AssistantsEmulator emulator = context.getBean(AssistantsEmulator.class);
			assertThat(emulator.isRunning()).isTrue();
			assertThat(emulator.token()).isEqualTo(AssistantsEmulator.DEFAULT_TOKEN);
			assertAnswers(context.getBean(AssistantsClient.class), "[emulator] You said: Hi");
		});
	}

	@Test
	void givesTheClientTheEmulatorTokenInsteadOfABlankOne() {
		this.contextRunner.withPropertyValues("openai.assistants.emulator.enabled=true", "openai.assistants.token=")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context.getEnvironment().getProperty("openai.assistants.token"))
					.isEqualTo(AssistantsEmulator.DEFAULT_TOKEN);
				assertAnswers(context.getBean(AssistantsClient.class), "[emulator] You said: Hi");
			});
	}

	@Test
	void givesTheClientTheEmulatorAddressAndTokenOverTheConfiguredOnes() {
		this.contextRunner
			.withPropertyValues("openai.assistants.emulator.enabled=true", "openai.assistants.emulator.token=sk-emu",
					"openai.assistants.token=sk-real", "openai.assistants.base-url=https://api.example.com/v1")
			.run((context) -> {
				assertThat(context.getBean(AssistantsEmulator.class).token()).isEqualTo("sk-emu");
				assertAnswers(context.getBean(AssistantsClient.class), "[emulator] You said: Hi");
			});
	}

	@Test
	void listensOnTheConfiguredPort() throws IOException {
		int port;
		try (ServerSocket socket = new ServerSocket(0)) {
			port = socket.getLocalPort();
		}
		this.contextRunner
			.withPropertyValues("openai.assistants.emulator.enabled=true", "openai.assistants.emulator.port=" + port)
			.run((context) -> assertThat(context.getBean(AssistantsEmulator.class).baseUrl())
				.isEqualTo("http://127.0.0.1:" + port + "/v1"));
	}

	@Test
	void answersWithTheApplicationsResponder() {
		this.contextRunner.withPropertyValues("openai.assistants.emulator.enabled=true")
			.withUserConfiguration(ScriptedConfiguration.class)
			.run((context) -> assertAnswers(context.getBean(AssistantsClient.class), "Scripted for the app"));
	}

	@Test
	void backsOffWhenTheApplicationDefinesItsEmulator() {
		this.contextRunner.withPropertyValues("openai.assistants.emulator.enabled=true")
			.withUserConfiguration(OwnEmulatorConfiguration.class)
			.run((context) -> {
				assertThat(context).hasSingleBean(AssistantsEmulator.class);
				assertThat(context.getBean(AssistantsEmulator.class).token()).isEqualTo("sk-own");
				assertAnswers(context.getBean(AssistantsClient.class), "[emulator] You said: Hi");
			});
	}

	@Test
	void stopsTheEmulatorWithTheContext() {
		AssistantsEmulator[] emulator = new AssistantsEmulator[1];
		this.contextRunner.withPropertyValues("openai.assistants.emulator.enabled=true")
			.run((context) -> emulator[0] = context.getBean(AssistantsEmulator.class));
		assertThat(emulator[0].isRunning()).isFalse();
	}

	@Test
	void failsStartUpOnAnInvalidPort() {
		this.contextRunner.withPropertyValues("openai.assistants.emulator.enabled=true",
				"openai.assistants.emulator.port=70000")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("'port' must be between 0 and 65535"));
	}

	@Test
	void runsInABootApplicationFromItsProperty() {
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(ApplicationConfiguration.class)
			.web(WebApplicationType.NONE)
			.bannerMode(Banner.Mode.OFF)
			.properties("openai.assistants.emulator.enabled=true", "openai.assistants.emulator.step-delay=1ms",
					"openai.assistants.poll.interval=10ms")
			.run()) {
			assertThat(context.getEnvironment().getPropertySources()
				.contains(AssistantsEmulatorEnvironmentPostProcessor.PROPERTY_SOURCE)).isTrue();
			assertAnswers(context.getBean(AssistantsClient.class), "[emulator] You said: Hi");
		}
	}

	private static void assertAnswers(AssistantsClient client, String answer) {
		String assistantId = client.assistants()
			.create(CreateAssistantRequest.builder("gpt-4o").build())
			.block(TIMEOUT)
			.id();
		CreateThreadAndRunRequest request = CreateThreadAndRunRequest.builder(assistantId)
			.thread(CreateThreadRequest.builder().addMessage(CreateMessageRequest.user("Hi")).build())
			.build();
		StepVerifier.create(client.threads()
				.createAndRunAndPoll(request)
				.flatMap((run) -> client.messages().list(run.threadId()).next()))
			.assertNext((message) -> assertThat(RunContext.textOf(message)).isEqualTo(answer))
			.expectComplete()
			.verify(TIMEOUT);
	}

	@Configuration(proxyBeanMethods = false)
	static class ScriptedConfiguration {

		@Bean
		ScriptedResponder scriptedResponder() {
			return new ScriptedResponder().thenReply("Scripted for the app");
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class OwnEmulatorConfiguration {

		@Bean(destroyMethod = "stop")
		AssistantsEmulator ownEmulator() {
			return AssistantsEmulator.builder().token("sk-own").stepDelay(Duration.ofMillis(1)).build().start();
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration({ AssistantsEmulatorAutoConfiguration.class, AssistantsAutoConfiguration.class })
	static class ApplicationConfiguration {

	}

}
