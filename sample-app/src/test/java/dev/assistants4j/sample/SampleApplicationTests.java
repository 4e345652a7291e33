package dev.assistants4j.sample;

import java.util.HashMap;
import java.util.Map;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import dev.assistants4j.client.AssistantsClient;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(OutputCaptureExtension.class)
class SampleApplicationTests {

	@RegisterExtension
	static WireMockExtension server = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	// The developer's own OPENAI_ASSISTANTS_* variables must not decide the outcome.
	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withUserConfiguration(SampleApplication.class)
		.withInitializer(environmentVariables(Map.of()));

	@Test
	void startsWithoutTokenAndSaysHowToSetIt(CapturedOutput output) {
		this.contextRunner.run((context) -> {
			assertThat(context).hasNotFailed().doesNotHaveBean(AssistantsClient.class);
			context.getBean(ApplicationRunner.class).run(new DefaultApplicationArguments());
			assertThat(output).contains("No OpenAI token is set").contains("set OPENAI_ASSISTANTS_TOKEN");
		});
	}

	@Test
	void listsTheFirstAssistantsWhenTheTokenVariableIsSet(CapturedOutput output) {
		server.stubFor(get(urlPathEqualTo("/v1/assistants")).willReturn(okJson("""
				{"object":"list","data":[
				 {"id":"asst_1","object":"assistant","name":"Math Tutor","model":"gpt-4o"},
				 {"id":"asst_2","object":"assistant","name":"Weather Bot","model":"gpt-4o-mini"}],
				 "first_id":"asst_1","last_id":"asst_2","has_more":true}""")));
		this.contextRunner
			.withInitializer(environmentVariables(Map.of("OPENAI_ASSISTANTS_TOKEN", "sk-test",
					"OPENAI_ASSISTANTS_BASE_URL", server.baseUrl() + "/v1")))
			.run((context) -> {
				context.getBean(ApplicationRunner.class).run(new DefaultApplicationArguments());
				assertThat(output).contains("asst_1  Math Tutor  (gpt-4o)")
					.contains("asst_2  Weather Bot  (gpt-4o-mini)");
				server.verify(1, getRequestedFor(urlPathEqualTo("/v1/assistants"))
					.withQueryParam("limit", equalTo("10"))
					.withHeader("Authorization", equalTo("Bearer sk-test")));
			});
	}

	/**
	 * Replaces the process's environment variables with the given ones.
	 */
	private static ApplicationContextInitializer<ConfigurableApplicationContext> environmentVariables(
			Map<String, String> variables) {
		return (context) -> context.getEnvironment()
			.getPropertySources()
			.replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, new SystemEnvironmentPropertySource(
					StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, new HashMap<>(variables)));
	}

}
