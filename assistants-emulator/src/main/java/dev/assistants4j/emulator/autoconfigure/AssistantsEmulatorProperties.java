package dev.assistants4j.emulator.autoconfigure;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

import dev.assistants4j.emulator.AssistantsEmulator;

/**
 * Configuration properties of the embedded {@link AssistantsEmulator}.
 */
@ConfigurationProperties(AssistantsEmulatorProperties.PREFIX)
public class AssistantsEmulatorProperties {

	/**
	 * The prefix of the emulator's properties.
	 */
	public static final String PREFIX = "openai.assistants.emulator";

	/** Whether to start an in-memory Assistants API emulator and point the client at it. */
	private boolean enabled;

	/** Port the emulator listens on, on the loopback address; 0 picks a free one. */
	private int port;

	/** Token the emulator accepts; the client is given it. */
	// A literal, not AssistantsEmulator.DEFAULT_TOKEN: the metadata only records literal defaults.
	private String token = "emulator-token";

	/** Delay before each move of a run and of a vector-store file's indexing. */
	private Duration stepDelay = Duration.ofMillis(50);

	/** Delay before each chunk of a streamed answer, so that it streams visibly. */
	private Duration chunkDelay = Duration.ofMillis(20);

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public int getPort() {
		return this.port;
	}

	public void setPort(int port) {
		this.port = port;
	}

	public String getToken() {
		return this.token;
	}

	public void setToken(String token) {
		this.token = token;
	}

	public Duration getStepDelay() {
		return this.stepDelay;
	}

	public void setStepDelay(Duration stepDelay) {
		this.stepDelay = stepDelay;
	}

	public Duration getChunkDelay() {
		return this.chunkDelay;
	}

	public void setChunkDelay(Duration chunkDelay) {
		this.chunkDelay = chunkDelay;
	}

}
