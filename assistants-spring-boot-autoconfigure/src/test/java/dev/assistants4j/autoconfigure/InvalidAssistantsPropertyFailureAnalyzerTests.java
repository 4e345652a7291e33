package dev.assistants4j.autoconfigure;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.BeanCreationException;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import dev.assistants4j.client.AssistantsClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.springframework.core.env.StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME;

class InvalidAssistantsPropertyFailureAnalyzerTests {

	// Without the process's variables: a developer's own OPENAI_ASSISTANTS_TOKEN must not decide the outcome.
	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withInitializer((context) -> context.getEnvironment()
			.getPropertySources()
			.remove(SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME))
		.withConfiguration(AutoConfigurations.of(AssistantsAutoConfiguration.class));

	private final InvalidAssistantsPropertyFailureAnalyzer analyzer = new InvalidAssistantsPropertyFailureAnalyzer();

	@ParameterizedTest
	@ValueSource(strings = { "", "   " })
	void blankTokenFailsStartUpWithAnAnalysisNamingTheProperty(String token) {
		assertStartUpFailure(this.contextRunner.withPropertyValues("openai.assistants.token=" + token),
				"The configuration property 'openai.assistants.token' is invalid: it must not be blank.",
				"Set 'openai.assistants.token' to your API token, or remove it (and any OPENAI_ASSISTANTS_TOKEN "
						+ "environment variable) to start without an AssistantsClient.");
	}

	@Test
	void zeroTimeoutFailsStartUpWithAnAnalysisNamingTheProperty() {
		assertStartUpFailure(withToken("openai.assistants.connect-timeout=0s"),
				"The configuration property 'openai.assistants.connect-timeout' is invalid: it must be a positive "
						+ "duration, such as 500ms or 10s.",
				"Change 'openai.assistants.connect-timeout' in your configuration, or remove it to use the default.");
	}

	@ParameterizedTest
	@ValueSource(strings = { "not a url", "ftp://example.com/v1", "https://example.com/v1?api-version=1", "https://user:pw@example.com/v1", "" })
	void malformedBaseUrlFailsStartUpWithAnAnalysisNamingTheProperty(String baseUrl) {
		assertStartUpFailure(withToken("openai.assistants.base-url=" + baseUrl),
				"The configuration property 'openai.assistants.base-url' is invalid: it must be an absolute http or "
						+ "https URL with a host and without a query, fragment or credentials, such as https://api.openai.com/v1.",
				"Change 'openai.assistants.base-url' in your configuration, or remove it to use the default.");
	}

	@ParameterizedTest(name = "{0}={1}")
	@CsvSource(delimiter = '|', textBlock = """
			connect-timeout       | -1s  | must be a positive duration, such as 500ms or 10s
			response-timeout      | 0s   | must be a positive duration, such as 500ms or 10s
			stream-idle-timeout   | -5m  | must be a positive duration, such as 500ms or 10s
			max-in-memory-size    | 0B   | must be a positive size below 2GB, such as 16MB
			max-in-memory-size    | -1MB | must be a positive size below 2GB, such as 16MB
			max-in-memory-size    | 2GB  | must be a positive size below 2GB, such as 16MB
			max-in-memory-size    | -3GB | must be a positive size below 2GB, such as 16MB
			retry.max-retries     | -1   | must be zero or more
			retry.initial-backoff | 0ms  | must be a positive duration, such as 500ms or 10s
			retry.max-backoff     | -8s  | must be a positive duration, such as 500ms or 10s
			retry.max-retry-after | -1s  | must be zero or a positive duration, such as 120s
			poll.interval         | 0s   | must be a positive duration, such as 500ms or 10s
			poll.timeout          | -10m | must be a positive duration, such as 500ms or 10s
			""")
	void nonsensicalValueFailsStartUpWithAnAnalysisNamingTheProperty(String property, String value, String reason) {
		String name = "openai.assistants." + property;
		assertStartUpFailure(withToken(name + "=" + value),
				"The configuration property '" + name + "' is invalid: it " + reason + ".",
				"Change '" + name + "' in your configuration, or remove it to use the default.");
	}

	@ParameterizedTest
	@ValueSource(strings = { "retry.max-retries=0", "retry.max-retry-after=0s", "max-in-memory-size=1B" })
	void boundaryValueStartsTheClient(String property) {
		withToken("openai.assistants." + property)
			.run((context) -> assertThat(context).hasSingleBean(AssistantsClient.class));
	}

	@Test
	void failureNeverQuotesTheToken() {
		this.contextRunner
			.withPropertyValues("openai.assistants.token=sk-do-not-leak", "openai.assistants.response-timeout=0s")
			.run((context) -> {
				assertThat(context).hasFailed();
				FailureAnalysis analysis = this.analyzer.analyze(context.getStartupFailure());
				assertThat(analysis.getDescription()).doesNotContain("sk-do-not-leak");
				assertThat(analysis.getAction()).doesNotContain("sk-do-not-leak");
				for (Throwable ex = context.getStartupFailure(); ex != null; ex = ex.getCause()) {
					assertThat(ex.getMessage()).doesNotContain("sk-do-not-leak");
				}
			});
	}

	@Test
	void ignoresOtherFailures() {
		assertThat(this.analyzer.analyze(new IllegalStateException("unrelated"))).isNull();
	}

	@Test
	@ExtendWith(OutputCaptureExtension.class)
	void failedStartUpIsReportedWithTheAnalysis(CapturedOutput output) {
		SpringApplication application = new SpringApplication(AssistantsAutoConfiguration.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		assertThatExceptionOfType(BeanCreationException.class)
			.isThrownBy(() -> application.run("--openai.assistants.token="));
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("The configuration property 'openai.assistants.token' is invalid: it must not be blank.")
			.contains("Set 'openai.assistants.token' to your API token");
	}

	private ApplicationContextRunner withToken(String property) {
		return this.contextRunner.withPropertyValues("openai.assistants.token=sk-test", property);
	}

	private void assertStartUpFailure(ApplicationContextRunner contextRunner, String description, String action) {
		contextRunner.run((context) -> {
			assertThat(context).hasFailed();
			FailureAnalysis analysis = this.analyzer.analyze(context.getStartupFailure());
			assertThat(analysis.getDescription()).isEqualTo(description);
			assertThat(analysis.getAction()).isEqualTo(action);
		});
	}

}
