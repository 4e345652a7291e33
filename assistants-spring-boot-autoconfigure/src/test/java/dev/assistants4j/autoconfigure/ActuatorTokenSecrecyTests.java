package dev.assistants4j.autoconfigure;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.reactive.server.WebTestClient;

import dev.assistants4j.client.AssistantsClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A running application with the actuator's {@code configprops} and {@code env} endpoints exposed over HTTP:
 * neither shows the token, not with Boot's default of masking every value, and not when the application asks
 * to see values, where the other {@code openai.assistants.*} values do show; nor does the {@code toString()}
 * of the bound properties. The client's log lines, exceptions and {@code toString()} are covered by
 * {@code TokenSecrecyTests}.
 */
class ActuatorTokenSecrecyTests {

	static final String SECRET = "sk-actuator-secret-4711";

	static final String AZURE_KEY = "azure-key-0815";

	private static String get(int port, String path) {
		byte[] body = WebTestClient.bindToServer()
			.baseUrl("http://localhost:" + port)
			.responseTimeout(Duration.ofSeconds(10))
			.build()
			.get()
			.uri(path)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.returnResult()
			.getResponseBody();
		assertThat(body).isNotNull();
		return new String(body, java.nio.charset.StandardCharsets.UTF_8);
	}

	@SpringBootApplication
	static class Application {

	}

	@Test
	void boundPropertiesPrintNoToken() {
		new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(AssistantsAutoConfiguration.class))
			.withPropertyValues("openai.assistants.token=" + SECRET, "openai.assistants.headers.api-key=" + AZURE_KEY)
			.run((context) -> {
				AssistantsProperties properties = context.getBean(AssistantsProperties.class);
				assertThat(List.of(properties, properties.getRetry(), properties.getPoll(), context.getBean(AssistantsClient.class)))
					.allSatisfy((settings) -> assertThat(settings.toString()).doesNotContain(SECRET).doesNotContain(AZURE_KEY));
			});
	}

	@Test
	void sanitizingFunctionBacksOffWithoutTheActuator() {
		ApplicationContextRunner contextRunner = new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(AssistantsAutoConfiguration.class))
			.withPropertyValues("openai.assistants.token=" + SECRET);
		contextRunner.run((context) -> assertThat(context).hasSingleBean(AssistantsSecretSanitizingFunction.class));
		contextRunner.withClassLoader(new FilteredClassLoader(SanitizingFunction.class))
			.run((context) -> assertThat(context).hasSingleBean(AssistantsClient.class)
				.doesNotHaveBean(AssistantsSecretSanitizingFunction.class));
	}

	@Nested
	@SpringBootTest(classes = Application.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
			properties = { "openai.assistants.token=" + SECRET, "openai.assistants.headers.api-key=" + AZURE_KEY,
					"openai.assistants.base-url=http://localhost:9/openai/v1",
					"management.endpoints.web.exposure.include=configprops,env" })
	class WithBootDefaults {

		@LocalServerPort
		int port;

		@Autowired
		AssistantsClient client;

		@Test
		void configpropsAndEnvShowNoSecret() {
			assertThat(this.client).isNotNull();
			String configprops = get(this.port, "/actuator/configprops");
			String env = get(this.port, "/actuator/env");
			assertThat(configprops).contains("openai.assistants").doesNotContain(SECRET).doesNotContain(AZURE_KEY);
			assertThat(env).contains("openai.assistants.token").doesNotContain(SECRET).doesNotContain(AZURE_KEY);
			assertThat(get(this.port, "/actuator/env/openai.assistants.token")).doesNotContain(SECRET);
		}

	}

	@Nested
	@SpringBootTest(classes = Application.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
			// The token by reference, as from an environment variable: masked under its own name too.
			properties = { "app.openai-key=" + SECRET, "openai.assistants.token=${app.openai-key}",
					"openai.assistants.headers.api-key=" + AZURE_KEY,
					"openai.assistants.base-url=http://localhost:9/openai/v1",
					"management.endpoints.web.exposure.include=configprops,env",
					"management.endpoint.configprops.show-values=always",
					"management.endpoint.env.show-values=always" })
	class WithValuesShown {

		@LocalServerPort
		int port;

		@Test
		void configpropsShowsTheSettingsButNotTheToken() {
			String configprops = get(this.port, "/actuator/configprops");
			assertThat(configprops).contains("http://localhost:9/openai/v1").doesNotContain(SECRET)
				.doesNotContain(AZURE_KEY);
		}

		@Test
		void envShowsTheSettingsButNotTheToken() {
			String env = get(this.port, "/actuator/env");
			assertThat(env).contains("http://localhost:9/openai/v1").doesNotContain(SECRET).doesNotContain(AZURE_KEY);
			assertThat(get(this.port, "/actuator/env/openai.assistants.token")).doesNotContain(SECRET);
			assertThat(get(this.port, "/actuator/env/openai.assistants.headers.api-key")).doesNotContain(AZURE_KEY);
			assertThat(get(this.port, "/actuator/env/app.openai-key")).contains("******").doesNotContain(SECRET);
		}

	}

}
