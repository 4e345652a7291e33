package dev.assistants4j.sample;

import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.StringUtils;

/**
 * Turns on the embedded emulator ({@code openai.assistants.emulator.enabled}) when no token is set, so that the
 * sample runs offline on a fresh machine; a token, such as one from {@code OPENAI_ASSISTANTS_TOKEN}, leaves it
 * off and the sample talks to the configured server. An explicit {@code openai.assistants.emulator.enabled}
 * always wins.
 */
public class EmulatorByDefaultEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

	static final String PROPERTY_SOURCE = "sampleEmulatorByDefault";

	static final String EMULATOR_ENABLED = "openai.assistants.emulator.enabled";

	private static final String TOKEN = "openai.assistants.token";

	// After the configuration files are read, and before the emulator's own post-processor, which gives the
	// client the emulator's token only when the emulator is enabled.
	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE - 1;
	}

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		if (environment.containsProperty(EMULATOR_ENABLED) || StringUtils.hasText(environment.getProperty(TOKEN))) {
			return;
		}
		// Last, so that it is only a default.
		environment.getPropertySources()
			.addLast(new MapPropertySource(PROPERTY_SOURCE, Map.of(EMULATOR_ENABLED, "true")));
	}

}
