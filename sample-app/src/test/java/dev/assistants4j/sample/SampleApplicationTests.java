package dev.assistants4j.sample;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import dev.assistants4j.client.AssistantsClient;
import dev.assistants4j.emulator.AssistantsEmulator;
import dev.assistants4j.emulator.autoconfigure.AssistantsEmulatorEnvironmentPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(OutputCaptureExtension.class)
class SampleApplicationTests {

	// The developer's own OPENAI_ASSISTANTS_* variables must not decide the outcome.
	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withUserConfiguration(SampleApplication.class);

	@Test
	void runsOnTheEmulatorWhenNoTokenIsSet(CapturedOutput output) {
		this.contextRunner.withInitializer(environmentVariables(Map.of())).run((context) -> {
			assertThat(context).hasNotFailed().hasSingleBean(AssistantsEmulator.class);
			AssistantsEmulator emulator = context.getBean(AssistantsEmulator.class);
			assertThat(context.getBean(AssistantsClient.class))
				.hasToString("AssistantsClient[" + emulator.baseUrl() + "]");
			context.getBean(ConnectionSummary.class).run(new DefaultApplicationArguments());
			assertThat(output).contains("Connected to the embedded Assistants API emulator at " + emulator.baseUrl())
				.contains("set OPENAI_ASSISTANTS_TOKEN");
		});
	}

	@Test
	void talksToTheConfiguredServerWhenTheTokenVariableIsSet(CapturedOutput output) {
		this.contextRunner
			.withInitializer(environmentVariables(Map.of("OPENAI_ASSISTANTS_TOKEN", "sk-secret-test",
					"OPENAI_ASSISTANTS_BASE_URL", "http://assistants.example.com/v1")))
			.run((context) -> {
				assertThat(context).hasNotFailed().doesNotHaveBean(AssistantsEmulator.class);
				assertThat(context.getBean(AssistantsClient.class))
					.hasToString("AssistantsClient[http://assistants.example.com/v1]");
				context.getBean(ConnectionSummary.class).run(new DefaultApplicationArguments());
				assertThat(output)
					.contains("Connected to the Assistants API at http://assistants.example.com/v1 with the "
							+ "configured token (not shown).")
					.doesNotContain("sk-secret-test");
			});
	}

	@Test
	void keepsTheEmulatorOffWhenExplicitlyDisabled(CapturedOutput output) {
		this.contextRunner.withInitializer(environmentVariables(Map.of()))
			.withPropertyValues("openai.assistants.emulator.enabled=false")
			.run((context) -> {
				assertThat(context).hasNotFailed()
					.doesNotHaveBean(AssistantsEmulator.class)
					.doesNotHaveBean(AssistantsClient.class);
				context.getBean(ConnectionSummary.class).run(new DefaultApplicationArguments());
				assertThat(output).contains("No OpenAI token is set and the emulator is disabled");
			});
	}

	@Test
	void startsTheEmulatorAndRunsTheDemosInABootApplicationWithoutAToken(CapturedOutput output) {
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources().remove(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(SampleApplication.class)
			.environment(environment)
			.web(WebApplicationType.NONE)
			.run()) {
			assertThat(context.getBean(AssistantsEmulator.class).isRunning()).isTrue();
			assertThat(output).contains("Connected to the embedded Assistants API emulator")
				.contains("Demo math-tutor answer: [emulator] You said: I need to solve the equation")
				.contains("Demo weather answer: [emulator] get_weather returned {\"location\":\"Paris\"");
		}
	}

	/**
	 * Replaces the process's environment variables with the given ones, then post-processes the environment as
	 * a Boot application does: the sample's default first, then the emulator's.
	 */
	private static ApplicationContextInitializer<ConfigurableApplicationContext> environmentVariables(
			Map<String, String> variables) {
		return (context) -> {
			ConfigurableEnvironment environment = context.getEnvironment();
			environment.getPropertySources()
				.replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
						new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
								new HashMap<>(variables)));
			new EmulatorByDefaultEnvironmentPostProcessor().postProcessEnvironment(environment, null);
			new AssistantsEmulatorEnvironmentPostProcessor().postProcessEnvironment(environment, null);
		};
	}

}
