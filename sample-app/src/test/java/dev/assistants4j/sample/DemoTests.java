package dev.assistants4j.sample;

import java.time.Duration;
import java.util.HashMap;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import reactor.test.StepVerifier;

import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import dev.assistants4j.client.AssistantsClient;
import dev.assistants4j.emulator.autoconfigure.AssistantsEmulatorEnvironmentPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(OutputCaptureExtension.class)
class DemoTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(20);

	private static final String MATH_TUTOR_ANSWER = "[emulator] You said: I need to solve the equation "
			+ "`3x + 11 = 14`. Can you help me?";

	private static final String WEATHER_ANSWER = "[emulator] get_weather returned "
			+ "{\"location\":\"Paris\",\"temperature_celsius\":18,\"conditions\":\"partly cloudy\"}.";

	// On the emulator whatever the developer's OPENAI_ASSISTANTS_* variables, and quick.
	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withUserConfiguration(SampleApplication.class)
		.withInitializer((context) -> {
			context.getEnvironment()
				.getPropertySources()
				.replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
						new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
								new HashMap<>()));
			new AssistantsEmulatorEnvironmentPostProcessor().postProcessEnvironment(context.getEnvironment(), null);
		})
		.withPropertyValues("openai.assistants.emulator.enabled=true", "openai.assistants.emulator.step-delay=1ms",
				"openai.assistants.emulator.chunk-delay=0", "openai.assistants.poll.interval=10ms");

	@Test
	void mathTutorAnswersFromTheThreadsMessages() {
		this.contextRunner.run((context) -> StepVerifier.create(demo(context, "math-tutor").answer())
			.expectNext(MATH_TUTOR_ANSWER)
			.expectComplete()
			.verify(TIMEOUT));
	}

	@Test
	void weatherAssistantAnswersWithTheOutputOfGetWeather() {
		this.contextRunner.run((context) -> StepVerifier.create(demo(context, "weather").answer())
			.expectNext(WEATHER_ANSWER)
			.expectComplete()
			.verify(TIMEOUT));
	}

	@Test
	void runsBothDemosAtStartUpAndLogsTheirAnswers(CapturedOutput output) {
		this.contextRunner.run((context) -> {
			context.getBean(DemoRunner.class).run(new DefaultApplicationArguments());
			assertThat(output).contains("Demo math-tutor asks: I need to solve the equation `3x + 11 = 14`.")
				.contains("Demo math-tutor answer: " + MATH_TUTOR_ANSWER)
				.contains("Demo weather asks: What's the weather like in Paris today?")
				.contains("Demo weather answer: " + WEATHER_ANSWER);
		});
	}

	@Test
	void runsOnlyTheSelectedDemos(CapturedOutput output) {
		this.contextRunner.withPropertyValues("sample.demos=weather").run((context) -> {
			context.getBean(DemoRunner.class).run(new DefaultApplicationArguments());
			assertThat(output).contains("Demo weather answer: ").doesNotContain("Demo math-tutor");
		});
	}

	@Test
	void runsNoDemoWhenNoneIsSelected(CapturedOutput output) {
		this.contextRunner.withPropertyValues("sample.demos=").run((context) -> {
			context.getBean(DemoRunner.class).run(new DefaultApplicationArguments());
			assertThat(output).doesNotContain("Demo ");
		});
	}

	@Test
	void namesTheDemosWhenOneIsUnknown(CapturedOutput output) {
		this.contextRunner.withPropertyValues("sample.demos=chess").run((context) -> {
			context.getBean(DemoRunner.class).run(new DefaultApplicationArguments());
			assertThat(output).contains("There is no demo named 'chess' in sample.demos; the demos are "
					+ "[math-tutor, weather]");
		});
	}

	private static Demo demo(AssertableApplicationContext context, String name) {
		return context.getBean(DemoRunner.class).demos(context.getBean(AssistantsClient.class)).get(name);
	}

}
