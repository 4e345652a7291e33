package dev.assistants4j.autoconfigure;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.assistants4j.client.AssistantsClient;
import dev.assistants4j.tool.AssistantFunction;
import dev.assistants4j.tool.AssistantFunctions;
import dev.assistants4j.tool.FunctionCall;
import dev.assistants4j.tool.ToolCallHandler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.core.env.StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME;

class AssistantFunctionsAutoConfigurationTests {

	// Without the process's variables: a developer's own OPENAI_ASSISTANTS_TOKEN must not decide the outcome.
	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withInitializer((context) -> context.getEnvironment()
			.getPropertySources()
			.remove(SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME))
		.withConfiguration(AutoConfigurations.of(AssistantsAutoConfiguration.class,
				AssistantFunctionsAutoConfiguration.class));

	@Test
	void definesNoHandlerWithoutFunctions() {
		this.contextRunner.withPropertyValues("openai.assistants.token=sk-test")
			.run((context) -> assertThat(context).hasSingleBean(AssistantsClient.class)
				.doesNotHaveBean(ToolCallHandler.class)
				.doesNotHaveBean(AssistantFunctions.class));
	}

	@Test
	void collectsFunctionBeansIntoTheHandler() {
		this.contextRunner.withUserConfiguration(WeatherAndTimeConfiguration.class).run((context) -> {
			assertThat(context).hasSingleBean(ToolCallHandler.class).hasSingleBean(AssistantFunctions.class);
			AssistantFunctions functions = context.getBean(AssistantFunctions.class);
			assertThat(context.getBean(ToolCallHandler.class)).isSameAs(functions);
			assertThat(functions.tools()).extracting((tool) -> tool.function().name())
				.containsExactlyInAnyOrder("get_weather", "get_time");
			StepVerifier.create(functions.handle(new FunctionCall("call_1", "get_weather", "{\"city\":\"Oslo\"}")))
				.expectNext("-3 in Oslo")
				.expectComplete()
				.verify(Duration.ofSeconds(5));
		});
	}

	@Test
	void collectsFunctionsWithoutAClient() {
		this.contextRunner.withUserConfiguration(WeatherAndTimeConfiguration.class)
			.run((context) -> assertThat(context).doesNotHaveBean(AssistantsClient.class)
				.hasSingleBean(AssistantFunctions.class));
	}

	@Test
	void backsOffWhenUserDefinesHandler() {
		this.contextRunner.withUserConfiguration(WeatherAndTimeConfiguration.class, UserHandlerConfiguration.class)
			.run((context) -> assertThat(context).hasSingleBean(ToolCallHandler.class)
				.hasBean("userHandler")
				.doesNotHaveBean(AssistantFunctions.class));
	}

	@Test
	void failsToStartWhenTwoFunctionsShareAName() {
		this.contextRunner.withUserConfiguration(WeatherAndTimeConfiguration.class, DuplicateConfiguration.class)
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.isInstanceOf(IllegalStateException.class)
				.hasMessage("The AssistantFunction beans 'weather' and 'weatherAgain' are both named 'get_weather'; "
						+ "function names must be unique, rename one"));
	}

	@Configuration(proxyBeanMethods = false)
	static class WeatherAndTimeConfiguration {

		@Bean
		AssistantFunction weather() {
			return AssistantFunction.of("get_weather", "Current weather of a city", Map.of("type", "object"),
					(call) -> Mono.just("-3 in " + call.argumentsAsMap().get("city")));
		}

		@Bean
		AssistantFunction time() {
			return AssistantFunction.of("get_time", "Current time", Map.of("type", "object"),
					(call) -> Mono.just("12:00"));
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class DuplicateConfiguration {

		@Bean
		AssistantFunction weatherAgain() {
			return AssistantFunction.of("get_weather", "Weather, again", Map.of("type", "object"),
					(call) -> Mono.just("sunny"));
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class UserHandlerConfiguration {

		@Bean
		ToolCallHandler userHandler() {
			return (call) -> Mono.just("mine");
		}

	}

}
