package dev.assistants4j.emulator.autoconfigure;

import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.StringUtils;

import dev.assistants4j.emulator.AssistantsEmulator;

/**
 * Sets {@code openai.assistants.token} to the emulator's token when the emulator is enabled and no token is
 * set, or a blank one, as with {@code token: ${OPENAI_ASSISTANTS_TOKEN:}} on a machine without the variable:
 * the client is auto-configured only with a token, and refuses a blank one. A token that is set is kept; the
 * client is given the emulator's anyway.
 */
public class AssistantsEmulatorEnvironmentPostProcessor implements EnvironmentPostProcessor {

	static final String PROPERTY_SOURCE = "assistantsEmulator";

	private static final String TOKEN = "openai.assistants.token";

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		boolean enabled = environment.getProperty(AssistantsEmulatorProperties.PREFIX + ".enabled", Boolean.class,
				false);
		if (!enabled || StringUtils.hasText(environment.getProperty(TOKEN))) {
			return;
		}
		String token = environment.getProperty(AssistantsEmulatorProperties.PREFIX + ".token",
				AssistantsEmulator.DEFAULT_TOKEN);
		// First, to win over a blank value from any other source.
		environment.getPropertySources().addFirst(new MapPropertySource(PROPERTY_SOURCE, Map.of(TOKEN, token)));
	}

}
