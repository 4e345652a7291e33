package dev.assistants4j.sample;

import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

class EmulatorByDefaultEnvironmentPostProcessorTests {

	private static final String ENABLED = "openai.assistants.emulator.enabled";

	private final EmulatorByDefaultEnvironmentPostProcessor postProcessor = new EmulatorByDefaultEnvironmentPostProcessor();

	@Test
	void enablesTheEmulatorWhenNoTokenIsSet() {
		assertThat(postProcess(Map.of()).getProperty(ENABLED)).isEqualTo("true");
	}

	@Test
	void enablesTheEmulatorWhenTheTokenIsBlank() {
		assertThat(postProcess(Map.of("openai.assistants.token", " ")).getProperty(ENABLED)).isEqualTo("true");
	}

	@Test
	void leavesTheEmulatorOffWhenATokenIsSet() {
		assertThat(postProcess(Map.of("openai.assistants.token", "sk-test")).containsProperty(ENABLED)).isFalse();
	}

	@Test
	void keepsAnExplicitSetting() {
		assertThat(postProcess(Map.of(ENABLED, "false")).getProperty(ENABLED)).isEqualTo("false");
		assertThat(postProcess(Map.of(ENABLED, "true", "openai.assistants.token", "sk-test")).getProperty(ENABLED))
			.isEqualTo("true");
	}

	private StandardEnvironment postProcess(Map<String, Object> properties) {
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources().remove(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
		environment.getPropertySources().addFirst(new MapPropertySource("test", properties));
		this.postProcessor.postProcessEnvironment(environment, null);
		return environment;
	}

}
