package dev.assistants4j.autoconfigure;

import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.util.unit.DataSize;

import dev.assistants4j.client.AuthHeaderStyle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;
import static org.springframework.core.env.StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME;

class AssistantsPropertiesTests {

	// Without the process's variables: a developer's own OPENAI_ASSISTANTS_TOKEN must not decide the outcome.
	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withInitializer((context) -> context.getEnvironment()
			.getPropertySources()
			.remove(SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME))
		.withConfiguration(AutoConfigurations.of(AssistantsAutoConfiguration.class))
		.withPropertyValues("openai.assistants.token=sk-test");

	@Test
	void metadataDescribesEveryPropertyWithItsDesignedDefault() throws IOException, URISyntaxException {
		Map<String, String> defaults = new LinkedHashMap<>();
		for (JsonNode property : metadata().get("properties")) {
			assertThat(property.path("description").asString()).as(property.get("name").asString()).isNotBlank();
			defaults.put(property.get("name").asString(), property.path("defaultValue").asString(""));
		}
		assertThat(defaults).containsOnly(entry("openai.assistants.token", ""),
				entry("openai.assistants.base-url", "https://api.openai.com/v1"),
				entry("openai.assistants.organization", ""), entry("openai.assistants.project", ""),
				entry("openai.assistants.beta-header", "assistants=v2"),
				entry("openai.assistants.auth-header", "bearer"), entry("openai.assistants.headers", ""),
				entry("openai.assistants.query-params", ""), entry("openai.assistants.connect-timeout", "10s"),
				entry("openai.assistants.response-timeout", "60s"),
				entry("openai.assistants.stream-idle-timeout", "60s"),
				entry("openai.assistants.max-in-memory-size", "16MB"),
				entry("openai.assistants.retry.max-retries", "2"),
				entry("openai.assistants.retry.initial-backoff", "500ms"),
				entry("openai.assistants.retry.max-backoff", "8s"),
				entry("openai.assistants.retry.max-retry-after", "120s"),
				entry("openai.assistants.poll.interval", "1s"), entry("openai.assistants.poll.timeout", "10m"));
	}

	@Test
	void bindsEveryProperty() {
		this.contextRunner.withPropertyValues("openai.assistants.base-url=https://example.com/openai",
				"openai.assistants.organization=org-1", "openai.assistants.project=proj-1",
				"openai.assistants.beta-header=assistants=v3", "openai.assistants.auth-header=api-key",
				"openai.assistants.headers.x-team=math", "openai.assistants.query-params.api-version=2024-05-01",
				"openai.assistants.connect-timeout=1s", "openai.assistants.response-timeout=2s",
				"openai.assistants.stream-idle-timeout=3s", "openai.assistants.max-in-memory-size=4MB",
				"openai.assistants.retry.max-retries=5", "openai.assistants.retry.initial-backoff=6ms",
				"openai.assistants.retry.max-backoff=7s", "openai.assistants.retry.max-retry-after=8s",
				"openai.assistants.poll.interval=9ms", "openai.assistants.poll.timeout=10m")
			.run((context) -> {
				AssistantsProperties properties = context.getBean(AssistantsProperties.class);
				assertThat(properties.getToken()).isEqualTo("sk-test");
				assertThat(properties.getBaseUrl()).isEqualTo("https://example.com/openai");
				assertThat(properties.getOrganization()).isEqualTo("org-1");
				assertThat(properties.getProject()).isEqualTo("proj-1");
				assertThat(properties.getBetaHeader()).isEqualTo("assistants=v3");
				assertThat(properties.getAuthHeader()).isEqualTo(AuthHeaderStyle.API_KEY);
				assertThat(properties.getHeaders()).containsExactly(entry("x-team", "math"));
				assertThat(properties.getQueryParams()).containsExactly(entry("api-version", "2024-05-01"));
				assertThat(properties.getConnectTimeout()).isEqualTo(Duration.ofSeconds(1));
				assertThat(properties.getResponseTimeout()).isEqualTo(Duration.ofSeconds(2));
				assertThat(properties.getStreamIdleTimeout()).isEqualTo(Duration.ofSeconds(3));
				assertThat(properties.getMaxInMemorySize()).isEqualTo(DataSize.ofMegabytes(4));
				assertThat(properties.getRetry().getMaxRetries()).isEqualTo(5);
				assertThat(properties.getRetry().getInitialBackoff()).isEqualTo(Duration.ofMillis(6));
				assertThat(properties.getRetry().getMaxBackoff()).isEqualTo(Duration.ofSeconds(7));
				assertThat(properties.getRetry().getMaxRetryAfter()).isEqualTo(Duration.ofSeconds(8));
				assertThat(properties.getPoll().getInterval()).isEqualTo(Duration.ofMillis(9));
				assertThat(properties.getPoll().getTimeout()).isEqualTo(Duration.ofMinutes(10));
			});
	}

	/**
	 * Reads the metadata generated next to this module's classes, not the first of the many on the class path.
	 */
	private static JsonNode metadata() throws IOException, URISyntaxException {
		URL classes = AssistantsProperties.class.getProtectionDomain().getCodeSource().getLocation();
		Path metadata = Path.of(classes.toURI()).resolve("META-INF/spring-configuration-metadata.json");
		return JsonMapper.builder().build().readTree(metadata.toFile());
	}

}
