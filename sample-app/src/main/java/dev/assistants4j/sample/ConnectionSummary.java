package dev.assistants4j.sample;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

import dev.assistants4j.autoconfigure.AssistantsProperties;
import dev.assistants4j.emulator.AssistantsEmulator;

/**
 * Says, first thing once the application has started, which server the client talks to: the embedded emulator
 * or the configured one, by base URL. The token is never shown.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class ConnectionSummary implements ApplicationRunner {

	private static final Log logger = LogFactory.getLog(ConnectionSummary.class);

	private final ObjectProvider<AssistantsEmulator> emulator;

	private final ObjectProvider<AssistantsProperties> properties;

	private final Environment environment;

	ConnectionSummary(ObjectProvider<AssistantsEmulator> emulator, ObjectProvider<AssistantsProperties> properties,
			Environment environment) {
		this.emulator = emulator;
		this.properties = properties;
		this.environment = environment;
	}

	@Override
	public void run(ApplicationArguments args) {
		logger.info(describe());
		String port = this.environment.getProperty("local.server.port");
		if (port != null) {
			logger.info("Chat page: http://localhost:" + port + "/");
		}
	}

	String describe() {
		AssistantsEmulator emulator = this.emulator.getIfAvailable();
		if (emulator != null) {
			return "Connected to the embedded Assistants API emulator at " + emulator.baseUrl()
					+ " (openai.assistants.emulator.enabled, on by default when no OPENAI_ASSISTANTS_TOKEN is set); "
					+ "its answers are scripted and start with [emulator]. To talk to a real server, set "
					+ "OPENAI_ASSISTANTS_TOKEN (and OPENAI_ASSISTANTS_BASE_URL for a server other than "
					+ "https://api.openai.com/v1).";
		}
		AssistantsProperties properties = this.properties.getIfAvailable();
		if (properties != null) {
			return "Connected to the Assistants API at " + properties.getBaseUrl()
					+ " with the configured token (not shown).";
		}
		return "No OpenAI token is set and the emulator is disabled, so there is no AssistantsClient. Set "
				+ "OPENAI_ASSISTANTS_TOKEN (and OPENAI_ASSISTANTS_BASE_URL for a server other than "
				+ "https://api.openai.com/v1), or leave openai.assistants.emulator.enabled unset to run offline.";
	}

}
